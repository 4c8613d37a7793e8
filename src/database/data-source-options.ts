import { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import { DatabaseTimeouts } from '../config/app-config';
import { ALL_ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { SqlLogger } from './sql-logger';

/** Connections per app instance unless told otherwise; suits one instance on a small machine. */
export const DEFAULT_POOL_SIZE = 10;

export interface DataSourceExtras {
  /** Log every SQL statement (for query-count tests and debugging). */
  logging?: boolean;
  /** Pool size; the default suits one app instance on a small machine. */
  poolSize?: number;
  applicationName?: string;
  /**
   * The app's bounds on waiting for PostgreSQL (AppConfig.database). Only the app's own DataSource
   * sets them: migrations build indexes CONCURRENTLY and backfill in batches, and must not be cut off
   * by a statement timeout meant for requests (they keep the connect timeout only).
   */
  timeouts?: DatabaseTimeouts;
  /**
   * Every session acts as the system for the row-level security policies (app.role set at connect):
   * migrations, start-up tasks and scripts, which run as the tables' owner and act for nobody.
   */
  systemContext?: boolean;
}

/** How long any connection (app, migrations, scripts) waits to be established or taken from the pool. */
const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

/**
 * The one place that says how the app, the TypeORM CLI (ormconfig.ts), the scripts and the tests
 * connect: same entities, same migrations, same naming. Schema changes only ever come from
 * migrations (synchronize is off everywhere).
 */
export function buildDataSourceOptions(url: string, extras: DataSourceExtras = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'migrations',
    // Each migration runs in its own transaction unless it opts out (CONCURRENTLY index builds).
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: extras.logging ?? false,
    // Through the app's logger when logging: never TypeORM's console output, never the parameters.
    logger: extras.logging ? new SqlLogger() : undefined,
    poolSize: extras.poolSize ?? DEFAULT_POOL_SIZE,
    applicationName: extras.applicationName ?? 'commerce-api',
    extra: {
      ...poolSettings(extras.timeouts),
      // Statements started together on one connection go out together (pipelining.ts).
      pipeline: true,
      // A start-up parameter: no extra round trip (docs/security.md, "Row-level security").
      ...(extras.systemContext ? { options: '-c app.role=system' } : {}),
    },
  };
}

/**
 * node-postgres pool and session settings. statement_timeout and idle_in_transaction_session_timeout
 * go to the server as start-up parameters of every session, so a statement or an abandoned transaction
 * is ended by PostgreSQL itself (locks released, a clean 57014 / 25P03). The client's own bound, for
 * when the server cannot answer at all (frozen, partitioned), is not node-postgres's query_timeout (a
 * timer per query) but query-deadlines.ts, installed on the app's DataSources once they are connected.
 */
function poolSettings(timeouts: DatabaseTimeouts | undefined): Record<string, number> {
  if (!timeouts) {
    return { connectionTimeoutMillis: DEFAULT_CONNECT_TIMEOUT_MS };
  }
  return {
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    statement_timeout: timeouts.statementTimeoutMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
  };
}
