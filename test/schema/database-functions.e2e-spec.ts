/**
 * The race-free database functions of migration 0007 under real concurrency: many connections, each in
 * its own transaction, against one PostgreSQL. The seed's versions fail exactly these tests (MAX()+1
 * order numbers collide; read-then-write reservations oversell the last unit).
 */
import { Client, ClientBase, Pool, PoolClient } from 'pg';
import { createTestDatabase } from '../support/database';
import { connect, endPool, insertStoreGraph, sqlFailure, uuid } from './sql-helpers';

/** Runs `work` in its own transaction on a pooled connection; a short pause before COMMIT keeps
 * transactions overlapping, so each caller really contends for the row locks the function takes. */
async function inTransaction<T>(pool: Pool, work: (c: PoolClient) => Promise<T>, holdMs = 5): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const result = await work(c);
    if (holdMs > 0) await c.query('SELECT pg_sleep($1)', [holdMs / 1000]);
    await c.query('COMMIT');
    return result;
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    c.release();
  }
}

const POOL_NAME = 'schema-tests-functions-pool';

function utcPeriod(date = new Date()): string {
  return date.toISOString().slice(0, 7).replace('-', '');
}

interface StockRow {
  quantity: number;
  reserved: number;
  held: number;
  active: number;
}

describe('database functions (migration 0007) under concurrency', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: Client;
  let pool: Pool;
  let profileId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = await connect(db.url);
    pool = new Pool({ connectionString: db.url, max: 20, application_name: POOL_NAME });
    profileId = uuid();
    await client.query(`INSERT INTO profiles (id, email) VALUES ($1, 'functions@example.com')`, [profileId]);
  });

  afterAll(async () => {
    if (pool && client) await endPool(pool, client, POOL_NAME);
    await client?.end();
    await db?.drop();
  });

  async function stock(variantId: string): Promise<StockRow> {
    const { rows } = await client.query<StockRow>(
      `SELECT i.quantity, i.reserved,
              COALESCE(sum(r.quantity) FILTER (WHERE r.status = 'active'), 0)::int AS held,
              count(r.id) FILTER (WHERE r.status = 'active')::int AS active
         FROM inventory i LEFT JOIN inventory_reservations r ON r.variant_id = i.variant_id
        WHERE i.variant_id = $1
        GROUP BY i.quantity, i.reserved`,
      [variantId],
    );
    return rows[0];
  }

  async function createOrders(storeId: string, prefix: string, n: number): Promise<string[]> {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO orders (store_id, user_id, order_number, subtotal, total)
       SELECT $1, $2, $3 || '-' || g, 10, 10 FROM generate_series(1, $4::int) g RETURNING id`,
      [storeId, profileId, prefix, n],
    );
    return rows.map((r) => r.id);
  }

  async function reserve(orderId: string, variantId: string, qty: number): Promise<boolean> {
    const { rows } = await client.query<{ ok: boolean }>(
      `SELECT reserve_inventory($1::uuid, $2::uuid, $3::int, NULL) AS ok`,
      [orderId, variantId, qty],
    );
    return rows[0].ok;
  }

  describe('generate_order_number()', () => {
    let issued: string[] = [];
    let period: string;

    it('gives 50 concurrent transactions 50 distinct YYYYMM + 5-digit numbers, in sequence', async () => {
      period = utcPeriod();
      const { rows: before } = await client.query<{ last_value: string }>(
        `SELECT last_value::text FROM order_number_counters WHERE period = $1`,
        [period],
      );
      const start = before.length > 0 ? Number(before[0].last_value) : 0;

      issued = await Promise.all(
        Array.from({ length: 50 }, () =>
          inTransaction(pool, async (c) => {
            const { rows } = await c.query<{ n: string }>(`SELECT generate_order_number() AS n`);
            return rows[0].n;
          }),
        ),
      );
      const periodAfter = utcPeriod();

      expect(new Set(issued).size).toBe(50);
      for (const n of issued) {
        expect(n).toMatch(/^\d{6}\d{5,}$/);
        expect([period, periodAfter]).toContain(n.slice(0, 6));
      }
      if (periodAfter === period) {
        // No number skipped or repeated: exactly the next 50 values of this month's counter.
        const sequences = issued.map((n) => Number(n.slice(6))).sort((a, b) => a - b);
        expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => start + i + 1));
        if (start + 50 <= 99_999) expect(issued.filter((n) => n.length !== 11)).toEqual([]);
      }
    });

    it('widens to six digits after 99999 instead of truncating or colliding', async () => {
      const current = utcPeriod();
      await client.query(
        `INSERT INTO order_number_counters (period, last_value) VALUES ($1, 99999)
         ON CONFLICT (period) DO UPDATE SET last_value = 99999`,
        [current],
      );
      const { rows } = await client.query<{ n: string }>(`SELECT generate_order_number() AS n`);
      expect(rows[0].n).toBe(`${current}100000`);
      expect(issued).not.toContain(rows[0].n);

      const { rows: next } = await client.query<{ n: string }>(`SELECT generate_order_number() AS n`);
      expect(next[0].n).toBe(`${current}100001`);
      expect(issued).not.toContain(next[0].n);
    });
  });

  describe('reserve_inventory()', () => {
    it('lets exactly 10 of 40 concurrent single-unit reservations take 10 units', async () => {
      const g = await insertStoreGraph(client, 'reserve', { profileId, quantity: 10 });
      const orders = await createOrders(g.storeId, 'RSV', 40);

      const results = await Promise.all(
        orders.map((orderId) =>
          inTransaction(pool, async (c) => {
            const { rows } = await c.query<{ ok: boolean }>(
              `SELECT reserve_inventory($1::uuid, $2::uuid, 1, NULL) AS ok`,
              [orderId, g.variantId],
            );
            return { orderId, ok: rows[0].ok };
          }),
        ),
      );

      const winners = results.filter((r) => r.ok).map((r) => r.orderId);
      expect(winners).toHaveLength(10);
      expect(await stock(g.variantId)).toEqual({ quantity: 10, reserved: 10, held: 10, active: 10 });

      const { rows } = await client.query<{ order_id: string }>(
        `SELECT order_id FROM inventory_reservations WHERE variant_id = $1 AND status = 'active'`,
        [g.variantId],
      );
      expect(rows.map((r) => r.order_id).sort()).toEqual([...winners].sort());

      // Sold out: one more is refused without side effects.
      const [late] = await createOrders(g.storeId, 'RSV-LATE', 1);
      expect(await reserve(late, g.variantId, 1)).toBe(false);
      expect(await stock(g.variantId)).toEqual({ quantity: 10, reserved: 10, held: 10, active: 10 });
    });

    it('refuses a non-positive quantity (23514)', async () => {
      const g = await insertStoreGraph(client, 'reserve-zero', { profileId, quantity: 5 });
      const [order] = await createOrders(g.storeId, 'RSV-ZERO', 1);
      const failure = await sqlFailure(reserve(order, g.variantId, 0));
      expect(failure.code).toBe('23514');
      expect(await stock(g.variantId)).toEqual({ quantity: 5, reserved: 0, held: 0, active: 0 });
    });
  });

  describe('hold_inventory() (0030)', () => {
    const hold = (c: ClientBase, orderId: string, variants: string[], quantities: number[]) =>
      c.query(`SELECT hold_inventory($1::uuid, $2::uuid[], $3::int[], NULL)`, [
        orderId,
        variants,
        quantities,
      ]);

    it('holds every line, or fails with SK409 and every short line, holding nothing', async () => {
      const a = await insertStoreGraph(client, 'hold-a', { profileId, quantity: 3 });
      const b = await insertStoreGraph(client, 'hold-b', { profileId, quantity: 2 });
      const [first, second] = await createOrders(a.storeId, 'HOLD', 2);
      await hold(client, first, [a.variantId, b.variantId], [2, 1]);
      expect(await stock(a.variantId)).toEqual({ quantity: 3, reserved: 2, held: 2, active: 1 });
      expect(await stock(b.variantId)).toEqual({ quantity: 2, reserved: 1, held: 1, active: 1 });

      // a can still give 1; b is asked 5 of the 1 left: the error names b only, with what is free.
      const failure = await inTransaction(
        pool,
        (c) => sqlFailure(hold(c, second, [a.variantId, b.variantId], [1, 5])),
        0,
      );
      expect(failure.code).toBe('SK409');
      expect(JSON.parse(failure.detail ?? '')).toEqual([
        { variantId: b.variantId, requested: 5, available: 1 },
      ]);
      // The first line is short: it and every later short line are named.
      const both = await inTransaction(
        pool,
        (c) => sqlFailure(hold(c, second, [a.variantId, b.variantId], [2, 2])),
        0,
      );
      expect(JSON.parse(both.detail ?? '')).toEqual([
        { variantId: a.variantId, requested: 2, available: 1 },
        { variantId: b.variantId, requested: 2, available: 1 },
      ]);
      // The failed statement aborted its transaction: a's unit taken before b failed is back.
      expect(await stock(a.variantId)).toEqual({ quantity: 3, reserved: 2, held: 2, active: 1 });
      expect(await stock(b.variantId)).toEqual({ quantity: 2, reserved: 1, held: 1, active: 1 });
    });

    it('lets exactly 10 of 40 concurrent holds take 10 units', async () => {
      const g = await insertStoreGraph(client, 'hold-race', { profileId, quantity: 10 });
      const orders = await createOrders(g.storeId, 'HOLD-RACE', 40);
      const results = await Promise.all(
        orders.map((orderId) =>
          inTransaction(pool, (c) => hold(c, orderId, [g.variantId], [1])).then(
            () => 'held',
            (error: { code?: string }) => error.code,
          ),
        ),
      );
      expect(results.filter((r) => r === 'held')).toHaveLength(10);
      expect(results.filter((r) => r === 'SK409')).toHaveLength(30);
      expect(await stock(g.variantId)).toEqual({ quantity: 10, reserved: 10, held: 10, active: 10 });
    });

    it('refuses arrays of different lengths (22023) and holds nothing for none', async () => {
      const g = await insertStoreGraph(client, 'hold-shape', { profileId, quantity: 5 });
      const [order] = await createOrders(g.storeId, 'HOLD-SHAPE', 1);
      expect((await sqlFailure(hold(client, order, [g.variantId], [1, 2]))).code).toBe('22023');
      await hold(client, order, [], []);
      expect(await stock(g.variantId)).toEqual({ quantity: 5, reserved: 0, held: 0, active: 0 });
    });
  });

  describe('release_inventory()', () => {
    it('releases an order once when two transactions release it at the same time', async () => {
      const g = await insertStoreGraph(client, 'release', { profileId, quantity: 10 });
      const red = uuid();
      await client.query(
        `INSERT INTO product_variants (id, store_id, product_id, sku, name) VALUES ($1, $2, $3, 'MUG-RED', 'Red')`,
        [red, g.storeId, g.productId],
      );
      await client.query(`INSERT INTO inventory (variant_id, quantity) VALUES ($1, 5)`, [red]);
      const [order, bystander] = await createOrders(g.storeId, 'REL', 2);
      expect(await reserve(order, g.variantId, 3)).toBe(true);
      expect(await reserve(order, red, 2)).toBe(true);
      expect(await reserve(bystander, g.variantId, 4)).toBe(true);
      expect(await stock(g.variantId)).toMatchObject({ reserved: 7, held: 7 });
      expect(await stock(red)).toMatchObject({ reserved: 2, held: 2 });

      // Deterministic interleaving: A releases and keeps its transaction open; B's release must wait for
      // A's row locks, then find nothing active left.
      const a = await pool.connect();
      const b = await pool.connect();
      try {
        const { rows: pid } = await b.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
        await a.query('BEGIN');
        await b.query('BEGIN');
        const first = await a.query<{ n: number }>(`SELECT release_inventory($1) AS n`, [order]);
        const second = b.query<{ n: number }>(`SELECT release_inventory($1) AS n`, [order]);
        await waitUntilWaitingOnLock(pid[0].pid);
        await a.query('COMMIT');
        const secondResult = await second;
        await b.query('COMMIT');

        expect(first.rows[0].n).toBe(2);
        expect(secondResult.rows[0].n).toBe(0);
      } finally {
        a.release();
        b.release();
      }

      expect(await stock(g.variantId)).toEqual({ quantity: 10, reserved: 4, held: 4, active: 1 });
      expect(await stock(red)).toEqual({ quantity: 5, reserved: 0, held: 0, active: 0 });
      const { rows } = await client.query<{ status: string; settled: boolean }>(
        `SELECT status, settled_at IS NOT NULL AS settled FROM inventory_reservations WHERE order_id = $1`,
        [order],
      );
      expect(rows).toEqual([
        { status: 'released', settled: true },
        { status: 'released', settled: true },
      ]);
    });

    it('releases once when two releases are fired together', async () => {
      const g = await insertStoreGraph(client, 'release-race', { profileId, quantity: 10 });
      const [order] = await createOrders(g.storeId, 'REL-RACE', 1);
      expect(await reserve(order, g.variantId, 6)).toBe(true);

      const counts = await Promise.all(
        [1, 2].map(() =>
          inTransaction(pool, async (c) => {
            const { rows } = await c.query<{ n: number }>(`SELECT release_inventory($1) AS n`, [order]);
            return rows[0].n;
          }),
        ),
      );
      expect(counts.sort()).toEqual([0, 1]);
      expect(await stock(g.variantId)).toEqual({ quantity: 10, reserved: 0, held: 0, active: 0 });
    });
  });

  describe('commit_inventory()', () => {
    it('takes the held units out of quantity and reserved exactly once', async () => {
      const g = await insertStoreGraph(client, 'commit', { profileId, quantity: 10 });
      const [order, other] = await createOrders(g.storeId, 'COM', 2);
      expect(await reserve(order, g.variantId, 4)).toBe(true);
      expect(await reserve(other, g.variantId, 1)).toBe(true);
      expect(await stock(g.variantId)).toEqual({ quantity: 10, reserved: 5, held: 5, active: 2 });

      const counts = await Promise.all(
        [1, 2].map(() =>
          inTransaction(pool, async (c) => {
            const { rows } = await c.query<{ n: number }>(`SELECT commit_inventory($1) AS n`, [order]);
            return rows[0].n;
          }),
        ),
      );
      expect(counts.sort()).toEqual([0, 1]);
      expect(await stock(g.variantId)).toEqual({ quantity: 6, reserved: 1, held: 1, active: 1 });

      const { rows } = await client.query<{ status: string; settled: boolean }>(
        `SELECT status, settled_at IS NOT NULL AS settled FROM inventory_reservations WHERE order_id = $1`,
        [order],
      );
      expect(rows).toEqual([{ status: 'committed', settled: true }]);

      // A committed order has nothing left to release or commit.
      const { rows: again } = await client.query<{ released: number; committed: number }>(
        `SELECT release_inventory($1) AS released, commit_inventory($1) AS committed`,
        [order],
      );
      expect(again).toEqual([{ released: 0, committed: 0 }]);
      expect(await stock(g.variantId)).toEqual({ quantity: 6, reserved: 1, held: 1, active: 1 });
    });

    it('fails loudly instead of clamping when reserved disagrees with the holds', async () => {
      const g = await insertStoreGraph(client, 'commit-mismatch', { profileId, quantity: 10 });
      const [order] = await createOrders(g.storeId, 'COM-BAD', 1);
      expect(await reserve(order, g.variantId, 3)).toBe(true);
      // Corrupt the counter behind the functions' back.
      await client.query(`UPDATE inventory SET reserved = 1 WHERE variant_id = $1`, [g.variantId]);

      const failure = await sqlFailure(client.query(`SELECT commit_inventory($1)`, [order]));
      expect(failure.code).toBe('22000');
      const releaseFailure = await sqlFailure(client.query(`SELECT release_inventory($1)`, [order]));
      expect(releaseFailure.code).toBe('22000');
      // Nothing changed: the hold is still active and the stock untouched.
      expect(await stock(g.variantId)).toEqual({ quantity: 10, reserved: 1, held: 3, active: 1 });
    });
  });

  /** Polls until backend `pid` is blocked on a lock (so the interleaving really happened). */
  async function waitUntilWaitingOnLock(pid: number): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const { rows } = await client.query<{ waiting: boolean }>(
        `SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1`,
        [pid],
      );
      if (rows[0]?.waiting) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`Backend ${pid} never waited for a lock: the second release did not contend`);
  }
});
