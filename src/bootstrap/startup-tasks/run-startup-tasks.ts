import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { seedDemoOnFirstRun } from './seed-demo-on-first-run';
import { ensureConfiguredSuperAdmin } from './super-admin';

export interface StartupContext {
  /** True when the bootstrap started the embedded PostgreSQL (the default run without DATABASE_URL). */
  embedded: boolean;
}

/**
 * Runs once per start, after the migrations and before the HTTP server exists, while the bootstrap
 * holds the migration lock (so several instances starting together do not both seed).
 */
export async function runStartupTasks(
  dataSource: DataSource,
  config: AppConfig,
  context: StartupContext,
): Promise<void> {
  if (context.embedded) {
    await seedDemoOnFirstRun(dataSource, config.dataDir);
  }
  await ensureConfiguredSuperAdmin(dataSource, config);
}
