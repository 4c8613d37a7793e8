import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { inTransaction } from '../database/transactions';
import { webhookSends } from '../metrics/domain-metrics';
import { webhookRetryDelayMs } from './backoff';
import { SendOutcome } from './webhook-sender';

/** Longest last_error kept. */
const MAX_ERROR_LENGTH = 1000;
/** The actor of changes the webhook worker makes by itself (disabling an endpoint). */
const SYSTEM_META: RequestMeta = { userId: null, ipAddress: null, userAgent: null };

/** What the worker needs of a claimed delivery to write its outcome back. */
export interface ClaimedRef {
  id: string;
  endpoint_id: string;
  attempts: number;
}

/**
 * Writes the outcome of one send, each in a short transaction of its own (after the send, never
 * around it). Every write is guarded by `attempts`: a send whose lease another instance took over
 * does not overwrite the newer attempt's outcome, nor count twice against the endpoint.
 */
@Injectable()
export class WebhookOutcomes {
  private readonly logger = new Logger(WebhookOutcomes.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /** A 2xx: the delivery is done, and the endpoint's failure streak ends. */
  async succeeded(delivery: ClaimedRef, outcome: SendOutcome): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      if (!(await this.write(tx, delivery, 'succeeded', outcome, 0))) return;
      webhookSends.inc({ outcome: 'succeeded' });
      await tx.query(
        `UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures <> 0`,
        [delivery.endpoint_id],
      );
    });
  }

  /**
   * Non-2xx, timeout or no connection: retried after a backoff, or `failed` after the last attempt.
   * Each failed send extends the endpoint's streak; reaching WEBHOOK_DISABLE_AFTER_FAILURES disables
   * it (audited, logged). Its pending deliveries then wait until an admin turns it back on.
   */
  async failed(delivery: ClaimedRef, outcome: SendOutcome): Promise<void> {
    const { maxAttempts, retryBaseMs, retryMaxMs, disableAfterFailures } = this.config.webhooks;
    const final = delivery.attempts >= maxAttempts;
    const delay = final ? 0 : webhookRetryDelayMs(delivery.attempts, retryBaseMs, retryMaxMs);
    await inTransaction(this.dataSource, async (tx) => {
      if (!(await this.write(tx, delivery, final ? 'failed' : 'pending', outcome, delay))) return;
      webhookSends.inc({ outcome: final ? 'failed' : 'retrying' });
      const [rows] = await tx.query<[Array<{ store_id: string; url: string; failures: number }>, number]>(
        `UPDATE webhook_endpoints
            SET consecutive_failures = consecutive_failures + 1,
                is_active = consecutive_failures + 1 < $2,
                disabled_at = CASE WHEN consecutive_failures + 1 >= $2 THEN now() ELSE disabled_at END,
                updated_at = CASE WHEN consecutive_failures + 1 >= $2 THEN now() ELSE updated_at END
          WHERE id = $1 AND is_active
        RETURNING store_id, url, consecutive_failures AS failures`,
        [delivery.endpoint_id, disableAfterFailures],
      );
      const endpoint = rows[0];
      if (!endpoint || endpoint.failures < disableAfterFailures) return;
      await this.audit.record(tx, SYSTEM_META, {
        action: 'webhook.disabled',
        entityType: 'webhook_endpoint',
        entityId: delivery.endpoint_id,
        storeId: endpoint.store_id,
        details: { reason: 'consecutive_failures', failures: endpoint.failures, lastError: outcome.error },
      });
      this.logger.warn(
        `Webhook endpoint ${delivery.endpoint_id} (${endpoint.url}) disabled after ${endpoint.failures} failed sends in a row; last: ${outcome.error}`,
      );
    });
  }

  /** A send aborted by this process's shutdown: due again at once, and the attempt not spent. */
  async givenBack(delivery: ClaimedRef): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET attempts = attempts - 1, next_attempt_at = now()
        WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [delivery.id, delivery.attempts],
    );
  }

  private async write(
    tx: EntityManager,
    delivery: ClaimedRef,
    status: 'pending' | 'succeeded' | 'failed',
    outcome: SendOutcome,
    delayMs: number,
  ): Promise<boolean> {
    const [, count] = await tx.query<[unknown[], number]>(
      `UPDATE webhook_deliveries
          SET status = $3, last_status_code = $4, last_error = $5,
              next_attempt_at = now() + $6::float8 * interval '1 millisecond',
              delivered_at = CASE WHEN $3 = 'succeeded' THEN now() ELSE NULL END
        WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [
        delivery.id,
        delivery.attempts,
        status,
        outcome.statusCode,
        outcome.error?.slice(0, MAX_ERROR_LENGTH) ?? null,
        delayMs,
      ],
    );
    return count > 0;
  }
}
