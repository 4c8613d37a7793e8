import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedPostgres } from '../../src/dev-postgres';
import { migrateDatabase } from '../seed-catalog';
import { BenchRun, log } from './run';

export interface BenchDatabase {
  url: string;
  /** True for the throwaway embedded PostgreSQL (removed at the end of the run). */
  embedded: boolean;
}

/**
 * DATABASE_URL when set, otherwise a throwaway embedded PostgreSQL in a temp folder with `settings`
 * (removed when the run ends); migrated either way.
 */
export async function openDatabase(
  run: BenchRun,
  options: { tempPrefix: string; database?: string; settings: Record<string, string | number> },
): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL?.trim();
  let database: BenchDatabase;
  if (given) {
    log('Using DATABASE_URL');
    database = { url: given, embedded: false };
  } else {
    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), options.tempPrefix));
    run.onCleanUp(() => fs.rmSync(tempDir, { recursive: true, force: true }));
    fs.chmodSync(tempDir, 0o755); // the postgres OS user must be able to enter it
    const postgres = new EmbeddedPostgres({
      dataDir: tempDir,
      database: options.database,
      settings: options.settings,
    });
    run.onCleanUp(() => postgres.stop());
    database = { url: (await postgres.start()).url, embedded: true };
    log(`Throwaway embedded PostgreSQL in ${tempDir}`);
  }
  await migrateDatabase(database.url);
  return database;
}
