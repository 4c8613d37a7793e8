/**
 * JOBS=pgboss with several instances on one database: a period's job runs once however many
 * instances offer it, and a run whose process was killed mid-job is retried by another instance
 * with the stock invariant intact.
 */
import { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { closeTestApp, createTestApp } from '../support/app';
import { TEST_JWT_SECRET } from '../support/constants';
import { createTestDatabase, TestDatabase } from '../support/database';
import { inventoryViolations } from '../support/invariants';
import { exitWithin, startMain, waitUntilListening } from '../support/main-process';
import { waitFor } from '../events/helpers';
import { bossJobs, orderStatus, reserved, staleOrder, statsOf } from './helpers';

jest.setTimeout(120_000);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('Jobs with two instances (JOBS=pgboss)', () => {
  let db: TestDatabase;
  let sql: Client;
  const apps: INestApplication[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await closeTestApp(app);
    await sql?.end();
    await db?.drop();
  });

  it('runs a scheduled job once per period, not once per instance', async () => {
    // The outbox safety pass: a 1 s period, offered by both instances twice a period.
    const env = { JOBS: 'pgboss', EVENTS_POLL_INTERVAL_MS: '1000', WEBHOOK_POLL_INTERVAL_MS: '1000' };
    // From before the first instance starts: it schedules periods while the second one is still starting.
    const started = Date.now();
    const [a, b] = [await createTestApp(db.url, env), await createTestApp(db.url, env)];
    apps.push(a, b);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    // Closed first, so that no run is in flight when the counters and rows are compared.
    for (const app of apps.splice(0)) await closeTestApp(app);
    const elapsedSlots = Math.ceil((Date.now() - started) / 1000) + 1;

    const rows = await bossJobs(sql, 'events-dispatch');
    const perSlot = new Map<number, number>();
    for (const row of rows) {
      const slot = row.singleton_on?.getTime() ?? -1;
      perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
    }
    expect(perSlot.has(-1)).toBe(false);
    expect(Math.max(...perSlot.values())).toBe(1);
    // Periods had their runs (a loaded machine may starve a tick or two), never more than elapsed.
    expect(perSlot.size).toBeGreaterThanOrEqual(3);
    expect(perSlot.size).toBeLessThanOrEqual(elapsedSlots);
    const completed = rows.filter((r) => r.state === 'completed').length;
    const runs = (await statsOf(a, 'events-dispatch')).runs + (await statsOf(b, 'events-dispatch')).runs;
    expect(runs).toBe(completed);
  });

  it('retries a sweep whose worker was killed mid-job; the order is cancelled once and the stock is exact', async () => {
    const helper = await createTestApp(db.url, { EVENTS_DISPATCH: 'false' });
    apps.push(helper);
    const order = await staleOrder(helper, sql, 5, 3);
    await closeTestApp(apps.pop());

    // Holds the stock row the sweep must update: the killed instance's sweep stops mid-transaction.
    const locker = new Client({ connectionString: db.url });
    await locker.connect();
    const jobsEnv = {
      JOBS: 'pgboss',
      RESERVATION_TTL_MINUTES: '1',
      JOBS_EXPIRE_SECONDS: '3',
      JOBS_MAINTENANCE_INTERVAL_SECONDS: '1',
      JOBS_RETRY_DELAY_SECONDS: '0',
      EVENTS_DISPATCH: 'false',
    };
    try {
      await locker.query('BEGIN');
      await locker.query(`SELECT 1 FROM inventory WHERE variant_id = $1 FOR UPDATE`, [order.variantId]);
      const port = await freePort();
      const main = startMain({
        ...jobsEnv,
        DATABASE_URL: db.url,
        JWT_SECRET: TEST_JWT_SECRET,
        PORT: String(port),
        LOG_LEVEL: 'error',
        DATA_DIR: path.join(os.tmpdir(), `commerce-jobs-${port}`),
      });
      let killedJob: string;
      try {
        await waitUntilListening(main, port, 90_000);
        killedJob = await waitFor(
          'the sweep to block on the stock row',
          async () => {
            const active = (await bossJobs(sql, 'reservations-sweep')).find((r) => r.state === 'active');
            const waiting = await sql.query(`SELECT 1 FROM pg_locks WHERE NOT granted`);
            return active && waiting.rowCount ? active.id : undefined;
          },
          30_000,
        );
        main.child.kill('SIGKILL');
      } finally {
        main.child.kill('SIGKILL');
        await exitWithin(main.exited, main.child, 15_000);
      }
      await locker.query('ROLLBACK');
      // The dead instance's transaction is gone: nothing of the sweep was kept.
      await waitFor('the dead session to end', async () => {
        const { rows } = await sql.query(`SELECT 1 FROM pg_locks WHERE NOT granted`);
        return rows.length === 0 ? true : undefined;
      });
      expect(await orderStatus(sql, order.orderId)).toBe('pending');
      expect(await reserved(sql, order.variantId)).toBe(3);

      // Another instance expires the dead run (JOBS_EXPIRE_SECONDS) and retries it.
      apps.push(await createTestApp(db.url, jobsEnv));
      const retried = await waitFor(
        'the killed run to be retried and finish',
        async () => {
          const row = (await bossJobs(sql, 'reservations-sweep')).find((r) => r.id === killedJob);
          return row?.state === 'completed' ? row : undefined;
        },
        30_000,
      );
      expect(retried.retry_count).toBeGreaterThanOrEqual(1);
      expect(await orderStatus(sql, order.orderId)).toBe('cancelled');
      expect(await reserved(sql, order.variantId)).toBe(0);
      expect(await inventoryViolations(sql)).toEqual([]);
      const audit = await sql.query(
        `SELECT count(*)::int AS n FROM logs WHERE action = 'order.expired' AND entity_id = $1`,
        [order.orderId],
      );
      expect(audit.rows[0].n).toBe(1);
      const released = await sql.query(
        `SELECT status, count(*)::int AS n FROM inventory_reservations WHERE order_id = $1 GROUP BY status`,
        [order.orderId],
      );
      expect(released.rows).toEqual([{ status: 'released', n: 1 }]);
    } finally {
      await locker.end();
    }
  });
});
