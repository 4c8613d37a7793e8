import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { EntityManager } from 'typeorm';
import { DomainEvent } from './domain-event';
import { DOMAIN_EVENT_SUBSCRIPTIONS, SubscriptionMetadata } from './on-domain-event.decorator';

/** One discovered `@OnDomainEvent` method, bound to its provider instance. */
export interface Subscriber {
  name: string;
  type: string;
  inTransaction: boolean;
  handle(event: DomainEvent, tx?: EntityManager): Promise<unknown>;
}

/**
 * Finds every `@OnDomainEvent` method on the providers of every module, once, at module init (all
 * instances exist by then; lifecycle hooks and the dispatcher come after). Request-scoped providers
 * cannot subscribe: there is no request when an event is delivered.
 */
@Injectable()
export class SubscriberRegistry implements OnModuleInit {
  private readonly afterCommit = new Map<string, Subscriber[]>();
  private readonly inTransaction = new Map<string, Subscriber[]>();
  private readonly byName = new Map<string, Subscriber>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      // `useExisting` aliases and `useValue` of the same object: one subscriber, not two.
      if (!instance || typeof instance !== 'object' || seen.has(instance)) continue;
      seen.add(instance);
      const prototype = Object.getPrototypeOf(instance) as object | null;
      if (!prototype) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn: unknown = (instance as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const entries = Reflect.getMetadata(DOMAIN_EVENT_SUBSCRIPTIONS, fn) as
          SubscriptionMetadata[] | undefined;
        if (!entries) continue;
        if (!wrapper.isDependencyTreeStatic()) {
          throw new Error(
            `${wrapper.name}.${method}: a request-scoped provider cannot subscribe to domain events`,
          );
        }
        for (const entry of entries) {
          this.add({
            name: entry.name ?? `${instance.constructor.name}.${method}`,
            type: entry.type,
            inTransaction: entry.inTransaction,
            handle: async (event, tx) =>
              (fn as (e: DomainEvent, t?: EntityManager) => unknown).call(instance, event, tx),
          });
        }
      }
    }
  }

  /** After-commit subscribers of a type (the dispatcher's work). */
  subscribersOf(type: string): readonly Subscriber[] {
    return this.afterCommit.get(type) ?? [];
  }

  /** In-transaction hooks of a type (run by EventsService.record). */
  hooksOf(type: string): readonly Subscriber[] {
    return this.inTransaction.get(type) ?? [];
  }

  /** Every after-commit subscriber, as (type, name) pairs. */
  allSubscribers(): Subscriber[] {
    return [...this.afterCommit.values()].flat();
  }

  private add(subscriber: Subscriber): void {
    // A name is a delivery's key: two handlers behind one name would share (and steal) deliveries.
    // The same handler on several types is fine (an event has one type).
    const key = `${subscriber.type} ${subscriber.name}`;
    if (this.byName.has(key)) {
      throw new Error(
        `Domain event subscriber ${subscriber.name} is registered twice for ${subscriber.type} (provided by two modules, or a duplicate name)`,
      );
    }
    this.byName.set(key, subscriber);
    const map = subscriber.inTransaction ? this.inTransaction : this.afterCommit;
    map.set(subscriber.type, [...(map.get(subscriber.type) ?? []), subscriber]);
  }
}
