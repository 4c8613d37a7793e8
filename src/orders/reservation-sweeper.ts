import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { runAsSystem } from '../database/rls/db-context';
import { inTransaction } from '../database/transactions';
import { JobsService } from '../jobs/jobs.service';
import { Order } from './entities/order.entity';
import { OrderCancellation } from './order-cancellation.service';
import { SYSTEM_META } from './orders.service';

/**
 * Cancels pending orders older than RESERVATION_TTL_MINUTES, so no stock stays held by an abandoned
 * checkout. Safe in every instance at once (expireStale claims rows with SKIP LOCKED). Runs as the
 * `reservations-sweep` job (src/jobs): once per interval in the deployment with JOBS=pgboss, in each
 * process with JOBS=inprocess; a sweep that fails is retried and counted there.
 */
@Injectable()
export class ReservationSweeper implements OnApplicationShutdown {
  private readonly logger = new Logger(ReservationSweeper.name);
  private running: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cancellation: OrderCancellation,
    @InjectAppConfig() private readonly config: AppConfig,
    jobs: JobsService,
  ) {
    jobs.define({ name: 'reservations-sweep', everyMs: this.intervalMs, run: () => this.sweepOnce() });
  }

  /** Sweeps at a tenth of the TTL, between 5 s and 60 s: a hold outlives its TTL by at most that. */
  get intervalMs(): number {
    return Math.min(60_000, Math.max(5_000, (this.config.reservationTtlMinutes * 60_000) / 10));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running;
  }

  /** The job's run: one sweep, its failure thrown (the job retries and counts it). */
  private async sweepOnce(): Promise<void> {
    const n = await this.expireStale(this.config.reservationTtlMinutes);
    if (n > 0) this.logger.log(`Expired ${n} pending order(s) and released their stock`);
  }

  /** One sweep; overlapping calls in one instance share the run in progress. */
  sweep(): Promise<void> {
    this.running ??= this.expireStale(this.config.reservationTtlMinutes)
      .then(
        (n) => {
          if (n > 0) this.logger.log(`Expired ${n} pending order(s) and released their stock`);
        },
        (error: unknown) =>
          this.logger.error(`Sweep failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Cancels pending orders older than `ttlMinutes`, releasing their stock and discount uses. Claims
   * rows with FOR UPDATE SKIP LOCKED, so several app instances can sweep at once without releasing
   * anything twice (and a customer's concurrent cancel simply wins or loses the row lock).
   */
  async expireStale(ttlMinutes: number, batchSize = 100): Promise<number> {
    // Acts for every customer's orders: the system's database context, whoever called.
    return runAsSystem(async () => {
      let expired = 0;
      for (;;) {
        const batch = await inTransaction(this.dataSource, async (tx) => {
          const stale = await tx
            .getRepository(Order)
            .createQueryBuilder('o')
            .where(`o.status = 'pending' AND o.paymentStatus = 'unpaid'`)
            .andWhere(`o.createdAt < now() - make_interval(mins => :ttl)`, { ttl: ttlMinutes })
            .orderBy('o.createdAt', 'ASC')
            .limit(batchSize)
            .setLock('pessimistic_write')
            .setOnLocked('skip_locked')
            .getMany();
          await this.cancellation.cancelAllPending(tx, stale, SYSTEM_META, 'order.expired', {
            reason: 'expired',
          });
          return stale;
        });
        await this.cancellation.withdrawPayments(batch, SYSTEM_META);
        expired += batch.length;
        if (batch.length < batchSize) return expired;
      }
    });
  }
}
