import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { StartupError } from './describe-startup-error';
import { Running } from './running';

const logger = new Logger('Bootstrap');

/**
 * The default run (no DATABASE_URL): starts the embedded PostgreSQL in DATA_DIR and returns its URL.
 * src/dev-postgres is imported here, lazily, and nowhere else in src/: a start with DATABASE_URL never
 * loads it (it may run useradd as root).
 */
export async function startDevPostgres(config: AppConfig, running: Running): Promise<string> {
  if (config.jwtSecretSource === 'file') {
    logger.log(`JWT_SECRET not set: using the development secret kept in ${config.dataDir}`);
  }
  const { EmbeddedPostgres, EmbeddedPostgresError } = await import('../dev-postgres');
  const postgresLogger = new Logger('EmbeddedPostgres');
  const postgres = new EmbeddedPostgres({
    dataDir: config.dataDir,
    onLog: (message) => postgresLogger.log(message),
  });
  running.devPostgres = postgres;
  let url: string;
  try {
    url = (await postgres.start()).url;
  } catch (error) {
    throw error instanceof EmbeddedPostgresError ? new StartupError(error.message, { cause: error }) : error;
  }
  postgresLogger.log(`Embedded PostgreSQL ready on 127.0.0.1:${postgres.port} (data in ${config.dataDir})`);
  return url;
}

/**
 * DATABASE_RLS on, default run: the app connects as its own role (no owner, no BYPASSRLS), created in
 * the embedded cluster and given its rights after the migrations; returns the app's URL.
 */
export async function provisionDevAppRole(config: AppConfig, superuserUrl: string): Promise<string> {
  const { provisionAppRole } = await import('../dev-postgres');
  const admin = new URL(superuserUrl);
  admin.pathname = '/postgres';
  const url = await provisionAppRole(config.dataDir, admin.toString(), superuserUrl);
  logger.log(`The app connects as the role ${new URL(url).username} (row-level security)`);
  return url;
}
