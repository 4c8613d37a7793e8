import { Injectable, BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { runAsSystem } from '../database/rls/db-context';
import { HEALTH_DB_TIMEOUT_MS, HealthService } from './health.service';

export type NotReadyReason = 'database_down' | 'migrations_pending' | 'shutting_down';

/**
 * Readiness: the database answers, every migration this build knows is applied, and the process is
 * not shutting down. On shutdown (SIGTERM, app.close) it answers 503 at once, then waits
 * SHUTDOWN_GRACE_MS before Nest stops the HTTP server, so a load balancer polling it stops sending
 * new requests while the ones in flight finish.
 */
@Injectable()
export class Readiness implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Health');
  private draining = false;
  /** Once all applied, they stay applied (a revert is a deploy of its own): checked no more. */
  private migrationsApplied = false;

  constructor(
    private readonly health: HealthService,
    private readonly dataSource: DataSource,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  get shuttingDown(): boolean {
    return this.draining;
  }

  async check(): Promise<NotReadyReason | null> {
    if (this.draining) return 'shutting_down';
    if (!(await this.health.isDatabaseUp())) return 'database_down';
    if (!(await this.allMigrationsApplied())) return 'migrations_pending';
    // The checks took a moment: a shutdown may have begun meanwhile.
    return this.draining ? 'shutting_down' : null;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    const grace = this.config.shutdownGraceMs;
    if (grace > 0) {
      this.logger.log(`Shutting down: not ready, accepting requests for another ${grace} ms`);
      await new Promise((resolve) => setTimeout(resolve, grace));
    }
  }

  private async allMigrationsApplied(): Promise<boolean> {
    if (this.migrationsApplied) return true;
    const names = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
    try {
      const [row] = await runAsSystem(() =>
        this.dataSource.query<Array<{ applied: number }>>(
          `SELECT count(DISTINCT name)::int AS applied FROM migrations WHERE name = ANY($1::text[])`,
          [names],
        ),
      );
      this.migrationsApplied = (row?.applied ?? 0) === names.length;
    } catch (error) {
      // Within HEALTH_DB_TIMEOUT_MS the database answered SELECT 1: a failure here is the schema's.
      this.logger.warn(
        `Readiness: reading the migrations table failed (${error instanceof Error ? error.message : String(error)}; ${HEALTH_DB_TIMEOUT_MS} ms bound)`,
      );
      return false;
    }
    return this.migrationsApplied;
  }
}
