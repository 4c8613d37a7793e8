import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { retryDelayMs } from './backoff';
import { CommitSignal } from './commit-signal';
import { DomainEvent } from './domain-event';
import { Subscriber, SubscriberRegistry } from './subscriber-registry';
import { WorkPump } from '../common/work-pump';
import { WriteBatcher } from '../common/write-batcher';
import { queryStatement, runStatement } from '../database/prepared-query';
import { JobsService } from '../jobs/jobs.service';
import {
  claimDeliveriesStatement,
  DeliveryKey,
  FanOutRow,
  fanOutStatement,
  LeasedDeliveryRow,
  markDeliveredStatement,
  markFailedStatement,
} from './outbox-sql';

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
/**
 * How long a delivered outcome waits for others to be written with it: one statement for the handlers
 * that finish together (an order's mail and webhook fan-out, a claim's batch) instead of one each.
 */
const DELIVERED_BATCH_WINDOW_MS = 5;
/** Longest last_error kept. */
const MAX_ERROR_LENGTH = 2000;

/**
 * Delivers the outbox after the commit, at least once, to every after-commit subscriber of each event.
 *
 * Two steps, each a single autocommit statement that claims its rows with FOR UPDATE SKIP LOCKED, so
 * any number of instances share the work without waiting on each other: the fan-out turns each new
 * event into one delivery row per subscriber, leasing to this process at once as many as it has room
 * for; the claim leases due deliveries (attempts + 1, next_attempt_at moved past the handler's time
 * budget): retries, what the fan-out left for lack of room, a crashed instance's leases. The claim
 * runs on the poll and when room frees up after a full one, not after every commit: a new event is
 * delivered after one statement. Handlers then run outside any transaction,
 * and each result is written back: delivered (with the others that finish within a few milliseconds, in
 * one statement), retried later with backoff, or `failed` after EVENTS_MAX_ATTEMPTS (logged). A failing
 * or slow subscriber holds up only its own deliveries. The statements are prepared (outbox-sql.ts).
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
  /** Whether the next pass also claims due deliveries (else it only fans new events out). */
  private claimDue = true;
  private readonly delivered = new WriteBatcher<DeliveryKey>(async (keys) => {
    await runStatement(this.dataSource.manager, markDeliveredStatement(keys));
  }, DELIVERED_BATCH_WINDOW_MS);
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
        run: () => {
          this.claimDue = true;
          return this.pump.kickAndWait();
        },
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

  /**
   * Fans new events out, starting the deliveries there is room for; then, when asked for (the poll, a
   * fan-out that left rows, room after a full claim), claims due deliveries for the room left.
   */
  private async pass(): Promise<boolean> {
    let free = MAX_IN_FLIGHT - this.pump.busy;
    for (;;) {
      if (this.pump.stopping) return false;
      const { events, leased, unleased } = await this.fanOut(Math.max(free, 0));
      for (const delivery of leased) this.start(delivery);
      free -= leased.length;
      if (unleased > 0) this.claimDue = true;
      if (events < FAN_OUT_BATCH) break;
    }
    if (!this.claimDue) return false;
    if (free <= 0 || this.pump.stopping) {
      this.saturated = true;
      return false;
    }
    // Cleared first: a poll that asks again meanwhile gets a pass of its own.
    this.claimDue = false;
    let claimed: LeasedDeliveryRow[];
    try {
      claimed = await this.claim(free);
    } catch (error) {
      this.claimDue = true;
      throw error;
    }
    this.saturated = claimed.length === free;
    for (const delivery of claimed) this.start(delivery);
    // A full claim is followed up when its handlers finish (start), not by another pass now.
    return false;
  }

  /** Creates the delivery rows of up to a batch of new events, leasing up to `room` of them here. */
  private async fanOut(
    room: number,
  ): Promise<{ events: number; leased: LeasedDeliveryRow[]; unleased: number }> {
    const subscribers = this.registry.allSubscribers().map((s) => ({ type: s.type, name: s.name }));
    const { rows } = await runStatement<FanOutRow>(
      this.dataSource.manager,
      fanOutStatement(FAN_OUT_BATCH, subscribers, room, LEASE_MS),
    );
    const [first] = rows;
    const leased = rows.filter((row): row is FanOutRow & LeasedDeliveryRow => row.event_id != null);
    return { events: first?.events ?? 0, leased, unleased: first?.unleased ?? 0 };
  }

  /** Leases up to `limit` due deliveries of subscribers this process has. */
  private async claim(limit: number): Promise<LeasedDeliveryRow[]> {
    const names = [...new Set(this.registry.allSubscribers().map((s) => s.name))];
    if (names.length === 0) return [];
    return queryStatement<LeasedDeliveryRow>(
      this.dataSource.manager,
      claimDeliveriesStatement(limit, names, LEASE_MS),
    );
  }

  private start(delivery: LeasedDeliveryRow): void {
    this.pump.track(
      this.deliver(delivery).catch((error: unknown) =>
        this.logger.error(`Recording a delivery outcome failed: ${message(error)}`),
      ),
      // A full claim means more may be due right now; else the poll or the next commit wakes us.
      () => {
        if (!this.saturated) return;
        this.claimDue = true;
        this.kick();
      },
    );
  }

  private async deliver(delivery: LeasedDeliveryRow): Promise<void> {
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
    await this.delivered.add({ eventId: delivery.event_id, subscriber: delivery.subscriber });
  }

  private async failed(delivery: LeasedDeliveryRow, error: string): Promise<void> {
    const { maxAttempts, retryBaseMs } = this.config.events;
    const final = delivery.attempts >= maxAttempts;
    await runStatement(
      this.dataSource.manager,
      markFailedStatement(
        { eventId: delivery.event_id, subscriber: delivery.subscriber, attempts: delivery.attempts },
        {
          final,
          error: error.slice(0, MAX_ERROR_LENGTH),
          retryInMs: final ? 0 : retryDelayMs(delivery.attempts, retryBaseMs),
        },
      ),
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
