import { WriteBatcher } from '../../src/common/write-batcher';

describe('WriteBatcher', () => {
  it('writes the items added within the window in one call, and a later item in the next', async () => {
    const writes: number[][] = [];
    const batcher = new WriteBatcher<number>(async (items) => {
      writes.push(items);
    }, 20);
    await Promise.all([batcher.add(1), batcher.add(2), batcher.add(3)]);
    await batcher.add(4);
    expect(writes).toEqual([[1, 2, 3], [4]]);
  });

  it('fails every caller of a batch whose write failed, and the next batch starts afresh', async () => {
    let fail = true;
    const writes: string[][] = [];
    const batcher = new WriteBatcher<string>(async (items) => {
      if (fail) throw new Error('database away');
      writes.push(items);
    }, 5);
    const results = await Promise.allSettled([batcher.add('a'), batcher.add('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await batcher.add('c');
    expect(writes).toEqual([['c']]);
  });
});
