/**
 * The database's bad days, on a real PostgreSQL of this file's own that the test stops, shuts down,
 * freezes (SIGSTOP) and restarts under the running app: every route answers 503 DATABASE_UNAVAILABLE
 * with Retry-After (never 500, never 401 for a valid token) within a bounded time, and the app
 * recovers by itself once the database is back, idempotent checkouts included.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request, { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';
import { fillCart, insertAddress } from '../support/shoppers';
import { OwnCluster } from './own-cluster';

/** Small bounds, so that a hung database costs the test seconds (the defaults are 15/20/5/30 s). */
const STATEMENT_TIMEOUT_MS = 1000;
const QUERY_TIMEOUT_MS = 1500;
const CONNECT_TIMEOUT_MS = 1000;
/**
 * The longest a request may take against a frozen database: a statement bounded by query_timeout,
 * possibly after a connection attempt bounded by the connect timeout, and a transaction's ROLLBACK
 * queued behind its stuck statement (another query_timeout), plus slack for a busy 2-core machine.
 */
const FROZEN_BOUND_MS = CONNECT_TIMEOUT_MS + 2 * QUERY_TIMEOUT_MS + 1500;

jest.setTimeout(60_000);

describe('a database that is down, shutting down, frozen, restarted', () => {
  let cluster: OwnCluster;
  let app: INestApplication;
  let customer: TestUser;
  let admin: TestUser;
  let store: { storeId: string; slug: string; variantIds: string[] };
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    cluster = await OwnCluster.start();
    app = await createTestApp(cluster.url, {
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DATABASE_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '3000',
    }).catch(async (error: unknown) => {
      await cluster.destroy();
      throw error;
    });
    customer = await createTestUser(app, 'customer');
    admin = await createTestUser(app, 'admin');
    store = await withSql(async (sql) => {
      const { storeId, variantIds } = await insertStockedVariants(sql, 1, 1000);
      const { rows } = await sql.query<{ slug: string }>(`SELECT slug FROM stores WHERE id = $1`, [storeId]);
      return { storeId, slug: rows[0].slug, variantIds };
    });
  });

  afterEach(() => {
    // A failed assertion must not leave the server frozen for the next test.
    cluster?.thaw();
  });

  afterAll(async () => {
    cluster?.thaw();
    await closeTestApp(app).catch(() => undefined);
    await cluster?.destroy();
  });

  /** A short-lived connection of the test's own to the cluster (never while it is frozen). */
  async function withSql<T>(work: (sql: Client) => Promise<T>): Promise<T> {
    const sql = new Client({ connectionString: cluster.url });
    sql.on('error', () => undefined);
    await sql.connect();
    try {
      return await work(sql);
    } finally {
      await sql.end().catch(() => undefined);
    }
  }

  /** One request of each kind: public, authenticated, admin, a POST with a body. */
  const probes = (): Array<[string, () => request.Test]> => [
    ['public GET', () => http().get(`/api/stores/${store.slug}/products`)],
    ['authenticated GET (valid token)', () => http().get('/api/me').set(bearer(customer))],
    ['admin GET', () => http().get('/api/admin/customers').set(bearer(admin))],
    [
      'POST with a body',
      () =>
        http()
          .post(`/api/stores/${store.slug}/cart/items`)
          .set(bearer(customer))
          .send({ variantId: store.variantIds[0], quantity: 1 }),
    ],
  ];

  function expectUnavailable(res: Response, what: string): void {
    expect({ what, status: res.status, body: res.body as unknown }).toEqual({
      what,
      status: 503,
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'DATABASE_UNAVAILABLE',
        message: expect.stringMatching(/^The database (is unavailable|timed out); retry later$/) as string,
      },
    });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  }

  async function expectAllUp(): Promise<void> {
    for (const [what, send] of probes()) {
      const res = await send();
      expect({ what, status: res.status }).toEqual({ what, status: what.startsWith('POST') ? 201 : 200 });
    }
    await http().get('/api/health').expect(200);
  }

  /** Until every probe answers again (pooled connections that died are replaced on first use). */
  async function expectRecovers(withinMs: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      try {
        await expectAllUp();
        return Date.now() - started;
      } catch (error) {
        if (Date.now() - started > withinMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  it('control: everything answers while the database is up; the app’s sessions carry the timeouts', async () => {
    await expectAllUp();
    const [settings] = await app
      .get(DataSource)
      .query<Array<{ statement: string; idle: string }>>(
        `SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`,
      );
    expect(settings).toEqual({ statement: '1s', idle: '3s' });
  });

  it('stopped (connection refused) → 503 on every kind of route at once; restarted → recovers without restarting the app', async () => {
    await cluster.stop();
    try {
      for (const [what, send] of probes()) {
        const started = Date.now();
        const res = await send();
        expectUnavailable(res, what);
        expect(res.body.message).toBe('The database is unavailable; retry later');
        // Refused is immediate: no waiting for a timeout.
        expect(Date.now() - started).toBeLessThan(CONNECT_TIMEOUT_MS);
      }
      await http().get('/api/health').expect(503);
    } finally {
      await cluster.restart();
    }
    expect(await expectRecovers(3000)).toBeLessThan(3000);
  });

  it('backends terminated mid-statement (57P01 admin shutdown) → 503, the next request works', async () => {
    await withSql(async (locker) => {
      // The token check reads profiles: hold a lock that makes it wait, then kill the waiting backend.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE profiles IN ACCESS EXCLUSIVE MODE');
      const pending = http()
        .get('/api/me')
        .set(bearer(customer))
        .then((res) => res);
      const pid = await waitForBlockedBackend(locker);
      await locker.query('SELECT pg_terminate_backend($1)', [pid]);
      const res = await pending;
      await locker.query('ROLLBACK');
      expectUnavailable(res, 'terminated');
      expect(res.body.message).toBe('The database is unavailable; retry later');
    });
    await http().get('/api/me').set(bearer(customer)).expect(200);
  });

  it('a statement that runs into statement_timeout → 503 "timed out" after the bound, not a hang', async () => {
    await withSql(async (locker) => {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE profiles IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const res = await http().get('/api/me').set(bearer(customer));
      const elapsed = Date.now() - started;
      await locker.query('ROLLBACK');
      expectUnavailable(res, 'statement timeout');
      expect(res.body.message).toBe('The database timed out; retry later');
      expect(elapsed).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(STATEMENT_TIMEOUT_MS + 1500);
    });
  });

  it('smart shutdown (new connections: 57P03 "shutting down") → 503; restarted → recovers', async () => {
    // A session of the test's own keeps the smart shutdown waiting; the app's pooled sessions are
    // terminated so that it needs new connections, which the shutting-down server refuses.
    const holder = new Client({ connectionString: cluster.url });
    holder.on('error', () => undefined);
    await holder.connect();
    try {
      cluster.smartShutdown();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await holder.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'commerce-api' AND pid <> pg_backend_pid()`,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const [what, send] of probes()) {
        const res = await send();
        expectUnavailable(res, what);
      }
      await http().get('/api/health').expect(503);
    } finally {
      await holder.end().catch(() => undefined);
      await cluster.waitForExit();
      await cluster.restart();
    }
    await expectRecovers(3000);
  });

  it('frozen (SIGSTOP of the postmaster and every backend) → 503 within the bound; SIGCONT → everything works again', async () => {
    const frozen = cluster.freeze();
    try {
      expect(frozen.length).toBeGreaterThan(1);
      // Signals land asynchronously: wait until /proc shows every process stopped (T).
      const deadline = Date.now() + 2000;
      while (!cluster.states().every((state) => state === 'T') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(cluster.states()).toEqual(frozen.map(() => 'T'));
      const timings: Record<string, number> = {};
      // All at once, as clients would send them: one frozen database, one bounded wait for all.
      const outcomes = await Promise.all(
        probes().map(async ([what, send]) => {
          const started = Date.now();
          const res = await send();
          timings[what] = Date.now() - started;
          return { what, res };
        }),
      );
      for (const { what, res } of outcomes) {
        expectUnavailable(res, what);
        expect(timings[what]).toBeLessThan(FROZEN_BOUND_MS);
      }
      // And a request arriving later, when the pool's connections are already the stuck ones.
      const started = Date.now();
      expectUnavailable(await http().get('/api/me').set(bearer(customer)), 'later request');
      expect(Date.now() - started).toBeLessThan(FROZEN_BOUND_MS);
      await http().get('/api/health').expect(503);
      process.stderr.write(`frozen database: answered 503 after ${JSON.stringify(timings)} ms\n`);
    } finally {
      cluster.thaw();
    }
    const recovery = await expectRecovers(2 * QUERY_TIMEOUT_MS + 2000);
    process.stderr.write(`frozen database: recovered ${recovery} ms after SIGCONT\n`);
  });

  describe('an idempotent checkout cut off by an outage', () => {
    it('the retry with the same key right after the restart places the order at once; one order, stock held once', async () => {
      const buyer = await createTestUser(app, 'customer');
      const { addressId, cartId } = await withSql(async (sql) => ({
        addressId: await insertAddress(sql, buyer.id),
        cartId: await fillCart(sql, store.storeId, buyer.id, [
          { variantId: store.variantIds[0], quantity: 2 },
        ]),
      }));
      const reservedBefore = await withSql(async (sql) => reservedOf(sql, store.variantIds[0]));
      const key = randomUUID();
      const checkout = () =>
        http()
          .post(`/api/stores/${store.slug}/checkout`)
          .set(bearer(buyer))
          .set('Idempotency-Key', key)
          .send({ shippingAddressId: addressId });

      // Hold the cart's row lock so that the checkout is caught mid-transaction (its key claimed),
      // then take the database away under it.
      const locker = new Client({ connectionString: cluster.url });
      locker.on('error', () => undefined);
      await locker.connect();
      let cutOff: Response;
      try {
        await locker.query('BEGIN');
        await locker.query('SELECT id FROM carts WHERE id = $1 FOR UPDATE', [cartId]);
        const pending = checkout().then((res) => res);
        await waitForBlockedBackend(locker);
        await cluster.stop();
        cutOff = await pending;
      } finally {
        await locker.end().catch(() => undefined);
      }
      expectUnavailable(cutOff, 'checkout cut off');

      await cluster.restart();
      const started = Date.now();
      const retry = await checkout();
      const elapsed = Date.now() - started;
      expect({ status: retry.status, code: retry.body.code as unknown }).toEqual({
        status: 201,
        code: undefined,
      });
      expect(elapsed).toBeLessThan(3000);
      process.stderr.write(`checkout retry after the outage: 201 in ${elapsed} ms\n`);

      const replay = await checkout().expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(retry.body);

      await withSql(async (sql) => {
        const orders = await sql.query<{ id: string }>(`SELECT id FROM orders WHERE user_id = $1`, [
          buyer.id,
        ]);
        expect(orders.rows).toHaveLength(1);
        expect(await reservedOf(sql, store.variantIds[0])).toBe(reservedBefore + 2);
        expect(await inventoryViolations(sql)).toEqual([]);
        const keys = await sql.query<{ response_status: number }>(
          `SELECT response_status FROM idempotency_keys WHERE user_id = $1`,
          [buyer.id],
        );
        expect(keys.rows).toEqual([{ response_status: 201 }]);
      });
    });
  });
});

/** The pid of an app backend waiting for a lock (the test's `locker` holds it); polls briefly. */
async function waitForBlockedBackend(locker: Client): Promise<number> {
  const deadline = Date.now() + 5000;
  for (;;) {
    // The locker is inside a transaction, where pg_stat_activity is a snapshot taken at its first
    // read: clear it, or a poll that started before the checkout's wait never sees the wait.
    await locker.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await locker.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE application_name = 'commerce-api' AND wait_event_type = 'Lock'`,
    );
    if (rows[0]) return rows[0].pid;
    if (Date.now() > deadline) throw new Error('no app backend ever waited for the lock');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function reservedOf(sql: Client, variantId: string): Promise<number> {
  const { rows } = await sql.query<{ reserved: number }>(
    `SELECT reserved FROM inventory WHERE variant_id = $1`,
    [variantId],
  );
  return Number(rows[0].reserved);
}
