import { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import { ALL_ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Connections per app instance unless told otherwise; suits one instance on a small machine. */
export const DEFAULT_POOL_SIZE = 10;

export interface DataSourceExtras {
  /** Log every SQL statement (for query-count tests and debugging). */
  logging?: boolean;
  /** Pool size; the default suits one app instance on a small machine. */
  poolSize?: number;
  applicationName?: string;
}

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
    poolSize: extras.poolSize ?? DEFAULT_POOL_SIZE,
    applicationName: extras.applicationName ?? 'commerce-api',
    extra: { connectionTimeoutMillis: 5000 },
  };
}
