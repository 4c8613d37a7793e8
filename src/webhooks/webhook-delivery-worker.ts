import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { WebhookPayload } from './entities/webhook-delivery.entity';
import { webhookSignature } from './signature';
import { WebhookOutcomes } from './webhook-outcomes';
import { SendOutcome, WEBHOOK_USER_AGENT, WebhookSender } from './webhook-sender';
import { WorkPump } from '../common/work-pump';
import { JobsService } from '../jobs/jobs.service';

/** Sends running at once in this process (a send holds no database connection). */
const MAX_IN_FLIGHT = 16;
/** A claimed delivery stays invisible to other claims this much longer than a send may take. */
const LEASE_MARGIN_MS = 30_000;

export interface ClaimedWebhook {
  id: string;
  event_id: string;
  endpoint_id: string;
  attempts: number;
  payload: WebhookPayload;
  url: string;
  secret: string;
}

/**
 * Sends the pending webhook deliveries, outside any transaction and off every request's path.
 *
 * A claim is one autocommit statement: due deliveries of active endpoints, taken with FOR UPDATE SKIP
 * LOCKED, get attempts + 1 and a lease (next_attempt_at past the send's time budget), so several
 * instances share the work and a crashed instance's sends come back after the lease. Then each send
 * runs with no connection held, and its outcome is written in a short transaction of its own
 * (WebhookOutcomes): succeeded, retried later with backoff, or failed after WEBHOOK_MAX_ATTEMPTS.
 *
 * Woken in-process when deliveries are created (fan-out, test ping) and by the `webhooks-deliver`
 * job every WEBHOOK_POLL_INTERVAL_MS for retries and other instances' work (src/jobs: once per period
 * in the deployment with JOBS=pgboss, per process with JOBS=inprocess). Runs where the events
 * dispatcher runs (EVENTS_DISPATCH).
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private readonly sender: WebhookSender;
  private readonly pump = new WorkPump(
    () => this.pass(),
    (error) => this.logger.error(`Webhook claim failed: ${message(error)}`),
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly outcomes: WebhookOutcomes,
    @InjectAppConfig() private readonly config: AppConfig,
    jobs: JobsService,
  ) {
    this.sender = new WebhookSender(config.webhooks.allowPrivate, config.webhooks.timeoutMs);
    if (config.events.dispatch) {
      jobs.define({
        name: 'webhooks-deliver',
        everyMs: config.webhooks.pollIntervalMs,
        run: () => this.pump.kickAndWait(),
      });
    }
  }

  private get enabled(): boolean {
    return this.config.events.dispatch;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.kick();
  }

  /** Before the DataSource closes: no new claims; sends in progress are aborted and given back. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.pump.stop();
    this.sender.close();
    await this.pump.drain();
  }

  /** Look for due deliveries now; coalesces with a pass in progress. */
  kick(): void {
    if (this.enabled) this.pump.kick();
  }

  /** Starts the due deliveries there is room for; true when the claim was full (more may be due). */
  private async pass(): Promise<boolean> {
    const free = MAX_IN_FLIGHT - this.pump.busy;
    if (free <= 0 || this.pump.stopping) return false;
    const claimed = await this.claim(free);
    for (const delivery of claimed) this.start(delivery);
    return claimed.length === free;
  }

  private claim(limit: number): Promise<ClaimedWebhook[]> {
    const leaseMs = this.config.webhooks.timeoutMs + LEASE_MARGIN_MS;
    return this.dataSource.query<ClaimedWebhook[]>(
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND e.is_active
          ORDER BY d.next_attempt_at LIMIT $1 FOR UPDATE OF d SKIP LOCKED
       ), leased AS (
         UPDATE webhook_deliveries d
            SET attempts = d.attempts + 1, next_attempt_at = now() + $2::float8 * interval '1 millisecond'
           FROM due WHERE d.id = due.id
         RETURNING d.id, d.event_id, d.endpoint_id, d.attempts, d.payload
       )
       SELECT l.*, e.url, e.secret FROM leased l JOIN webhook_endpoints e ON e.id = l.endpoint_id`,
      [limit, leaseMs],
    );
  }

  private start(delivery: ClaimedWebhook): void {
    this.pump.track(
      this.deliver(delivery).catch((error: unknown) =>
        this.logger.error(`Recording a webhook outcome failed: ${message(error)}`),
      ),
      () => this.kick(),
    );
  }

  private async deliver(delivery: ClaimedWebhook): Promise<void> {
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const outcome: SendOutcome = await this.sender.send({
      url: delivery.url,
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': WEBHOOK_USER_AGENT,
        'webhook-id': delivery.event_id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': webhookSignature(delivery.secret, delivery.event_id, timestamp, body),
      },
    });
    if (this.pump.stopping && !outcome.ok && outcome.statusCode === null) {
      // Aborted by the shutdown: not the receiver's fault; another instance (or the restart) sends it.
      await this.outcomes.givenBack(delivery);
    } else if (outcome.ok) {
      await this.outcomes.succeeded(delivery, outcome);
    } else {
      await this.outcomes.failed(delivery, outcome);
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
