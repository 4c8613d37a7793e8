import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Over this, the database counts as down: a probe must answer quickly even when Postgres hangs. */
export const HEALTH_DB_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);

  constructor(private readonly dataSource: DataSource) {}

  async isDatabaseUp(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), HEALTH_DB_TIMEOUT_MS);
    });
    const query = this.dataSource.query('SELECT 1').then(
      () => 'up' as const,
      (error: unknown) => {
        this.logger.warn(
          `Database health check failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        return 'down' as const;
      },
    );
    try {
      const outcome = await Promise.race([query, timeout]);
      if (outcome === 'timeout') {
        this.logger.warn(`Database health check took longer than ${HEALTH_DB_TIMEOUT_MS} ms`);
      }
      return outcome === 'up';
    } finally {
      clearTimeout(timer);
    }
  }
}
