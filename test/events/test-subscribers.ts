/**
 * A test-only module whose provider subscribes to domain events the way another team's module would.
 * Every handled event becomes a row of `test_handled` (no unique key, so a second run of a handler
 * for the same event shows up as a duplicate), tagged with the app instance that ran it.
 */
import { DynamicModule, Inject, Injectable, Module } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventOf, OnDomainEvent } from '../../src/events';

export const TEST_TABLES_SQL = `
  CREATE TABLE IF NOT EXISTS test_handled (
    event_id UUID NOT NULL, subscriber TEXT NOT NULL, instance TEXT NOT NULL,
    handled_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp());
  CREATE TABLE IF NOT EXISTS test_changes (id UUID PRIMARY KEY, note TEXT NOT NULL);`;

const INSTANCE = Symbol('TEST_INSTANCE');

/** What the flaky and failing handlers do, shared by the test and the provider of one app. */
export class SubscriberBehaviour {
  /** order.paid: the first `flakyFailures` runs per event throw. */
  flakyFailures = 2;
  readonly flakyRuns = new Map<string, number>();
  /** Extra latency of every handler (spreads concurrent work over time). */
  maxDelayMs = 0;
}

@Injectable()
export class TestSubscribers {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(INSTANCE) private readonly instance: string,
    private readonly behaviour: SubscriberBehaviour,
  ) {}

  @OnDomainEvent('order.placed')
  async onPlaced(event: EventOf<'order.placed'>): Promise<void> {
    await this.handled(event.id, 'TestSubscribers.onPlaced');
  }

  @OnDomainEvent('order.placed', { name: 'test.placed-audit' })
  async auditPlaced(event: EventOf<'order.placed'>): Promise<void> {
    await this.handled(event.id, 'test.placed-audit');
  }

  @OnDomainEvent('order.paid')
  async onPaid(event: EventOf<'order.paid'>): Promise<void> {
    await this.handled(event.id, 'TestSubscribers.onPaid');
  }

  @OnDomainEvent('order.paid', { name: 'test.flaky' })
  async flaky(event: EventOf<'order.paid'>): Promise<void> {
    const runs = (this.behaviour.flakyRuns.get(event.id) ?? 0) + 1;
    this.behaviour.flakyRuns.set(event.id, runs);
    if (runs <= this.behaviour.flakyFailures) throw new Error(`flaky failure ${runs}`);
    await this.handled(event.id, 'test.flaky');
  }

  @OnDomainEvent('product.deleted', { name: 'test.always-fails' })
  alwaysFails(event: EventOf<'product.deleted'>): Promise<void> {
    return Promise.reject(new Error(`cannot handle ${event.data.productId}`));
  }

  /** In the recording transaction: the guest-cart-merge kind of hook. */
  @OnDomainEvent('customer.signed_in', { inTransaction: true, name: 'test.in-tx' })
  async inTx(event: EventOf<'customer.signed_in'>, tx: EntityManager): Promise<void> {
    await tx.query(`INSERT INTO test_changes (id, note) VALUES ($1, 'hook')`, [event.id]);
    if (event.data.cartSessionId === 'explode') throw new Error('hook exploded');
  }

  private async handled(eventId: string, subscriber: string): Promise<void> {
    if (this.behaviour.maxDelayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * this.behaviour.maxDelayMs));
    }
    await this.dataSource.query(
      `INSERT INTO test_handled (event_id, subscriber, instance) VALUES ($1, $2, $3)`,
      [eventId, subscriber, this.instance],
    );
  }
}

@Module({})
export class TestSubscribersModule {
  static forInstance(instance: string, behaviour = new SubscriberBehaviour()): DynamicModule {
    return {
      module: TestSubscribersModule,
      providers: [
        TestSubscribers,
        { provide: INSTANCE, useValue: instance },
        { provide: SubscriberBehaviour, useValue: behaviour },
      ],
    };
  }
}
