import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { Client } from 'pg';
import { verifyPassword } from '../../src/auth/password-hasher';
import { createEmptyDatabase, createTestDatabase, TestDatabase } from '../support/database';

const ROOT = path.resolve(__dirname, '..', '..');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run admin:create -- …` as the script runs it (ts-node, transpile only), with only DATABASE_URL set. */
function createAdmin(databaseUrl: string | undefined, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'scripts/create-admin.ts', ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('npm run admin:create', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  async function profile(email: string) {
    const { rows } = await client.query<{ id: string; role: string; password_hash: string | null }>(
      'SELECT id, role, password_hash FROM profiles WHERE lower(email) = $1',
      [email],
    );
    return rows;
  }

  it('creates a super_admin with the given password (exit 0), audited, password never printed', async () => {
    const run = await createAdmin(db.url, '--email', 'Root@Example.com', '--password', 'S3cret-passw0rd');
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toContain('Super admin root@example.com created.');
    expect(run.stdout).not.toContain('S3cret-passw0rd');
    const [row] = await profile('root@example.com');
    expect(row.role).toBe('super_admin');
    expect(await verifyPassword(row.password_hash ?? '', 'S3cret-passw0rd')).toBe(true);
    const { rows } = await client.query('SELECT action FROM logs WHERE entity_id = $1', [row.id]);
    expect(rows).toEqual([{ action: 'admin.bootstrap_created' }]);
  }, 90_000);

  it('promotes an existing customer and resets the password (--key=value form too)', async () => {
    await client.query(`INSERT INTO profiles (email, role) VALUES ('shopper@example.com', 'customer')`);
    const run = await createAdmin(db.url, '--email=SHOPPER@example.com', '--password=another-passw0rd');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('promoted to super_admin');
    const [row] = await profile('shopper@example.com');
    expect(row.role).toBe('super_admin');
    expect(await verifyPassword(row.password_hash ?? '', 'another-passw0rd')).toBe(true);
  }, 90_000);

  it('without --password, generates one for a new account and prints it once', async () => {
    const run = await createAdmin(db.url, '--email', 'generated@example.com');
    expect(run.status).toBe(0);
    const match = /Password \(shown once[^)]*\): (\S+)/.exec(run.stdout);
    expect(match).not.toBeNull();
    const [row] = await profile('generated@example.com');
    expect(await verifyPassword(row.password_hash ?? '', match?.[1] ?? '')).toBe(true);
  }, 90_000);

  it('refuses bad arguments (exit 1 for bad values, 2 for bad usage) and changes nothing', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['--email', 'not-an-email', '--password', 'long-enough-1'], 1, /Not an email address/],
      [['--email', 'short@example.com', '--password', 'short'], 1, /at least 8 characters/],
      [['--password', 'long-enough-1'], 2, /--email is required/],
      [['--email'], 2, /needs a value/],
      [['--email', 'a@example.com', '--role', 'admin'], 2, /Unknown argument/],
    ];
    const { rows: before } = await client.query('SELECT count(*)::int AS n FROM profiles');
    // In parallel: each run pays ts-node's start-up.
    const runs = await Promise.all(cases.map(([args]) => createAdmin(db.url, ...args)));
    runs.forEach((run, i) => {
      expect({ args: cases[i][0], status: run.status }).toEqual({ args: cases[i][0], status: cases[i][1] });
      expect(run.stderr).toMatch(cases[i][2]);
    });
    const { rows: after } = await client.query('SELECT count(*)::int AS n FROM profiles');
    expect(after).toEqual(before);
  }, 90_000);

  it('exit 2 without DATABASE_URL or when the database cannot be reached', async () => {
    const [missing, unreachable] = await Promise.all([
      createAdmin(undefined, '--email', 'x@example.com', '--password', 'long-enough-1'),
      createAdmin(
        'postgres://nobody:secret-pw@127.0.0.1:1/nowhere',
        '--email',
        'x@example.com',
        '--password',
        'long-enough-1',
      ),
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('DATABASE_URL is not set');
    expect(unreachable.status).toBe(2);
    expect(unreachable.stderr).toContain('Cannot connect to the database');
    expect(unreachable.stderr).not.toContain('long-enough-1');
  }, 90_000);

  it('exit 1 on a database whose migrations are pending', async () => {
    const empty = await createEmptyDatabase();
    try {
      const run = await createAdmin(empty.url, '--email', 'x@example.com', '--password', 'long-enough-1');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('pending migrations');
    } finally {
      await empty.drop();
    }
  }, 90_000);
});
