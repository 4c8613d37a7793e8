import { AppConfig } from '../config/app-config';
import { WORKER_DATABASE_URL_ENV } from './cluster-env';
import { Running } from './running';
import { startHttp } from './start-http';

/**
 * A worker forked by the primary (WEB_CONCURRENCY > 1): the database is ready (the primary started
 * it, migrated it and ran the start-up tasks), so only the HTTP app starts here. The primary prints
 * the API line once all workers listen.
 */
export async function startWorker(config: AppConfig, running: Running): Promise<void> {
  const databaseUrl = process.env[WORKER_DATABASE_URL_ENV];
  if (!databaseUrl) {
    throw new Error(`${WORKER_DATABASE_URL_ENV} is not set: workers are forked by the primary`);
  }
  await startHttp({ ...config, databaseUrl }, running, { announce: false });
}
