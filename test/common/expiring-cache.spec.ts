import { ExpiringCache } from '../../src/common/expiring-cache';

describe('ExpiringCache', () => {
  it('gives a value until its expiry time, then forgets it', () => {
    const cache = new ExpiringCache<string, number>(10);
    cache.set('a', 1, 1_000);
    expect(cache.get('a', 999)).toBe(1);
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.get('never', 0)).toBeUndefined();
  });

  it('when full, drops the entry set longest ago (a re-set one counts as new)', () => {
    const cache = new ExpiringCache<string, number>(2);
    cache.set('a', 1, 10_000);
    cache.set('b', 2, 10_000);
    cache.set('a', 3, 10_000);
    cache.set('c', 4, 10_000);
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)).toBe(3);
    expect(cache.get('c', 0)).toBe(4);
    expect(cache.size).toBe(2);
  });

  it('setting a key it holds again evicts nothing else', () => {
    const cache = new ExpiringCache<string, number>(2);
    cache.set('a', 1, 10_000);
    cache.set('b', 2, 10_000);
    cache.set('b', 3, 10_000);
    expect(cache.get('a', 0)).toBe(1);
    expect(cache.get('b', 0)).toBe(3);
  });

  it('delete forgets at once', () => {
    const cache = new ExpiringCache<string, number>(2);
    cache.set('a', 1, 10_000);
    cache.delete('a');
    expect(cache.get('a', 0)).toBeUndefined();
  });
});
