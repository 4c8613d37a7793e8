import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * What has been started so far, so that a signal or a failure at any step stops exactly that.
 * The embedded server is typed by what shutdown needs, so this file does not import src/dev-postgres.
 */
export class Running {
  app?: INestApplication;
  migrationDataSource?: DataSource;
  devPostgres?: { stop(): Promise<void> };
  /** WEB_CONCURRENCY > 1, the primary: its workers (stop drains them; src/bootstrap/cluster-primary.ts). */
  cluster?: { stop(): Promise<void> };
  /** A signal arrived: the start-up steps stop where they are and the signal handler exits. */
  shuttingDown = false;
}
