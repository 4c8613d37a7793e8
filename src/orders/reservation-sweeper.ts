import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { OrdersService } from './orders.service';

/**
 * Cancels pending orders older than RESERVATION_TTL_MINUTES, so no stock stays held by an abandoned
 * checkout. Safe in every instance at once (OrdersService.expireStale claims rows with SKIP LOCKED).
 */
@Injectable()
export class ReservationSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReservationSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly orders: OrdersService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /** Sweeps at a tenth of the TTL, between 5 s and 60 s: a hold outlives its TTL by at most that. */
  get intervalMs(): number {
    return Math.min(60_000, Math.max(5_000, (this.config.reservationTtlMinutes * 60_000) / 10));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep; overlapping calls in one instance share the run in progress. */
  sweep(): Promise<void> {
    this.running ??= this.orders
      .expireStale(this.config.reservationTtlMinutes)
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
}
