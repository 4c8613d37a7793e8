import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { GuestCartRetention } from '../../cart/guest-cart-retention';
import { AppConfig } from '../../config/app-config';
import { InjectAppConfig } from '../../config/app-config.module';
import { inTransaction } from '../../database/transactions';
import { OutboxRetention } from '../../events/outbox-retention';
import { IdempotencyRetention } from '../../idempotency/idempotency-retention';
import { TokenRetention } from '../../auth/token-retention';
import { JobsService } from '../jobs.service';

/** Rows deleted per transaction: short row locks, bounded WAL per commit. */
export const RETENTION_BATCH = 500;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type Prune = (tx: EntityManager, olderThan: Date, limit: number) => Promise<number>;

/**
 * The `retention-prune` job, every RETENTION_INTERVAL_MINUTES: deletes what is finished and old, each
 * kind through the module that owns its table (RETENTION_* ages). Batches of RETENTION_BATCH rows,
 * each its own transaction; a module's prune takes its rows with SKIP LOCKED, so a second run at the
 * same time (a retry, JOBS=inprocess on several instances) deletes nothing twice and waits for nothing.
 */
@Injectable()
export class RetentionJob {
  private readonly logger = new Logger(RetentionJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly carts: GuestCartRetention,
    private readonly idempotency: IdempotencyRetention,
    private readonly tokens: TokenRetention,
    private readonly outbox: OutboxRetention,
    @InjectAppConfig() private readonly config: AppConfig,
    jobs: JobsService,
  ) {
    jobs.define({
      name: 'retention-prune',
      everyMs: config.retention.intervalMinutes * 60_000,
      run: async () => {
        await this.pruneAll();
      },
    });
  }

  /** One pass over every kind; returns the rows deleted per kind (runs as whoever calls: the job is system). */
  async pruneAll(now = new Date()): Promise<Record<string, number>> {
    const r = this.config.retention;
    const kinds: Array<[string, Prune, number]> = [
      ['guestCarts', (tx, t, n) => this.carts.pruneGuestCarts(tx, t, n), r.guestCartDays * DAY_MS],
      [
        'idempotencyKeys',
        (tx, t, n) => this.idempotency.pruneFinishedKeys(tx, t, n),
        r.idempotencyHours * HOUR_MS,
      ],
      ['refreshTokens', (tx, t, n) => this.tokens.pruneRefreshTokens(tx, t, n), r.tokenDays * DAY_MS],
      ['accountTokens', (tx, t, n) => this.tokens.pruneAccountTokens(tx, t, n), r.tokenDays * DAY_MS],
      ['outboxEvents', (tx, t, n) => this.outbox.pruneDelivered(tx, t, n), r.outboxDays * DAY_MS],
    ];
    const deleted: Record<string, number> = {};
    for (const [kind, prune, ageMs] of kinds) {
      const olderThan = new Date(now.getTime() - ageMs);
      let total = 0;
      for (;;) {
        const n = await inTransaction(this.dataSource, (tx) => prune(tx, olderThan, RETENTION_BATCH));
        total += n;
        if (n < RETENTION_BATCH) break;
      }
      deleted[kind] = total;
    }
    const summary = Object.entries(deleted)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kind}`);
    if (summary.length > 0) this.logger.log(`Retention deleted ${summary.join(', ')}`);
    return deleted;
  }
}
