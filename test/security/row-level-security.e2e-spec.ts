import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Order } from '../../src/orders/entities/order.entity';
import { DEFAULT_APP_ROLE } from '../../src/database/rls/app-role';
import { DbContext, runWithDbContext, SYSTEM_CONTEXT } from '../../src/database/rls/db-context';
import { inTransaction } from '../../src/database/transactions';
import { closeTestApp, createTestApp } from '../support/app';
import { appRoleUrlFor, createTestDatabase, TestDatabase } from '../support/database';

/**
 * The database's own wall (migration 0023, docs/security.md "Row-level security"), proved without the
 * app's guards: as the app's role, with a context set the way the app sets it, the policies alone decide.
 */
describe('row-level security', () => {
  let db: TestDatabase;
  let owner: Client;
  let asApp: Client;
  let app: INestApplication;
  const ids: Record<string, string> = {};

  const one = async (sql: string, params: unknown[] = []): Promise<string> =>
    (await owner.query<{ id: string }>(sql, params)).rows[0].id;

  /** Runs `sql` as the app role inside a transaction with the given context (as the app stamps it). */
  async function as<T extends object>(context: Partial<DbContext>, sql: string, params: unknown[] = []) {
    await asApp.query('BEGIN');
    try {
      await asApp.query(
        `SELECT set_config('app.user_id', $1, true), set_config('app.role', $2, true),
                set_config('app.store_ids', $3, true), set_config('app.cart_session', $4, true)`,
        [
          context.userId ?? '',
          context.role ?? 'anonymous',
          context.storeIds?.length ? `{${context.storeIds.join(',')}}` : '',
          context.cartSession ?? '',
        ],
      );
      const result = await asApp.query<T>(sql, params);
      await asApp.query('COMMIT');
      return result;
    } catch (error) {
      await asApp.query('ROLLBACK');
      throw error;
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = new Client({ connectionString: db.url });
    await owner.connect();
    asApp = new Client({ connectionString: appRoleUrlFor(db.url) });
    await asApp.connect();

    for (const s of ['a', 'b']) {
      ids[`store_${s}`] = await one(
        `INSERT INTO stores (slug, name, currency) VALUES ($1, $1, 'USD') RETURNING id`,
        [`rls-${s}`],
      );
      ids[`product_${s}`] = await one(
        `INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'P', 'p', 10) RETURNING id`,
        [ids[`store_${s}`]],
      );
      ids[`hidden_${s}`] = await one(
        `INSERT INTO products (store_id, name, slug, base_price, is_active) VALUES ($1, 'H', 'h', 10, false) RETURNING id`,
        [ids[`store_${s}`]],
      );
      ids[`variant_${s}`] = await one(
        `INSERT INTO product_variants (store_id, product_id, sku, name) VALUES ($1, $2, 'SKU', 'V') RETURNING id`,
        [ids[`store_${s}`], ids[`product_${s}`]],
      );
      ids[`customer_${s}`] = await one(
        `INSERT INTO profiles (email, role) VALUES ($1, 'customer') RETURNING id`,
        [`rls-customer-${s}@test.example`],
      );
      ids[`admin_${s}`] = await one(`INSERT INTO profiles (email, role) VALUES ($1, 'admin') RETURNING id`, [
        `rls-admin-${s}@test.example`,
      ]);
      await owner.query(
        `INSERT INTO store_memberships (store_id, profile_id, role) VALUES ($1, $2, 'owner')`,
        [ids[`store_${s}`], ids[`admin_${s}`]],
      );
      ids[`address_${s}`] = await one(
        `INSERT INTO addresses (user_id, full_name, phone, address_line1, city, state, postal_code, country)
         VALUES ($1, 'N', '1', 'L', 'C', 'S', '1', 'US') RETURNING id`,
        [ids[`customer_${s}`]],
      );
      ids[`order_${s}`] = await one(
        `INSERT INTO orders (store_id, user_id, order_number, subtotal, total)
         VALUES ($1, $2, generate_order_number(), 10, 10) RETURNING id`,
        [ids[`store_${s}`], ids[`customer_${s}`]],
      );
      await owner.query(
        `INSERT INTO order_items (order_id, product_id, variant_id, product_name, variant_name, sku, quantity, unit_price, total_price)
         VALUES ($1, $2, $3, 'P', 'V', 'SKU', 1, 10, 10)`,
        [ids[`order_${s}`], ids[`product_${s}`], ids[`variant_${s}`]],
      );
      await owner.query(
        `INSERT INTO payments (order_id, provider, amount, currency, status) VALUES ($1, 'manual', 10, 'USD', 'pending')`,
        [ids[`order_${s}`]],
      );
      ids[`cart_${s}`] = await one(`INSERT INTO carts (store_id, user_id) VALUES ($1, $2) RETURNING id`, [
        ids[`store_${s}`],
        ids[`customer_${s}`],
      ]);
      await owner.query(`INSERT INTO cart_items (cart_id, variant_id, quantity) VALUES ($1, $2, 1)`, [
        ids[`cart_${s}`],
        ids[`variant_${s}`],
      ]);
      ids[`log_${s}`] = await one(
        `INSERT INTO logs (store_id, user_id, action) VALUES ($1, $2, 'test.seed') RETURNING id`,
        [ids[`store_${s}`], ids[`admin_${s}`]],
      );
    }
    ids.guest_cart = await one(`INSERT INTO carts (store_id, session_id) VALUES ($1, $2) RETURNING id`, [
      ids.store_a,
      'guest-session-aaaaaaaaaaaa',
    ]);
  });

  afterAll(async () => {
    await closeTestApp(app);
    await asApp?.end();
    await owner?.end();
    await db?.drop();
  });

  const customerA = (): Partial<DbContext> => ({ role: 'customer', userId: ids.customer_a });
  const adminA = (): Partial<DbContext> => ({ role: 'admin', userId: ids.admin_a, storeIds: [ids.store_a] });

  it('every table of the public schema has row-level security enabled and forced', async () => {
    const { rows } = await owner.query<{ relname: string; enabled: boolean; forced: boolean }>(
      `SELECT relname, relrowsecurity AS enabled, relforcerowsecurity AS forced FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY relname`,
    );
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.filter((r) => !r.enabled || !r.forced).map((r) => r.relname)).toEqual([]);
  });

  it('the app role owns nothing, is no superuser and cannot bypass row-level security', async () => {
    const { rows } = await owner.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      `SELECT r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace) AS owned
         FROM pg_roles r WHERE r.rolname = $1`,
      [DEFAULT_APP_ROLE],
    );
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, owned: 0 }]);
    expect((await asApp.query<{ u: string }>('SELECT current_user AS u')).rows[0].u).toBe(DEFAULT_APP_ROLE);
  });

  it('a customer reads only their own addresses, carts, cart items, orders, order items and payments', async () => {
    const own = async (sql: string): Promise<string[]> =>
      (await as<{ id: string }>(customerA(), sql)).rows.map((r) => r.id).sort();
    expect(await own('SELECT id FROM addresses')).toEqual([ids.address_a]);
    expect(await own('SELECT id FROM carts')).toEqual([ids.cart_a]);
    expect(await own('SELECT cart_id AS id FROM cart_items')).toEqual([ids.cart_a]);
    expect(await own('SELECT id FROM orders')).toEqual([ids.order_a]);
    expect(await own('SELECT order_id AS id FROM order_items')).toEqual([ids.order_a]);
    expect(await own('SELECT order_id AS id FROM payments')).toEqual([ids.order_a]);
    // Even by id, another customer's rows are not there.
    expect(await own(`SELECT id FROM orders WHERE id = '${ids.order_b}'`)).toEqual([]);
  });

  it("a customer cannot change or delete another customer's rows, nor write rows in their name", async () => {
    const update = await as(customerA(), `UPDATE orders SET notes = 'mine now' WHERE id = $1`, [ids.order_b]);
    expect(update.rowCount).toBe(0);
    const remove = await as(customerA(), `DELETE FROM addresses WHERE id = $1`, [ids.address_b]);
    expect(remove.rowCount).toBe(0);
    const items = await as(customerA(), `UPDATE cart_items SET quantity = 99 WHERE cart_id = $1`, [
      ids.cart_b,
    ]);
    const profile = await as(customerA(), `UPDATE profiles SET full_name = 'x' WHERE id = $1`, [
      ids.customer_b,
    ]);
    expect(profile.rowCount).toBe(0);
    expect(items.rowCount).toBe(0);
    await expect(
      as(
        customerA(),
        `INSERT INTO addresses (user_id, full_name, phone, address_line1, city, state, postal_code, country)
         VALUES ($1, 'N', '1', 'L', 'C', 'S', '1', 'US')`,
        [ids.customer_b],
      ),
    ).rejects.toThrow(/row-level security/);
    // Moving one's own order to someone else is refused too (WITH CHECK).
    await expect(
      as(customerA(), `UPDATE orders SET user_id = $1 WHERE id = $2`, [ids.customer_b, ids.order_a]),
    ).rejects.toThrow(/row-level security/);
    const { rows } = await owner.query<{ notes: string | null }>(`SELECT notes FROM orders WHERE id = $1`, [
      ids.order_b,
    ]);
    expect(rows[0].notes).toBeNull();
  });

  it('a guest sees only the carts of its own session', async () => {
    const mine = await as<{ id: string }>(
      { role: 'anonymous', cartSession: 'guest-session-aaaaaaaaaaaa' },
      'SELECT id FROM carts',
    );
    expect(mine.rows.map((r) => r.id)).toEqual([ids.guest_cart]);
    const other = await as(
      { role: 'anonymous', cartSession: 'guest-session-bbbbbbbbbbbb' },
      'SELECT id FROM carts',
    );
    expect(other.rows).toEqual([]);
  });

  it("a guest writes and reads Idempotency-Keys of its own cart session only, never another's", async () => {
    const mine = { role: 'anonymous' as const, cartSession: 'guest-session-aaaaaaaaaaaa' };
    await as(mine, `INSERT INTO idempotency_keys (cart_session, key, request_hash) VALUES ($1, 'k1', 'h')`, [
      mine.cartSession,
    ]);
    expect((await as(mine, 'SELECT key FROM idempotency_keys')).rows).toEqual([{ key: 'k1' }]);
    const stranger = { role: 'anonymous' as const, cartSession: 'guest-session-bbbbbbbbbbbb' };
    expect((await as(stranger, 'SELECT key FROM idempotency_keys')).rows).toEqual([]);
    await expect(
      as(stranger, `INSERT INTO idempotency_keys (cart_session, key, request_hash) VALUES ($1, 'k2', 'h')`, [
        mine.cartSession,
      ]),
    ).rejects.toThrow(/row-level security/);
  });

  it('the public reads only active catalog rows', async () => {
    const { rows } = await as<{ id: string }>({ role: 'anonymous' }, 'SELECT id FROM products ORDER BY id');
    expect(rows.map((r) => r.id).sort()).toEqual([ids.product_a, ids.product_b].sort());
    const hidden = await as(
      { role: 'customer', userId: ids.customer_a },
      'SELECT id FROM products WHERE NOT is_active',
    );
    expect(hidden.rows).toEqual([]);
    const write = await as({ role: 'customer', userId: ids.customer_a }, `UPDATE products SET name = 'x'`);
    expect(write.rowCount).toBe(0);
  });

  it("a store-A admin context cannot read or change store B's rows", async () => {
    const orders = await as<{ id: string }>(adminA(), 'SELECT id FROM orders');
    expect(orders.rows.map((r) => r.id)).toEqual([ids.order_a]);
    const hidden = await as<{ id: string }>(adminA(), 'SELECT id FROM products WHERE NOT is_active');
    expect(hidden.rows.map((r) => r.id)).toEqual([ids.hidden_a]);
    const logs = await as<{ id: string }>(adminA(), `SELECT id FROM logs WHERE action = 'test.seed'`);
    expect(logs.rows.map((r) => r.id)).toEqual([ids.log_a]);
    const update = await as(adminA(), `UPDATE products SET name = 'taken' WHERE store_id = $1`, [
      ids.store_b,
    ]);
    expect(update.rowCount).toBe(0);
    await expect(
      as(adminA(), `INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'X', 'x', 1)`, [
        ids.store_b,
      ]),
    ).rejects.toThrow(/row-level security/);
    // A super admin sees both stores; an admin without memberships none.
    const all = await as<{ id: string }>(
      { role: 'super_admin', userId: ids.admin_b },
      'SELECT id FROM orders',
    );
    expect(all.rows).toHaveLength(2);
    const none = await as({ role: 'admin', userId: ids.admin_b }, 'SELECT id FROM orders');
    expect(none.rows).toEqual([]);
  });

  it("the catalog's back office writes by command (0028): its own store's rows only, the public none", async () => {
    // One policy per write on each catalog table; SELECT is the public read alone (no FOR ALL left).
    const { rows: policies } = await asApp.query<{ table: string; cmd: string }>(
      `SELECT tablename AS table, cmd FROM pg_policies
        WHERE tablename IN ('categories', 'products', 'product_variants', 'shipping_methods', 'discounts')
        ORDER BY 1, 2`,
    );
    for (const table of ['categories', 'product_variants', 'products', 'shipping_methods']) {
      expect(policies.filter((p) => p.table === table).map((p) => p.cmd)).toEqual([
        'DELETE',
        'INSERT',
        'SELECT',
        'UPDATE',
      ]);
    }
    // Discounts keep their second UPDATE policy, the uses counter of any checkout.
    expect(policies.filter((p) => p.table === 'discounts').map((p) => p.cmd)).toEqual([
      'DELETE',
      'INSERT',
      'SELECT',
      'UPDATE',
      'UPDATE',
    ]);
    const own = await as(adminA(), `UPDATE products SET name = 'renamed' WHERE id = $1`, [ids.product_a]);
    expect(own.rowCount).toBe(1);
    const ownHidden = await as(adminA(), `DELETE FROM products WHERE id = $1`, [ids.hidden_a]);
    expect(ownHidden.rowCount).toBe(1);
    await expect(
      as(adminA(), `INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'X', 'x-own', 1)`, [
        ids.store_a,
      ]),
    ).resolves.toMatchObject({ rowCount: 1 });
    // Moving a row into another store is a write into that store: refused by UPDATE's check.
    await expect(
      as(adminA(), `UPDATE products SET store_id = $1 WHERE id = $2`, [ids.store_b, ids.product_a]),
    ).rejects.toThrow(/row-level security/);
    const theirs = await as(adminA(), `DELETE FROM products WHERE id = $1`, [ids.product_b]);
    expect(theirs.rowCount).toBe(0);
    // The public reads active products, and writes none of them.
    const anonymous = { role: 'anonymous' } as const;
    expect(
      (await as(anonymous, `UPDATE products SET name = 'x' WHERE id = $1`, [ids.product_a])).rowCount,
    ).toBe(0);
    expect((await as(anonymous, `DELETE FROM products WHERE id = $1`, [ids.product_a])).rowCount).toBe(0);
    await expect(
      as(anonymous, `INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'X', 'x-anon', 1)`, [
        ids.store_a,
      ]),
    ).rejects.toThrow(/row-level security/);
  });

  it("the storefront's public reads (0029): inactive rows for their store's back office only, through a function that is not inlined", async () => {
    const { rows: policies } = await asApp.query<{ table: string; qual: string }>(
      `SELECT tablename AS table, qual FROM pg_policies WHERE policyname LIKE '%\\_public\\_read'
          AND tablename IN ('stores', 'categories', 'products', 'product_variants', 'shipping_methods', 'discounts')`,
    );
    expect(policies).toHaveLength(6);
    for (const { qual } of policies)
      expect(qual).toMatch(/^\(is_active OR app_sees_inactive\((store_)?id\)\)$/);
    // Inlined, the CASE would be in the plan (and built again on every execution of a prepared one).
    const plan = await as<{ 'QUERY PLAN': string }>(
      { role: 'anonymous' },
      'EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM products',
    );
    const planText = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(planText).toContain('app_sees_inactive(products.store_id)');
    expect(planText).not.toContain('current_setting');

    // One inactive row of each kind per store (the owner bypasses the policies).
    const hidden: Record<string, string[]> = { stores: [], categories: [], product_variants: [] };
    for (const s of ['a', 'b']) {
      const store = ids[`store_${s}`];
      hidden.stores.push(
        await one(
          `INSERT INTO stores (slug, name, currency, is_active) VALUES ($1, $1, 'USD', false) RETURNING id`,
          [`rls-closed-${s}`],
        ),
      );
      await owner.query(
        `INSERT INTO store_memberships (store_id, profile_id, role) VALUES ($1, $2, 'owner')`,
        [hidden.stores.at(-1), ids[`admin_${s}`]],
      );
      hidden.categories.push(
        await one(
          `INSERT INTO categories (store_id, name, slug, is_active) VALUES ($1, 'C', 'c-hidden', false) RETURNING id`,
          [store],
        ),
      );
      hidden.product_variants.push(
        await one(
          `INSERT INTO product_variants (store_id, product_id, sku, name, is_active)
           VALUES ($1, $2, 'SKU-HIDDEN', 'V', false) RETURNING id`,
          [store, ids[`product_${s}`]],
        ),
      );
    }
    const inactive = async (context: Partial<DbContext>, table: string): Promise<string[]> =>
      (await as<{ id: string }>(context, `SELECT id FROM ${table} WHERE NOT is_active ORDER BY id`)).rows.map(
        (r) => r.id,
      );
    const sorted = (values: string[]): string[] => [...values].sort();
    const adminOf = (s: 'a' | 'b'): Partial<DbContext> => ({
      role: 'admin',
      userId: ids[`admin_${s}`],
      storeIds: [ids[`store_${s}`], hidden.stores[s === 'a' ? 0 : 1]],
    });
    for (const table of Object.keys(hidden)) {
      expect(await inactive({ role: 'anonymous' }, table)).toEqual([]);
      expect(await inactive(customerA(), table)).toEqual([]);
      expect(await inactive(adminOf('a'), table)).toEqual([hidden[table][0]]);
      expect(await inactive(adminOf('b'), table)).toEqual([hidden[table][1]]);
      expect(await inactive({ role: 'admin', userId: ids.admin_a }, table)).toEqual([]);
      expect(await inactive({ role: 'super_admin', userId: ids.admin_a }, table)).toEqual(
        sorted(hidden[table]),
      );
      expect(await inactive(SYSTEM_CONTEXT, table)).toEqual(sorted(hidden[table]));
    }
    // Active rows stay public.
    const active = await owner.query<{ id: string }>('SELECT id FROM products WHERE is_active ORDER BY id');
    const products = await as<{ id: string }>({ role: 'anonymous' }, 'SELECT id FROM products ORDER BY id');
    expect(products.rows.map((r) => r.id)).toEqual(active.rows.map((r) => r.id));
    expect(products.rows.map((r) => r.id)).toContain(ids.product_a);
    await owner.query('DELETE FROM product_variants WHERE id = ANY($1)', [hidden.product_variants]);
    await owner.query('DELETE FROM categories WHERE id = ANY($1)', [hidden.categories]);
    await owner.query('DELETE FROM store_memberships WHERE store_id = ANY($1)', [hidden.stores]);
    await owner.query('DELETE FROM stores WHERE id = ANY($1)', [hidden.stores]);
  });

  it('the audit log is append-only for the app role: UPDATE, DELETE and TRUNCATE fail', async () => {
    const appended = await as(
      adminA(),
      `INSERT INTO logs (store_id, user_id, action) VALUES ($1, $2, 'test.append')`,
      [ids.store_a, ids.admin_a],
    );
    expect(appended.rowCount).toBe(1);
    await expect(
      as(SYSTEM_CONTEXT, `UPDATE logs SET action = 'rewritten' WHERE id = $1`, [ids.log_a]),
    ).rejects.toThrow(/permission denied/);
    await expect(as(SYSTEM_CONTEXT, `DELETE FROM logs WHERE id = $1`, [ids.log_a])).rejects.toThrow(
      /permission denied/,
    );
    await expect(as(SYSTEM_CONTEXT, `TRUNCATE logs`)).rejects.toThrow(/permission denied/);
    const { rows } = await owner.query<{ action: string }>(`SELECT action FROM logs WHERE id = $1`, [
      ids.log_a,
    ]);
    expect(rows[0].action).toBe('test.seed');
  });

  describe('through the app (its own pool and context stamping, no guard in the way)', () => {
    beforeAll(async () => {
      app = await createTestApp(db.url, { DATABASE_RLS: 'on', DATABASE_APP_ROLE: DEFAULT_APP_ROLE });
    });

    const inContext = <T>(context: Partial<DbContext>, work: () => Promise<T>): Promise<T> =>
      runWithDbContext(
        { fixed: { role: 'anonymous', userId: null, storeIds: [], cartSession: null, ...context } },
        work,
      );

    it("a repository read without the owner filter still returns only the customer's orders", async () => {
      const dataSource = app.get(DataSource);
      // What a service that forgot `where: { userId }` would run, outside and inside a transaction.
      const found = await inContext(customerA(), () => dataSource.getRepository(Order).find());
      expect(found.map((o) => o.id)).toEqual([ids.order_a]);
      const inTx = await inContext(customerA(), () =>
        inTransaction(dataSource, (tx) => tx.getRepository(Order).findOneBy({ id: ids.order_b })),
      );
      expect(inTx).toBeNull();
      const changed = await inContext(customerA(), () =>
        dataSource.getRepository(Order).update({ id: ids.order_b }, { notes: 'forgot the owner check' }),
      );
      expect(changed.affected).toBe(0);
      const user = await inContext(customerA(), () =>
        dataSource.query<Array<{ u: string }>>('SELECT current_user AS u'),
      );
      expect(user[0].u).toBe(DEFAULT_APP_ROLE);
    });

    it("a store-A admin's context sees no order of store B, whichever connection of the pool runs it", async () => {
      const dataSource = app.get(DataSource);
      // Alternate contexts on the same pooled connections: each checkout carries its own.
      for (let i = 0; i < 6; i++) {
        const [mine, theirs] = await Promise.all([
          inContext(adminA(), () => dataSource.getRepository(Order).find()),
          inContext({ role: 'admin', userId: ids.admin_b, storeIds: [ids.store_b] }, () =>
            dataSource.getRepository(Order).find(),
          ),
        ]);
        expect(mine.map((o) => o.id)).toEqual([ids.order_a]);
        expect(theirs.map((o) => o.id)).toEqual([ids.order_b]);
      }
      const system = await runWithDbContext({ fixed: SYSTEM_CONTEXT }, () =>
        dataSource.getRepository(Order).find(),
      );
      expect(system).toHaveLength(2);
    });
  });
});
