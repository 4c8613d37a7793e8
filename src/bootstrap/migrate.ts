import { DataSource } from 'typeorm';

/** Arbitrary constant shared by every instance of this app: the key of the migration advisory lock. */
const MIGRATION_LOCK_KEY = 727_272_001;

/**
 * Runs the pending migrations, then `afterMigrations`, while holding a session advisory lock, so that
 * several instances starting at once migrate one after the other instead of racing. The lock session
 * stays idle outside a transaction, so it does not hold back CREATE INDEX CONCURRENTLY.
 * Returns the names of the migrations applied.
 */
export async function runMigrationsLocked(
  dataSource: DataSource,
  afterMigrations?: () => Promise<void>,
): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations();
      if (afterMigrations) {
        await afterMigrations();
      }
      return applied.map((m) => m.name);
    } finally {
      await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lockRunner.release();
  }
}
