/**
 * The default run (`npm start` without DATABASE_URL): embedded PostgreSQL in DATA_DIR, migrations, a
 * demo store seeded on the first run only, a super admin with a password printed once; a clean stop on
 * SIGTERM; data reused by the next start; recovery after the app was killed with SIGKILL.
 */
import * as argon2 from 'argon2';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DEMO_PRODUCTS } from '../src/demo/demo-catalog';
import { findFreePort } from '../src/dev-postgres';
import { exitWithin, MainProcess, startMain, waitUntilListening } from './support/main-process';

function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, 'pgdata', 'postmaster.pid');
  if (!fs.existsSync(file)) return null;
  return Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
}

/** Running, not merely a zombie waiting for init (PID 1) to reap it. */
function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Connects to the embedded cluster the way main.ts does: port from postmaster.pid, stored password. */
async function connect(dataDir: string): Promise<Client> {
  const lines = fs.readFileSync(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n');
  const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  const client = new Client({
    host: '127.0.0.1',
    port: Number(lines[3]),
    user: 'postgres',
    password,
    database: 'commerce',
  });
  await client.connect();
  return client;
}

describe('default run: embedded PostgreSQL', () => {
  let dataDir: string;
  let port: number;
  const env = (): NodeJS.ProcessEnv => ({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'log' });
  let main: MainProcess | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'default-run-'));
    fs.chmodSync(dataDir, 0o755); // mkdtemp makes it 0700: the postgres OS user must be able to enter
    port = await findFreePort();
  });

  afterAll(async () => {
    if (main && main.child.exitCode === null) {
      main.child.kill('SIGTERM');
      await exitWithin(main.exited, main.child, 20_000).catch(() => undefined);
    }
    const pid = postmasterPid(dataDir);
    if (pid && isAlive(pid)) process.kill(pid, 'SIGQUIT');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  let storeId: string;

  it('first start: migrates, seeds the demo store, creates the super admin and prints its password once', async () => {
    main = startMain(env());
    await waitUntilListening(main, port, 90_000);

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', db: 'up' });
    expect(main.output()).toContain(`Docs: http://localhost:${port}/api/docs`);

    const printed = /Password \(shown once[^)]*\): (\S+)/.exec(main.output());
    expect(printed).not.toBeNull();

    const db = await connect(dataDir);
    try {
      const stores = await db.query<{ id: string; slug: string }>(`SELECT id, slug FROM stores`);
      expect(stores.rows).toHaveLength(1);
      expect(stores.rows[0].slug).toBe('demo');
      storeId = stores.rows[0].id;
      const counts = await db.query<Record<string, number>>(`
        SELECT (SELECT count(*) FROM products)::int AS products,
               (SELECT count(*) FROM product_variants)::int AS variants,
               (SELECT count(*) FROM inventory WHERE quantity > 0)::int AS stocked,
               (SELECT count(*) FROM product_images)::int AS images,
               (SELECT count(*) FROM categories WHERE parent_id IS NOT NULL)::int AS subcategories,
               (SELECT count(*) FROM tags)::int AS tags`);
      const variants = DEMO_PRODUCTS.reduce((n, p) => n + p.variants.length, 0);
      expect(counts.rows[0]).toEqual({
        products: DEMO_PRODUCTS.length,
        variants,
        stocked: variants,
        images: DEMO_PRODUCTS.length * 2,
        subcategories: 6,
        tags: 5,
      });
      const admin = await db.query<{ role: string; password_hash: string }>(
        `SELECT role, password_hash FROM profiles WHERE email = 'admin@example.com'`,
      );
      expect(admin.rows).toHaveLength(1);
      expect(admin.rows[0].role).toBe('super_admin');
      expect(await argon2.verify(admin.rows[0].password_hash, printed?.[1] ?? '')).toBe(true);

      // Row-level security on by default: the app's pool logs in as its own role, which the policies hold
      // (a request just now, so that the pool has a connection open).
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      const sessions = await db.query<{ usename: string }>(
        `SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = 'commerce-api'`,
      );
      expect(sessions.rows).toEqual([{ usename: 'commerce_app' }]);
      const role = await db.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
        `SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'commerce_app'`,
      );
      expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    } finally {
      await db.end();
    }
  });

  it('SIGTERM stops the app and then the database, exit code 0', async () => {
    if (!main) throw new Error('first start did not run');
    const pid = postmasterPid(dataDir);
    expect(pid).not.toBeNull();
    main.child.kill('SIGTERM');
    const result = await exitWithin(main.exited, main.child, 20_000);
    expect(result.code).toBe(0);
    expect(isAlive(pid ?? -1)).toBe(false);
    expect(postmasterPid(dataDir)).toBeNull();
  });

  it('second start reuses the data: same store, no re-seed, no new password', async () => {
    main = startMain(env());
    await waitUntilListening(main, port, 60_000);
    expect(main.output()).not.toContain('Password (shown once');
    const db = await connect(dataDir);
    try {
      const stores = await db.query<{ id: string }>(`SELECT id FROM stores`);
      expect(stores.rows.map((r) => r.id)).toEqual([storeId]);
      const admins = await db.query(`SELECT 1 FROM profiles WHERE role = 'super_admin'`);
      expect(admins.rowCount).toBe(1);
    } finally {
      await db.end();
    }
  });

  it('after the app is killed (SIGKILL) the next start recovers the PostgreSQL left running', async () => {
    if (!main) throw new Error('second start did not run');
    const pid = postmasterPid(dataDir);
    main.child.kill('SIGKILL');
    await exitWithin(main.exited, main.child, 10_000);
    // PostgreSQL runs in its own process group: it outlives the app, as after a crash.
    expect(pid !== null && isAlive(pid)).toBe(true);

    main = startMain(env());
    await waitUntilListening(main, port, 60_000);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(isAlive(pid ?? -1)).toBe(false);

    main.child.kill('SIGTERM');
    const result = await exitWithin(main.exited, main.child, 20_000);
    expect(result.code).toBe(0);
  });
});
