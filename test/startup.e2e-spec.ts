import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { ALL_MIGRATIONS } from '../migrations';
import { findFreePort } from '../src/dev-postgres';
import { TEST_JWT_SECRET } from './support/constants';
import { createEmptyDatabase, TestDatabase } from './support/database';
import { exitWithin, startMain, waitUntilListening } from './support/main-process';

describe('src/main.ts', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-spec-'));
  });

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")'],
    [
      { DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x', JWT_SECRET: 'short' },
      'Invalid configuration: JWT_SECRET must be at least 32 characters',
    ],
  ])('exits 1 with one line naming the bad variable: %j', async (env, expected) => {
    const { child, exited } = startMain({ DATA_DIR: dataDir, ...env });
    const result = await exitWithin(exited, child, 45_000);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toContain(expected);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 with a clear reason when the database is unreachable, without the password', async () => {
    const port = await findFreePort();
    const { child, exited } = startMain({
      DATA_DIR: dataDir,
      DATABASE_URL: `postgres://app:hunter2-secret@127.0.0.1:${port}/commerce`,
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'error',
    });
    const result = await exitWithin(exited, child, 30_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Start-up failed: cannot connect to the database 127.0.0.1:${port}/commerce`,
    );
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  });

  describe('a normal start against an empty database', () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createEmptyDatabase();
    });

    afterAll(async () => {
      await db?.drop();
    });

    it('migrates, serves /api/health and shuts down cleanly on SIGTERM', async () => {
      const port = await findFreePort();
      const main = startMain({
        DATA_DIR: dataDir,
        DATABASE_URL: db.url,
        JWT_SECRET: TEST_JWT_SECRET,
        PORT: String(port),
        LOG_LEVEL: 'warn',
      });
      const { child, exited, output } = main;
      try {
        await waitUntilListening(main, port, 45_000);
        expect(output()).toContain(`Docs: http://localhost:${port}/api/docs`);

        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ status: 'ok', db: 'up' });

        const client = new Client({ connectionString: db.url });
        await client.connect();
        const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM migrations');
        await client.end();
        expect(Number(rows[0].count)).toBe(ALL_MIGRATIONS.length);
      } finally {
        child.kill('SIGTERM');
      }
      const result = await exitWithin(exited, child, 15_000);
      expect(result.signal).toBeNull();
      expect(result.code).toBe(0);
    });
  });
});
