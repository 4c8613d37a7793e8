import { AppConfig } from '../config/app-config';
import { prepareDatabase } from './prepare-database';
import { Running } from './running';
import { provisionDevAppRole, startDevPostgres } from './start-dev-postgres';
import { startHttp } from './start-http';

/**
 * (dev PostgreSQL) → migrations and start-up tasks → HTTP. Each step records what it started in
 * `running`; after each one a signal that arrived meanwhile ends the start (the handler stops it all).
 */
export async function start(
  config: AppConfig,
  running: Running,
  // WEB_CONCURRENCY > 1: forkWorkers (src/bootstrap/cluster-primary.ts) serves instead.
  serve: typeof startHttp = startHttp,
): Promise<void> {
  const embedded = config.databaseUrl === undefined;
  const databaseUrl = config.databaseUrl ?? (await startDevPostgres(config, running));
  const appConfig: AppConfig & { databaseUrl: string } = { ...config, databaseUrl };
  if (running.shuttingDown) {
    return;
  }

  await prepareDatabase(appConfig, embedded, running);
  if (running.shuttingDown) {
    return;
  }
  if (embedded && config.databaseRls) {
    // Migrations ran as the superuser (the tables' owner); the app gets a role the policies hold.
    appConfig.databaseUrl = await provisionDevAppRole(config, databaseUrl);
  }

  await serve(appConfig, running);
}
