import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { EmbeddedPostgres, provisionAppRole } from '../../src/dev-postgres';
import {
  ADMIN_URL_ENV,
  APP_DATA_DIR_ENV,
  APP_ROLE_URL_ENV,
  TEMP_DIR_PREFIX,
  TEMPLATE_DATABASE,
} from './constants';

export interface TestPostgresHandle {
  postgres: EmbeddedPostgres;
  tempDir: string;
}

declare global {
  var __TEST_POSTGRES__: TestPostgresHandle | undefined;
}

/**
 * Starts ONE PostgreSQL for the whole jest run and migrates `commerce_template` once; each test file
 * then clones it (test/support/database.ts), which takes milliseconds instead of a migration run.
 * Workers find the server through process.env, which they inherit: jest spawns them after this runs.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  await cleanUpAbandonedRuns();

  // mkdtemp makes a 0700 folder; the postgres OS user must be able to enter it.
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), TEMP_DIR_PREFIX));
  fs.chmodSync(tempDir, 0o755);
  fs.writeFileSync(path.join(tempDir, 'owner.pid'), String(process.pid));

  const postgres = new EmbeddedPostgres({
    dataDir: tempDir,
    database: TEMPLATE_DATABASE,
    // Durability is pointless for a throwaway cluster; skipping fsync makes CREATE DATABASE and
    // migrations several times faster.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: 300 },
  });
  try {
    const { url } = await postgres.start();
    const dataSource = new DataSource(buildDataSourceOptions(url, { poolSize: 2 }));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
    } finally {
      await dataSource.destroy();
    }
    // The app's role (row-level security), with its rights in the template: every clone inherits them.
    process.env[APP_ROLE_URL_ENV] = await provisionAppRole(tempDir, postgres.urlFor('postgres'), url);
  } catch (error) {
    // Jest skips globalTeardown when globalSetup fails: clean up here.
    await postgres.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
  globalThis.__TEST_POSTGRES__ = { postgres, tempDir };
  process.env[ADMIN_URL_ENV] = postgres.urlFor('postgres');
  process.env[APP_DATA_DIR_ENV] = path.join(tempDir, 'app-data');
  if (process.env.TEST_VERBOSE) {
    process.stderr.write(`\nTest PostgreSQL ready in ${Date.now() - started} ms (${tempDir})\n`);
  }
}

/**
 * A run killed with SIGKILL leaves its temp dir and, since Postgres runs in its own process group,
 * possibly its server: stop that server, then remove the dir.
 */
async function cleanUpAbandonedRuns(): Promise<void> {
  for (const entry of fs.readdirSync(os.tmpdir())) {
    if (!entry.startsWith(TEMP_DIR_PREFIX)) {
      continue;
    }
    const dir = path.join(os.tmpdir(), entry);
    let owner = 0;
    try {
      owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue;
    }
    if (owner > 0 && isAlive(owner)) {
      continue;
    }
    await new EmbeddedPostgres({ dataDir: dir }).stopLeftover().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
