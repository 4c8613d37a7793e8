import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmbeddedPostgres, provisionAppRole } from '../../src/dev-postgres';
import { migrateDatabase } from '../seed-catalog';
import { BenchRun, log } from './run';

export interface BenchDatabase {
  /** The tables' owner: migrations, seeding, the bench's own SQL, and the app's start-up tasks. */
  url: string;
  /** True for the throwaway embedded PostgreSQL (removed at the end of the run). */
  embedded: boolean;
}

/**
 * Row-level security as shipped (docs/security.md): on, the app connecting as its own role. BENCH_RLS=off
 * runs the app as the owner without the policies' context, to measure what the wall costs.
 */
export function benchRls(): boolean {
  const raw = (process.env.BENCH_RLS ?? 'on').trim().toLowerCase();
  if (raw !== 'on' && raw !== 'off') throw new Error(`BENCH_RLS must be on or off (got "${raw}")`);
  return raw === 'on';
}

/** The app role's URL for each owner URL openDatabase provisioned (startApp connects the app with it). */
const appRoleUrls = new Map<string, string>();

/** What the app connects as for the database of `ownerUrl`: its own role with RLS on, else the owner. */
export function appDatabaseUrl(ownerUrl: string): string {
  if (!benchRls()) return ownerUrl;
  const url = appRoleUrls.get(ownerUrl);
  if (url === undefined) throw new Error('no app role for this database: open it with openDatabase');
  return url;
}

/** `ownerUrl` reached at `host:port` instead (a proxy in front of it), the app role's URL with it. */
export function databaseThrough(ownerUrl: string, host: string, port: number): string {
  const through = (url: string): string => {
    const moved = new URL(url);
    moved.hostname = host;
    moved.port = String(port);
    return moved.toString();
  };
  const owner = through(ownerUrl);
  const appUrl = appRoleUrls.get(ownerUrl);
  if (appUrl !== undefined) appRoleUrls.set(owner, through(appUrl));
  return owner;
}

/**
 * DATABASE_URL when set, otherwise a throwaway embedded PostgreSQL in a temp folder with `settings`
 * (removed when the run ends); migrated either way. With RLS on (the default) the app role
 * `commerce_app` is then created and granted as `npm start` does (with DATABASE_URL: that URL must be
 * allowed to CREATE ROLE).
 */
export async function openDatabase(
  run: BenchRun,
  options: { tempPrefix: string; database?: string; settings: Record<string, string | number> },
): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL?.trim();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), options.tempPrefix));
  run.onCleanUp(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  let database: BenchDatabase;
  let adminUrl: string;
  if (given) {
    log('Using DATABASE_URL');
    database = { url: given, embedded: false };
    adminUrl = given;
  } else {
    fs.chmodSync(tempDir, 0o755); // the postgres OS user must be able to enter it
    const postgres = new EmbeddedPostgres({
      dataDir: tempDir,
      database: options.database,
      settings: options.settings,
    });
    run.onCleanUp(() => postgres.stop());
    database = { url: (await postgres.start()).url, embedded: true };
    adminUrl = postgres.urlFor('postgres');
    log(`Throwaway embedded PostgreSQL in ${tempDir}`);
  }
  await migrateDatabase(database.url);
  if (benchRls()) {
    // Its password lives in the run's temp folder; the grants cover the tables the seed fills later.
    const appUrl = await provisionAppRole(tempDir, adminUrl, database.url);
    appRoleUrls.set(database.url, appUrl);
    log(
      `Row-level security on: the app connects as ${new URL(appUrl).username} (BENCH_RLS=off: as the owner)`,
    );
  } else {
    log('BENCH_RLS=off: the app connects as the owner, row-level security off');
  }
  return database;
}
