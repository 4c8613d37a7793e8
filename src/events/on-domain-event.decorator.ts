import { EntityManager } from 'typeorm';
import { DomainEventType, EventOf } from './catalogue';

export interface OnDomainEventOptions {
  /**
   * The subscriber's stable name, stored with each of its deliveries: keep it when renaming the class
   * or method, or pending deliveries are orphaned. Default `ClassName.method`.
   */
  name?: string;
}

export interface OnDomainEventInTransactionOptions extends OnDomainEventOptions {
  /**
   * Run inside the recording transaction, from EventsService.record, instead of after the commit.
   * Only for work the caller's client must see in its response (the guest-cart merge on login): it is
   * not delivered later, not retried, and it lengthens the caller's transaction. It runs in a savepoint:
   * a throw rolls back the handler's own writes only, is logged, and the change commits without it.
   */
  inTransaction: true;
}

/** Handler of an after-commit subscriber: called at least once per event, so idempotent by `event.id`. */
export type DomainEventHandler<T extends DomainEventType> = (event: EventOf<T>) => unknown;
/** Handler of an in-transaction hook: gets the caller's transaction (inside a savepoint). */
export type InTransactionHandler<T extends DomainEventType> = (
  event: EventOf<T>,
  tx: EntityManager,
) => Promise<unknown>;

export interface SubscriptionMetadata {
  type: DomainEventType;
  name?: string;
  inTransaction: boolean;
}

export const DOMAIN_EVENT_SUBSCRIPTIONS = Symbol('DOMAIN_EVENT_SUBSCRIPTIONS');

/** Generic over the method, so its own type (not a widened one) is checked against the handler shape. */
type MethodDecoratorFor<H> = <M extends H>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<M>,
) => void;

/**
 * Subscribes a method of any provider to one event type. Discovered at bootstrap (SubscriberRegistry);
 * the handler's parameter type follows from the event type, so `@OnDomainEvent('order.paid')` on a
 * method taking `EventOf<'order.placed'>` does not compile.
 *
 * After the commit (the default), each subscriber gets each event at least once: a handler that throws
 * is retried with backoff, on its own, and may also run twice after a crash, so it must be idempotent
 * by `event.id` (e.g. insert into a table keyed by the event id, ON CONFLICT DO NOTHING).
 */
export function OnDomainEvent<T extends DomainEventType>(
  type: T,
  options?: OnDomainEventOptions & { inTransaction?: false },
): MethodDecoratorFor<DomainEventHandler<T>>;
export function OnDomainEvent<T extends DomainEventType>(
  type: T,
  options: OnDomainEventInTransactionOptions,
): MethodDecoratorFor<InTransactionHandler<T>>;
export function OnDomainEvent(
  type: DomainEventType,
  options: OnDomainEventOptions & { inTransaction?: boolean } = {},
): (target: object, key: string | symbol, descriptor: PropertyDescriptor) => void {
  return (_target, _key, descriptor) => {
    const method: unknown = descriptor.value;
    if (typeof method !== 'function') throw new Error('@OnDomainEvent() belongs on a method');
    const existing = (Reflect.getMetadata(DOMAIN_EVENT_SUBSCRIPTIONS, method) ??
      []) as SubscriptionMetadata[];
    const entry: SubscriptionMetadata = {
      type,
      name: options.name,
      inTransaction: options.inTransaction === true,
    };
    Reflect.defineMetadata(DOMAIN_EVENT_SUBSCRIPTIONS, [...existing, entry], method);
  };
}
