import { setTimeout as delay } from 'node:timers/promises';

/**
 * Gathers the items added within `windowMs` of the first one and writes them with one call: a
 * statement per batch instead of one per item. Each caller waits for the write its item went into,
 * and sees its failure. The write runs in the async context of the batch's first caller.
 */
export class WriteBatcher<T> {
  private pending: T[] = [];
  private scheduled: Promise<void> | undefined;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly windowMs: number,
  ) {}

  add(item: T): Promise<void> {
    this.pending.push(item);
    this.scheduled ??= delay(this.windowMs).then(() => {
      const batch = this.pending;
      this.pending = [];
      this.scheduled = undefined;
      return this.write(batch);
    });
    return this.scheduled;
  }
}
