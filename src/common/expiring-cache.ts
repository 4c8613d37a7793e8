/**
 * Values kept until their own expiry time, at most `capacity` of them: when full, the entry set longest
 * ago is dropped first. For small in-process caches of facts that hold for a known time (a verified
 * token until its `exp`, a store's name for a minute).
 */
export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAtMs: number }>();

  constructor(private readonly capacity: number) {}

  /** The value, unless it expired (it is then dropped) or was never set. */
  get(key: K, nowMs = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (nowMs < entry.expiresAtMs) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: K, value: V, expiresAtMs: number): void {
    // Re-set entries move to the back: the oldest is what `keys()` yields first.
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAtMs });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
