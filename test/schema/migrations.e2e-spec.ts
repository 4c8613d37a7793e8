/**
 * Every migration goes up, comes back down without leaving anything of ours behind, and goes up again
 * to exactly the same schema; after that, the entities and the database agree (no drift), both through
 * TypeORM's schema builder and through the CLI check CI runs.
 */
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { createEmptyDatabase, createTestDatabase } from '../support/database';

const ROOT = path.resolve(__dirname, '..', '..');
const MIGRATIONS_DIR = path.join(ROOT, 'migrations');
const MIGRATION_NAMES = ALL_MIGRATIONS.map((Migration) => new Migration().name);

async function query<T>(dataSource: DataSource, sql: string, params: unknown[] = []): Promise<T[]> {
  return dataSource.query<T[]>(sql, params);
}

async function executedMigrations(dataSource: DataSource): Promise<string[]> {
  const rows = await query<{ name: string }>(dataSource, `SELECT name FROM migrations ORDER BY id`);
  return rows.map((r) => r.name);
}

/** Everything in `public` except TypeORM's own `migrations` table and what belongs to it. */
async function leftovers(dataSource: DataSource): Promise<string[]> {
  const relations = await query<{ item: string }>(
    dataSource,
    `SELECT c.relkind::text || ' ' || c.relname AS item
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace
        AND c.oid <> 'public.migrations'::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_index i
                         WHERE i.indexrelid = c.oid AND i.indrelid = 'public.migrations'::regclass)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                         WHERE d.objid = c.oid AND d.refobjid = 'public.migrations'::regclass)`,
  );
  const functions = await query<{ item: string }>(
    dataSource,
    `SELECT 'function ' || p.oid::regprocedure::text AS item FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace`,
  );
  const types = await query<{ item: string }>(
    dataSource,
    `SELECT 'type ' || t.typname AS item FROM pg_type t
      WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'r', 'm')`,
  );
  return [...relations, ...functions, ...types].map((r) => r.item).sort();
}

/** A textual fingerprint of the whole public schema, to compare two migrated databases. */
async function schemaFingerprint(dataSource: DataSource): Promise<string[]> {
  const parts = await Promise.all([
    query<{ item: string }>(
      dataSource,
      `SELECT format('column %s.%s %s null=%s default=%s', table_name, column_name, data_type, is_nullable,
                     column_default) AS item
         FROM information_schema.columns WHERE table_schema = 'public'`,
    ),
    query<{ item: string }>(
      dataSource,
      `SELECT format('constraint %s.%s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS item
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
    ),
    query<{ item: string }>(
      dataSource,
      `SELECT format('index %s', indexdef) AS item FROM pg_indexes WHERE schemaname = 'public'`,
    ),
    query<{ item: string }>(
      dataSource,
      `SELECT format('function %s', pg_get_functiondef(oid)) AS item FROM pg_proc
        WHERE pronamespace = 'public'::regnamespace`,
    ),
    query<{ item: string }>(
      dataSource,
      `SELECT format('view %s %s', viewname, definition) AS item FROM pg_views WHERE schemaname = 'public'`,
    ),
    query<{ item: string }>(
      dataSource,
      `SELECT format('trigger %s', pg_get_triggerdef(t.oid)) AS item
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal`,
    ),
  ]);
  return parts
    .flat()
    .map((r) => r.item)
    .sort();
}

describe('migrations: up, down, up', () => {
  let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let dataSource: DataSource;
  let firstUp: string[];

  beforeAll(async () => {
    db = await createEmptyDatabase();
    dataSource = new DataSource(buildDataSourceOptions(db.url, { poolSize: 2 }));
    await dataSource.initialize();
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await db?.drop();
  });

  it('runs every migration up, in order, on an empty database', async () => {
    const executed = await dataSource.runMigrations();
    expect(executed.map((m) => m.name)).toEqual(MIGRATION_NAMES);
    expect(await executedMigrations(dataSource)).toEqual(MIGRATION_NAMES);
    expect(await dataSource.showMigrations()).toBe(false);
    firstUp = await schemaFingerprint(dataSource);
  });

  it('reverts every migration, last first, leaving nothing of ours in public', async () => {
    const reverted: string[] = [];
    for (let step = 0; step <= MIGRATION_NAMES.length; step += 1) {
      const before = await executedMigrations(dataSource);
      if (before.length === 0) break;
      await dataSource.undoLastMigration();
      const after = await executedMigrations(dataSource);
      expect(after).toEqual(before.slice(0, -1));
      reverted.push(before[before.length - 1]);
    }
    expect(reverted).toEqual([...MIGRATION_NAMES].reverse());
    expect(await executedMigrations(dataSource)).toEqual([]);
    expect(await leftovers(dataSource)).toEqual([]);
  });

  it('runs every migration up again, to the same schema', async () => {
    const executed = await dataSource.runMigrations();
    expect(executed.map((m) => m.name)).toEqual(MIGRATION_NAMES);
    expect(await schemaFingerprint(dataSource)).toEqual(firstUp);
  });

  it('leaves no difference between the entities and the schema', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    const pending = upQueries.map((q) => q.query);
    if (pending.length > 0) {
      throw new Error(
        `The entities disagree with the migrated schema; TypeORM would run:\n${pending.join(';\n')}`,
      );
    }
    expect(pending).toHaveLength(0);
  });

  it('matches the schema of the migrated template the other tests use', async () => {
    const template = await createTestDatabase();
    const other = new DataSource(buildDataSourceOptions(template.url, { poolSize: 1 }));
    try {
      await other.initialize();
      expect(await schemaFingerprint(other)).toEqual(firstUp);
    } finally {
      if (other.isInitialized) await other.destroy();
      await template.drop();
    }
  });
});

describe('migration:generate --check (the CI drift check)', () => {
  const driftFiles = (): string[] =>
    readdirSync(MIGRATIONS_DIR).filter((name) => name.includes('drift-check'));

  function run(
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    timeoutMs: number,
  ): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const timer = setTimeout(() => {
        output += `\n[killed after ${timeoutMs} ms]`;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  }

  it('finds no changes on a migrated database', async () => {
    const existingBefore = driftFiles();
    const db = await createTestDatabase();
    try {
      const { code, output } = await run(
        'npx',
        [
          'typeorm-ts-node-commonjs',
          'migration:generate',
          '--check',
          '-d',
          'ormconfig.ts',
          'migrations/drift-check',
        ],
        { ...process.env, DATABASE_URL: db.url },
        85_000,
      );
      // eslint-disable-next-line no-control-regex
      const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
      expect({ code, output: plain }).toEqual({
        code: 0,
        output: expect.stringContaining('No changes in database schema were found') as unknown,
      });
      expect(driftFiles()).toEqual(existingBefore);
    } finally {
      // Whatever happened (even a stale file from an interrupted run), no generated migration stays.
      for (const name of driftFiles()) rmSync(path.join(MIGRATIONS_DIR, name), { force: true });
      await db.drop();
    }
  }, 90_000);
});
