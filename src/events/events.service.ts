import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AnyDomainEvent } from './catalogue';
import { runStatement } from '../database/prepared-query';
import { CommitSignal } from './commit-signal';
import { DomainEvent } from './domain-event';
import { insertOutboxEventsStatement } from './outbox-sql';
import { SubscriberRegistry } from './subscriber-registry';

/** Lag and failures of the outbox, for GET /api/admin/events/stats and alerts. */
export interface EventStats {
  /** Events not delivered to every subscriber yet (not fanned out, or with a pending delivery). */
  pendingEvents: number;
  pendingDeliveries: number;
  /** Age of the oldest pending event; null when nothing is pending. */
  oldestPendingAgeSeconds: number | null;
  /** Deliveries that used up their attempts, per subscriber (they are not retried again). */
  failedDeliveries: Array<{ subscriber: string; count: number }>;
}

const HOOK_SAVEPOINT = 'domain_event_hook';

/** Records domain events in the caller's transaction; the dispatcher delivers them after the commit. */
@Injectable()
export class EventsService {
  private readonly logger = new Logger(EventsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: SubscriberRegistry,
    private readonly commitSignal: CommitSignal,
  ) {}

  /**
   * Writes `events` to the outbox inside `tx` (one multi-row INSERT), so they commit or roll back with
   * the change they describe: call it in the change's transaction, never after it. Then runs the
   * in-transaction hooks of each event (`@OnDomainEvent(type, { inTransaction: true })`), each in a
   * savepoint. Throws when `tx` is not in a transaction: an event written on its own could survive a
   * change that rolled back.
   */
  async record(tx: EntityManager, ...events: AnyDomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const queryRunner = tx.queryRunner;
    if (!queryRunner?.isTransactionActive) {
      throw new Error(
        "EventsService.record needs the change's transaction (an EntityManager from inTransaction)",
      );
    }
    await runStatement(tx, insertOutboxEventsStatement(events));
    this.commitSignal.mark(queryRunner);
    for (const event of events) await this.runHooks(tx, event);
  }

  async stats(): Promise<EventStats> {
    const [summary] = await this.dataSource.query<
      Array<{
        undispatched: number;
        pending_events: number;
        pending_deliveries: number;
        oldest: number | null;
      }>
    >(
      `SELECT u.n AS undispatched, u.n + p.events AS pending_events, p.deliveries AS pending_deliveries,
              extract(epoch FROM now() - LEAST(u.oldest, p.oldest))::float8 AS oldest
         FROM (SELECT count(*)::int AS n, min(occurred_at) AS oldest
                 FROM outbox_events WHERE dispatched_at IS NULL) u,
              (SELECT count(DISTINCT d.event_id)::int AS events, count(*)::int AS deliveries,
                      min(e.occurred_at) AS oldest
                 FROM event_deliveries d JOIN outbox_events e ON e.id = d.event_id
                WHERE d.status = 'pending') p`,
    );
    const failed = await this.dataSource.query<Array<{ subscriber: string; count: number }>>(
      `SELECT subscriber, count(*)::int AS count FROM event_deliveries
        WHERE status = 'failed' GROUP BY subscriber ORDER BY subscriber`,
    );
    return {
      pendingEvents: summary.pending_events,
      pendingDeliveries: summary.pending_deliveries,
      oldestPendingAgeSeconds: summary.oldest === null ? null : Math.max(0, summary.oldest),
      failedDeliveries: failed,
    };
  }

  private async runHooks(tx: EntityManager, event: DomainEvent): Promise<void> {
    for (const hook of this.registry.hooksOf(event.type)) {
      // A savepoint: a failing hook leaves the caller's change (and the event) intact.
      await tx.query(`SAVEPOINT ${HOOK_SAVEPOINT}`);
      try {
        await hook.handle(event, tx);
        await tx.query(`RELEASE SAVEPOINT ${HOOK_SAVEPOINT}`);
      } catch (error) {
        await tx.query(`ROLLBACK TO SAVEPOINT ${HOOK_SAVEPOINT}`);
        this.logger.warn(
          `In-transaction hook ${hook.name} failed on ${event.type} ${event.id}: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
    }
  }
}
