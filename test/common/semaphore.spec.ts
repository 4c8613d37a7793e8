import { Semaphore } from '../../src/common/semaphore';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('lets `limit` holders in and queues the rest in arrival order', async () => {
    const gate = new Semaphore(2);
    const order: number[] = [];
    const releases: Array<() => void> = [];
    const holders = [1, 2, 3, 4, 5].map((n) =>
      gate.acquire().then((release) => {
        order.push(n);
        releases.push(release);
      }),
    );
    await tick();
    expect(order).toEqual([1, 2]);
    expect(gate.usage).toEqual({ active: 2, waiting: 3 });

    releases[0]();
    await tick();
    expect(order).toEqual([1, 2, 3]);
    releases[2]();
    releases[1]();
    await tick();
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(gate.usage).toEqual({ active: 2, waiting: 0 });
    releases[3]();
    releases[4]();
    await Promise.all(holders);
    expect(gate.usage).toEqual({ active: 0, waiting: 0 });
  });

  it('ignores a second release of the same slot (it must not free someone else’s)', async () => {
    const gate = new Semaphore(1);
    const first = await gate.acquire();
    let secondIn = false;
    const second = gate.acquire().then((release) => {
      secondIn = true;
      return release;
    });
    first();
    first();
    const releaseSecond = await second;
    expect(secondIn).toBe(true);
    let thirdIn = false;
    void gate.acquire().then(() => (thirdIn = true));
    await tick();
    // The double release above did not leave a spare slot behind.
    expect(thirdIn).toBe(false);
    releaseSecond();
    await tick();
    expect(thirdIn).toBe(true);
  });

  it('refuses a limit below 1', () => {
    expect(() => new Semaphore(0)).toThrow();
    expect(() => new Semaphore(1.5)).toThrow();
  });
});
