import { randomUUID } from 'node:crypto';

/** What an event may carry besides its type and data: set when it is read back from the outbox. */
export interface DomainEventOrigin {
  id?: string;
  occurredAt?: Date;
}

/**
 * A fact another module (or, through webhooks, an outside system) may react to. Recorded in the
 * transaction of the change it describes (EventsService.record) and delivered after the commit, at
 * least once: handlers must be idempotent by `id`, which stays the same on every delivery.
 *
 * `data` holds ids and what a consumer needs without calling back (amounts as "19.99" strings), never
 * a whole entity: it is stored as JSON and outlives the code that wrote it.
 */
export class DomainEvent<TType extends string = string, TData = unknown> {
  readonly id: string;
  readonly occurredAt: Date;

  constructor(
    readonly type: TType,
    /** The store the change belongs to; null for changes outside any store (a new account). */
    readonly storeId: string | null,
    readonly data: TData,
    origin: DomainEventOrigin = {},
  ) {
    this.id = origin.id ?? randomUUID();
    this.occurredAt = origin.occurredAt ?? new Date();
  }
}
