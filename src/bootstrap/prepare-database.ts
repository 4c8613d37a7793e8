import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from '../database/data-source-options';
import { describeDatabaseUrl, firstLine } from './describe-startup-error';
import { runMigrationsLocked } from './migrate';
import { Running } from './running';
import { runStartupTasks } from './startup-tasks/run-startup-tasks';

const logger = new Logger('Bootstrap');

/**
 * Connects with a short-lived data source of its own, applies the pending migrations and runs the
 * start-up tasks under the migration lock, then closes it: the app's pool is created afterwards.
 */
export async function prepareDatabase(
  config: AppConfig & { databaseUrl: string },
  embedded: boolean,
  running: Running,
): Promise<void> {
  // The tables' owner when it is another role than the app's (docs/security.md, "Database roles").
  const url = config.databaseMigrationUrl ?? config.databaseUrl;
  const dataSource = new DataSource(
    buildDataSourceOptions(url, {
      logging: config.logLevel === 'debug' || config.logLevel === 'verbose',
      // One connection holds the migration lock; the rest serve the migrations and startup tasks.
      poolSize: 4,
      applicationName: 'commerce-api-migrations',
      systemContext: true,
    }),
  );
  running.migrationDataSource = dataSource;
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(`cannot connect to the database ${describeDatabaseUrl(url)}: ${firstLine(error)}`);
  }
  try {
    const applied = await runMigrationsLocked(dataSource, () =>
      runStartupTasks(dataSource, config, { embedded }),
    );
    logger.log(
      applied.length > 0
        ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
        : 'Database schema is up to date',
    );
  } finally {
    running.migrationDataSource = undefined;
    await dataSource.destroy();
  }
}
