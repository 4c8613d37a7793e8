import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { retryDelayMs } from './backoff';
import { CommitSignal } from './commit-signal';
import { DomainEvent } from './domain-event';
import { Subscriber, SubscriberRegistry } from './subscriber-registry';
import { WorkPump } from '../common/work-pump';
import { JobsService } from '../jobs/jobs.service';

/** Events fanned out per statement. */
const FAN_OUT_BATCH = 200;
/** Deliveries running at once in this process (each may use a pooled connection). */
const MAX_IN_FLIGHT = 8;
/** A handler that has not settled by then counts as failed (it may still finish; it is idempotent). */
export const HANDLER_TIMEOUT_MS = 30_000;
/**
 * How long a claimed delivery stays invisible to other claims: past the handler timeout, so only a
 * crashed (or frozen) instance's claim is ever taken over.
 */
const LEASE_MS = 2 * HANDLER_TIMEOUT_MS;
/** Longest last_error kept. */
const MAX_ERROR_LENGTH = 2000;

interface ClaimedDelivery {
  event_id: string;
  subscriber: string;
  attempts: number;
  type: string;
  store_id: string | null;
  payload: unknown;
  occurred_at: Date;
}

/**
 * Delivers the outbox after the commit, at least once, to every after-commit subscriber of each event.
 *
 * Two steps, each a single autocommit statement that claims its rows with FOR UPDATE SKIP LOCKED, so
 * any number of instances share the work without waiting on each other: the fan-out turns each new
 * event into one delivery row per subscriber; the claim leases due deliveries (attempts + 1,
 * next_attempt_at moved past the handler's time budget). Handlers then run outside any transaction,
 * and each result is written back on its own: delivered, retried later with backoff, or `failed` after
 * EVENTS_MAX_ATTEMPTS (logged). A failing or slow subscriber holds up only its own deliveries.
 *
 * Woken by the commit of a transaction that recorded events in this process (CommitSignal), and by a
 * safety pass every EVENTS_POLL_INTERVAL_MS for everything else: retries that fell due, events of
 * other instances, and events left behind by a crash between commit and dispatch. The safety pass is
 * the `events-dispatch` job (src/jobs): with JOBS=pgboss one pass per period in the whole deployment,
 * with JOBS=inprocess one per process. The commit's kick stays in-process: no statement is added to
 * the recording transaction, and delivery starts at once.
 */
@Injectable()
export class EventDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventDispatcher.name);
  private started = false;
  private unsubscribe: (() => void) | undefined;
  private saturated = false;
  private readonly pump = new WorkPump(
    () => this.pass(),
    // The database is away, most likely: the next poll tries again.
    (error) => this.logger.error(`Event dispatch failed: ${message(error)}`),
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: SubscriberRegistry,
    private readonly commitSignal: CommitSignal,
    @InjectAppConfig() private readonly config: AppConfig,
    jobs: JobsService,
  ) {
    if (config.events.dispatch) {
      jobs.define({
        name: 'events-dispatch',
        everyMs: config.events.pollIntervalMs,
        run: () => this.pump.kickAndWait(),
      });
    }
  }

  get running(): boolean {
    return this.started;
  }

  onApplicationBootstrap(): void {
    if (!this.config.events.dispatch) return;
    this.unsubscribe = this.commitSignal.onCommit(() => this.kick());
    this.started = true;
    this.kick();
  }

  /**
   * Before the DataSource closes (TypeORM closes it in onApplicationShutdown): no new work, then wait
   * for the pass in progress and the running handlers, whose outcomes are written back.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.started = false;
    this.unsubscribe?.();
    await this.pump.stop();
    await this.pump.drain();
  }

  /** Look for work now; coalesces with a pass in progress. */
  kick(): void {
    if (this.config.events.dispatch) this.pump.kick();
  }

  /** Fans new events out, then starts the due deliveries there is room for. */
  private async pass(): Promise<boolean> {
    while ((await this.fanOut()) === FAN_OUT_BATCH && !this.pump.stopping);
    const free = MAX_IN_FLIGHT - this.pump.busy;
    if (free <= 0 || this.pump.stopping) {
      this.saturated = true;
      return false;
    }
    const claimed = await this.claim(free);
    this.saturated = claimed.length === free;
    for (const delivery of claimed) this.start(delivery);
    // A full claim is followed up when its handlers finish (start), not by another pass now.
    return false;
  }

  /** Creates the delivery rows of up to a batch of new events; returns how many events it took. */
  private async fanOut(): Promise<number> {
    const subscribers = this.registry.allSubscribers();
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `WITH claimed AS (
         SELECT id, type FROM outbox_events WHERE dispatched_at IS NULL
          ORDER BY occurred_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), fanned AS (
         INSERT INTO event_deliveries (event_id, subscriber)
         SELECT c.id, s.subscriber FROM claimed c
           JOIN unnest($2::text[], $3::text[]) AS s (type, subscriber) ON s.type = c.type
         ON CONFLICT DO NOTHING
       ), done AS (
         UPDATE outbox_events o SET dispatched_at = now() FROM claimed c WHERE o.id = c.id RETURNING o.id
       )
       SELECT id FROM done`,
      [FAN_OUT_BATCH, subscribers.map((s) => s.type), subscribers.map((s) => s.name)],
    );
    return rows.length;
  }

  /**
   * Leases up to `limit` due deliveries of subscribers this process has. (TypeORM answers a top-level
   * UPDATE … RETURNING with [rows, count]: hence the CTE and SELECT, here and in fanOut.)
   */
  private claim(limit: number): Promise<ClaimedDelivery[]> {
    const names = [...new Set(this.registry.allSubscribers().map((s) => s.name))];
    if (names.length === 0) return Promise.resolve([]);
    return this.dataSource.query<ClaimedDelivery[]>(
      `WITH leased AS (
       UPDATE event_deliveries d
          SET attempts = d.attempts + 1, next_attempt_at = now() + $3::float8 * interval '1 millisecond'
         FROM (SELECT event_id, subscriber FROM event_deliveries
                WHERE status = 'pending' AND next_attempt_at <= now() AND subscriber = ANY ($2::text[])
                ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due,
              outbox_events e
        WHERE d.event_id = due.event_id AND d.subscriber = due.subscriber AND e.id = d.event_id
        RETURNING d.event_id, d.subscriber, d.attempts, e.type, e.store_id, e.payload, e.occurred_at
       )
       SELECT * FROM leased`,
      [limit, names, LEASE_MS],
    );
  }

  private start(delivery: ClaimedDelivery): void {
    this.pump.track(
      this.deliver(delivery).catch((error: unknown) =>
        this.logger.error(`Recording a delivery outcome failed: ${message(error)}`),
      ),
      // A full claim means more may be due right now; else the poll or the next commit wakes us.
      () => {
        if (this.saturated) this.kick();
      },
    );
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const subscriber = this.registry.subscribersOf(delivery.type).find((s) => s.name === delivery.subscriber);
    const event = new DomainEvent(delivery.type, delivery.store_id, delivery.payload, {
      id: delivery.event_id,
      occurredAt: delivery.occurred_at,
    });
    try {
      if (!subscriber) throw new Error(`No subscriber ${delivery.subscriber} for ${delivery.type} here`);
      await withTimeout(subscriber, event);
    } catch (error) {
      await this.failed(delivery, message(error));
      return;
    }
    await this.dataSource.query(
      `UPDATE event_deliveries SET status = 'delivered', delivered_at = now(), last_error = NULL
        WHERE event_id = $1 AND subscriber = $2 AND status = 'pending'`,
      [delivery.event_id, delivery.subscriber],
    );
  }

  private async failed(delivery: ClaimedDelivery, error: string): Promise<void> {
    const { maxAttempts, retryBaseMs } = this.config.events;
    const final = delivery.attempts >= maxAttempts;
    // Guarded by attempts: a run whose lease another instance took over does not overwrite its outcome.
    await this.dataSource.query(
      `UPDATE event_deliveries
          SET status = $4, last_error = $5, next_attempt_at = now() + $6::float8 * interval '1 millisecond'
        WHERE event_id = $1 AND subscriber = $2 AND attempts = $3 AND status = 'pending'`,
      [
        delivery.event_id,
        delivery.subscriber,
        delivery.attempts,
        final ? 'failed' : 'pending',
        error.slice(0, MAX_ERROR_LENGTH),
        final ? 0 : retryDelayMs(delivery.attempts, retryBaseMs),
      ],
    );
    if (final) {
      this.logger.warn(
        `Delivery of ${delivery.type} ${delivery.event_id} to ${delivery.subscriber} failed for good after ${delivery.attempts} attempts: ${error}`,
      );
    }
  }
}

async function withTimeout(subscriber: Subscriber, event: DomainEvent): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Handler did not settle within ${HANDLER_TIMEOUT_MS} ms`)),
      HANDLER_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([subscriber.handle(event), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
