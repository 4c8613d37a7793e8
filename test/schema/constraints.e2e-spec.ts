/**
 * The integrity rules the schema promises (DESIGN.md, "Data model"), decided by PostgreSQL itself:
 * foreign keys, cascades, per-store uniqueness, CHECK constraints and the updated_at trigger.
 * Raw SQL throughout, so no application code can mask what the database does.
 */
import { Client } from 'pg';
import { createTestDatabase } from '../support/database';
import { connect, count, insertStoreGraph, sqlFailure, StoreGraph, uuid } from './sql-helpers';

const FOREIGN_KEY_VIOLATION = '23503';
const UNIQUE_VIOLATION = '23505';
const CHECK_VIOLATION = '23514';
/**
 * An ON DELETE RESTRICT key that blocks a delete. PostgreSQL 18 reports it as restrict_violation (23001);
 * earlier versions (and NO ACTION keys) report foreign_key_violation (23503). Both are class 23.
 */
const RESTRICT_VIOLATION_PG18 = '23001';

describe('schema constraints', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: Client;
  /** A valid store with one of everything, used as the "other references are valid" side. */
  let base: StoreGraph;
  let restrictViolation: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = await connect(db.url);
    const { rows } = await client.query<{ v: number }>(
      `SELECT current_setting('server_version_num')::int AS v`,
    );
    restrictViolation = rows[0].v >= 180000 ? RESTRICT_VIOLATION_PG18 : FOREIGN_KEY_VIOLATION;
    base = await insertStoreGraph(client, 'base', { withOrder: true });
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  async function expectRejected(sql: string, params: unknown[], code: string, constraint: string) {
    const failure = await sqlFailure(client.query(sql, params));
    expect({ code: failure.code, constraint: failure.constraint }).toEqual({ code, constraint });
  }

  describe('orphans are rejected (23503)', () => {
    const missing = uuid();

    it.each([
      ['categories', `INSERT INTO categories (store_id, name, slug) VALUES ($1, 'C', 'orphan-c')`],
      ['tags', `INSERT INTO tags (store_id, name, slug) VALUES ($1, 'T', 'orphan-t')`],
      ['products', `INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'P', 'orphan-p', 1)`],
      ['carts', `INSERT INTO carts (store_id, session_id) VALUES ($1, 'orphan-session')`],
      ['discounts', `INSERT INTO discounts (store_id, code, type, value) VALUES ($1, 'ORPHAN', 'fixed', 5)`],
    ])('%s with a store_id that does not exist', async (table, sql) => {
      await expectRejected(sql, [missing], FOREIGN_KEY_VIOLATION, `fk_${table}_store`);
    });

    it('orders with a store_id that does not exist', async () => {
      await expectRejected(
        `INSERT INTO orders (store_id, user_id, order_number, subtotal, total) VALUES ($1, $2, 'ORPHAN-1', 0, 0)`,
        [missing, base.profileId],
        FOREIGN_KEY_VIOLATION,
        'fk_orders_store',
      );
    });

    it('product_variants with a store_id that does not exist', async () => {
      await expectRejected(
        `INSERT INTO product_variants (store_id, product_id, sku, name) VALUES ($1, $2, 'ORPHAN-SKU-1', 'V')`,
        [missing, base.productId],
        FOREIGN_KEY_VIOLATION,
        'fk_product_variants_store',
      );
    });

    it('product_variants with a product_id that does not exist', async () => {
      await expectRejected(
        `INSERT INTO product_variants (store_id, product_id, sku, name) VALUES ($1, $2, 'ORPHAN-SKU-2', 'V')`,
        [base.storeId, missing],
        FOREIGN_KEY_VIOLATION,
        'fk_product_variants_product',
      );
    });

    const orderItem = `INSERT INTO order_items
        (order_id, product_id, variant_id, product_name, variant_name, sku, quantity, unit_price, total_price)
      VALUES ($1, $2, $3, 'Mug', 'Blue', 'MUG-BLUE', 1, 12.50, 12.50)`;

    it('order_items: the fixture line with valid references is accepted', async () => {
      await client.query(orderItem, [base.orderId, base.productId, base.variantId]);
    });

    it.each([
      ['order_id', 'fk_order_items_order'],
      ['product_id', 'fk_order_items_product'],
      ['variant_id', 'fk_order_items_variant'],
    ])('order_items with a %s that does not exist', async (column, constraint) => {
      const refs = {
        order_id: column === 'order_id' ? missing : base.orderId,
        product_id: column === 'product_id' ? missing : base.productId,
        variant_id: column === 'variant_id' ? missing : base.variantId,
      };
      await expectRejected(
        orderItem,
        [refs.order_id, refs.product_id, refs.variant_id],
        FOREIGN_KEY_VIOLATION,
        constraint,
      );
    });

    it('inventory for a variant that does not exist', async () => {
      await expectRejected(
        `INSERT INTO inventory (variant_id, quantity) VALUES ($1, 1)`,
        [missing],
        FOREIGN_KEY_VIOLATION,
        'fk_inventory_variant',
      );
    });
  });

  describe('deleting a store', () => {
    it('cascades to its catalog, stock, carts and discounts', async () => {
      const s = await insertStoreGraph(client, 'doomed');
      const imageId = uuid();
      const cartId = uuid();
      const discountId = uuid();
      await client.query(
        `INSERT INTO product_images (id, product_id, image_url) VALUES ($1, $2, 'https://x/1.png')`,
        [imageId, s.productId],
      );
      await client.query(`INSERT INTO carts (id, store_id, session_id) VALUES ($1, $2, 'doomed-session')`, [
        cartId,
        s.storeId,
      ]);
      await client.query(`INSERT INTO cart_items (cart_id, variant_id, quantity) VALUES ($1, $2, 2)`, [
        cartId,
        s.variantId,
      ]);
      await client.query(
        `INSERT INTO discounts (id, store_id, code, type, value) VALUES ($1, $2, 'DOOMED', 'percentage', 10)`,
        [discountId, s.storeId],
      );

      const owned: Record<string, [string, unknown[]]> = {
        categories: [`SELECT 1 FROM categories WHERE store_id = $1`, [s.storeId]],
        tags: [`SELECT 1 FROM tags WHERE store_id = $1`, [s.storeId]],
        products: [`SELECT 1 FROM products WHERE store_id = $1`, [s.storeId]],
        product_variants: [`SELECT 1 FROM product_variants WHERE store_id = $1`, [s.storeId]],
        inventory: [`SELECT 1 FROM inventory WHERE id = $1`, [s.inventoryId]],
        product_images: [`SELECT 1 FROM product_images WHERE id = $1`, [imageId]],
        product_tags: [`SELECT 1 FROM product_tags WHERE product_id = $1`, [s.productId]],
        carts: [`SELECT 1 FROM carts WHERE store_id = $1`, [s.storeId]],
        cart_items: [`SELECT 1 FROM cart_items WHERE cart_id = $1`, [cartId]],
        discounts: [`SELECT 1 FROM discounts WHERE store_id = $1`, [s.storeId]],
      };
      const countAll = async (): Promise<Record<string, number>> => {
        const result: Record<string, number> = {};
        for (const [table, [sql, params]] of Object.entries(owned))
          result[table] = await count(client, sql, params);
        return result;
      };
      const baseRowsBefore = await count(client, `SELECT 1 FROM products WHERE store_id = $1`, [
        base.storeId,
      ]);

      const before = await countAll();
      for (const [table, n] of Object.entries(before)) {
        expect({ table, rows: n }).toEqual({ table, rows: 1 });
      }

      await client.query(`DELETE FROM stores WHERE id = $1`, [s.storeId]);

      const after = await countAll();
      expect(after).toEqual(Object.fromEntries(Object.keys(owned).map((table) => [table, 0])));
      // Other stores are untouched.
      expect(await count(client, `SELECT 1 FROM products WHERE store_id = $1`, [base.storeId])).toBe(
        baseRowsBefore,
      );
    });

    it('is refused while the store has orders, and deletes nothing', async () => {
      const s = await insertStoreGraph(client, 'with-orders', { withOrder: true });
      await expectRejected(
        `DELETE FROM stores WHERE id = $1`,
        [s.storeId],
        restrictViolation,
        'fk_orders_store',
      );
      expect(await count(client, `SELECT 1 FROM stores WHERE id = $1`, [s.storeId])).toBe(1);
      expect(await count(client, `SELECT 1 FROM products WHERE store_id = $1`, [s.storeId])).toBe(1);
      expect(await count(client, `SELECT 1 FROM inventory WHERE variant_id = $1`, [s.variantId])).toBe(1);
    });
  });

  describe('order history keeps its catalog rows', () => {
    it('a product or variant that appears on an order line cannot be deleted', async () => {
      const s = await insertStoreGraph(client, 'ordered', { profileId: base.profileId, withOrder: true });
      await client.query(
        `INSERT INTO order_items
           (order_id, product_id, variant_id, product_name, variant_name, sku, quantity, unit_price, total_price)
         VALUES ($1, $2, $3, 'Mug', 'Blue', 'MUG-BLUE', 1, 12.50, 12.50)`,
        [s.orderId, s.productId, s.variantId],
      );
      await expectRejected(
        `DELETE FROM product_variants WHERE id = $1`,
        [s.variantId],
        restrictViolation,
        'fk_order_items_variant',
      );
      // Deleting the product would cascade to the variant; either key stops it.
      const failure = await sqlFailure(client.query(`DELETE FROM products WHERE id = $1`, [s.productId]));
      expect(failure.code).toBe(restrictViolation);
      expect(['fk_order_items_product', 'fk_order_items_variant']).toContain(failure.constraint);
      expect(await count(client, `SELECT 1 FROM product_variants WHERE id = $1`, [s.variantId])).toBe(1);
    });
  });

  describe('uniqueness', () => {
    let other: StoreGraph;

    beforeAll(async () => {
      // A second store whose category, tag, product and variant reuse the base store's slugs and SKU.
      other = await insertStoreGraph(client, 'other', { profileId: base.profileId });
    });

    it('the same slug and SKU in two different stores is allowed', async () => {
      for (const table of ['categories', 'tags', 'products']) {
        const { rows } = await client.query<{ store_id: string }>(
          `SELECT store_id FROM ${table} WHERE slug = ANY($1) AND store_id = ANY($2)`,
          [
            ['mugs', 'sale', 'mug'],
            [base.storeId, other.storeId],
          ],
        );
        expect({ table, stores: new Set(rows.map((r) => r.store_id)).size }).toEqual({ table, stores: 2 });
      }
      expect(
        await count(client, `SELECT 1 FROM product_variants WHERE sku = 'MUG-BLUE' AND store_id = ANY($1)`, [
          [base.storeId, other.storeId],
        ]),
      ).toBe(2);
    });

    it.each([
      ['categories', `INSERT INTO categories (store_id, name, slug) VALUES ($1, 'Again', 'mugs')`],
      ['tags', `INSERT INTO tags (store_id, name, slug) VALUES ($1, 'Again', 'sale')`],
      ['products', `INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'Again', 'mug', 1)`],
    ])('a duplicate (store_id, slug) in %s is rejected (23505)', async (table, sql) => {
      await expectRejected(sql, [base.storeId], UNIQUE_VIOLATION, `uq_${table}_store_slug`);
    });

    it('a duplicate SKU within one store is rejected (23505)', async () => {
      await expectRejected(
        `INSERT INTO product_variants (store_id, product_id, sku, name) VALUES ($1, $2, 'MUG-BLUE', 'Again')`,
        [base.storeId, base.productId],
        UNIQUE_VIOLATION,
        'uq_product_variants_store_sku',
      );
    });

    it('discount codes are unique per store, case-insensitively', async () => {
      const insert = `INSERT INTO discounts (store_id, code, type, value) VALUES ($1, $2, 'percentage', 10)`;
      await client.query(insert, [base.storeId, 'SAVE10']);
      await expectRejected(
        insert,
        [base.storeId, 'save10'],
        UNIQUE_VIOLATION,
        'uq_discounts_store_code_lower',
      );
      await expectRejected(
        insert,
        [base.storeId, 'SAVE10'],
        UNIQUE_VIOLATION,
        'uq_discounts_store_code_lower',
      );
      // Another store may use the same code, in any case.
      await client.query(insert, [other.storeId, 'save10']);
      expect(await count(client, `SELECT 1 FROM discounts WHERE lower(code) = 'save10'`)).toBe(2);
    });

    it('profile emails are unique case-insensitively', async () => {
      await client.query(`INSERT INTO profiles (email) VALUES ('A@x.com')`);
      await expectRejected(
        `INSERT INTO profiles (email) VALUES ($1)`,
        ['a@x.com'],
        UNIQUE_VIOLATION,
        'uq_profiles_email_lower',
      );
    });
  });

  describe('CHECK constraints (23514)', () => {
    it('inventory.reserved may not exceed quantity', async () => {
      await expectRejected(
        `UPDATE inventory SET reserved = quantity + 1 WHERE id = $1`,
        [base.inventoryId],
        CHECK_VIOLATION,
        'chk_inventory_reserved_le_quantity',
      );
      const s = await insertStoreGraph(client, 'over-reserved-insert', { profileId: base.profileId });
      await client.query(`DELETE FROM inventory WHERE id = $1`, [s.inventoryId]);
      await expectRejected(
        `INSERT INTO inventory (variant_id, quantity, reserved) VALUES ($1, 3, 4)`,
        [s.variantId],
        CHECK_VIOLATION,
        'chk_inventory_reserved_le_quantity',
      );
    });

    it('inventory.quantity may not be negative', async () => {
      // reserved = 0 > -1 breaks chk_inventory_reserved_le_quantity too; PostgreSQL checks in name order.
      await expectRejected(
        `UPDATE inventory SET quantity = -1 WHERE id = $1`,
        [base.inventoryId],
        CHECK_VIOLATION,
        'chk_inventory_quantity',
      );
    });

    it('inventory.reserved may not be negative', async () => {
      await expectRejected(
        `UPDATE inventory SET reserved = -1 WHERE id = $1`,
        [base.inventoryId],
        CHECK_VIOLATION,
        'chk_inventory_reserved',
      );
    });

    it('products.base_price may not be negative', async () => {
      await expectRejected(
        `INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'Neg', 'negative-price', -0.01)`,
        [base.storeId],
        CHECK_VIOLATION,
        'chk_products_base_price',
      );
    });

    it('a percentage discount may not exceed 100', async () => {
      await expectRejected(
        `INSERT INTO discounts (store_id, code, type, value) VALUES ($1, 'HALFAGAIN', 'percentage', 150)`,
        [base.storeId],
        CHECK_VIOLATION,
        'chk_discounts_percentage',
      );
      // The same value is a valid fixed amount.
      await client.query(
        `INSERT INTO discounts (store_id, code, type, value) VALUES ($1, 'FIXED150', 'fixed', 150)`,
        [base.storeId],
      );
    });

    it('discounts.times_used may not exceed max_uses', async () => {
      await expectRejected(
        `INSERT INTO discounts (store_id, code, type, value, max_uses, times_used)
         VALUES ($1, 'OVERUSED', 'fixed', 5, 3, 4)`,
        [base.storeId],
        CHECK_VIOLATION,
        'chk_discounts_uses',
      );
      await client.query(
        `INSERT INTO discounts (store_id, code, type, value, max_uses, times_used) VALUES ($1, 'USEDUP', 'fixed', 5, 3, 3)`,
        [base.storeId],
      );
      await expectRejected(
        `UPDATE discounts SET times_used = times_used + 1 WHERE store_id = $1 AND code = 'USEDUP'`,
        [base.storeId],
        CHECK_VIOLATION,
        'chk_discounts_uses',
      );
    });

    it('cart_items.quantity must be positive', async () => {
      const cartId = uuid();
      await client.query(`INSERT INTO carts (id, store_id, session_id) VALUES ($1, $2, 'check-session')`, [
        cartId,
        base.storeId,
      ]);
      await expectRejected(
        `INSERT INTO cart_items (cart_id, variant_id, quantity) VALUES ($1, $2, 0)`,
        [cartId, base.variantId],
        CHECK_VIOLATION,
        'chk_cart_items_quantity',
      );
    });
  });

  describe('updated_at trigger', () => {
    it('a raw UPDATE moves products.updated_at to the time of the change', async () => {
      const id = uuid();
      const old = new Date('2001-02-03T04:05:06Z');
      await client.query(
        `INSERT INTO products (id, store_id, name, slug, base_price, updated_at) VALUES ($1, $2, 'Old', 'old', 1, $3)`,
        [id, base.storeId, old],
      );
      const { rows: inserted } = await client.query<{ updated_at: Date }>(
        `SELECT updated_at FROM products WHERE id = $1`,
        [id],
      );
      expect(inserted[0].updated_at.toISOString()).toBe(old.toISOString());

      const { rows } = await client.query<{ updated_at: Date; now: Date }>(
        `UPDATE products SET name = 'Renamed' WHERE id = $1 RETURNING updated_at, now() AS now`,
        [id],
      );
      expect(rows[0].updated_at.getTime()).toBeGreaterThan(old.getTime());
      expect(rows[0].updated_at.toISOString()).toBe(rows[0].now.toISOString());
    });

    it('an UPDATE cannot set updated_at back: the trigger wins', async () => {
      const { rows } = await client.query<{ updated_at: Date }>(
        `UPDATE products SET updated_at = '2000-01-01T00:00:00Z' WHERE id = $1 RETURNING updated_at`,
        [base.productId],
      );
      expect(rows[0].updated_at.getUTCFullYear()).toBeGreaterThan(2000);
    });

    it('moves forward on every update', async () => {
      const read = async () =>
        (
          await client.query<{ t: string }>(`SELECT updated_at::text AS t FROM products WHERE id = $1`, [
            base.productId,
          ])
        ).rows[0].t;
      await client.query(`UPDATE products SET name = 'First' WHERE id = $1`, [base.productId]);
      const first = await read();
      await client.query(`SELECT pg_sleep(0.01)`);
      await client.query(`UPDATE products SET name = 'Second' WHERE id = $1`, [base.productId]);
      const second = await read();
      const { rows } = await client.query<{ later: boolean }>(
        `SELECT $1::timestamptz > $2::timestamptz AS later`,
        [second, first],
      );
      expect(rows[0].later).toBe(true);
    });

    it('every table with an updated_at column has the trigger', async () => {
      const { rows: columns } = await client.query<{ table_name: string }>(
        `SELECT c.table_name FROM information_schema.columns c
           JOIN information_schema.tables t USING (table_schema, table_name)
          WHERE c.table_schema = 'public' AND c.column_name = 'updated_at' AND t.table_type = 'BASE TABLE'
          ORDER BY 1`,
      );
      const { rows: triggers } = await client.query<{ table_name: string }>(
        `SELECT DISTINCT tg.tgrelid::regclass::text AS table_name
           FROM pg_trigger tg JOIN pg_proc p ON p.oid = tg.tgfoid
          WHERE p.proname = 'update_updated_at_column' AND NOT tg.tgisinternal AND tg.tgenabled <> 'D'
          ORDER BY 1`,
      );
      expect(triggers.map((r) => r.table_name)).toEqual(columns.map((r) => r.table_name));
    });
  });

  describe('category tree', () => {
    it('deleting a parent category leaves its children at the root (ON DELETE SET NULL)', async () => {
      const parent = uuid();
      const child = uuid();
      await client.query(
        `INSERT INTO categories (id, store_id, name, slug) VALUES ($1, $2, 'Kitchen', 'kitchen')`,
        [parent, base.storeId],
      );
      await client.query(
        `INSERT INTO categories (id, store_id, name, slug, parent_id) VALUES ($1, $2, 'Cups', 'cups', $3)`,
        [child, base.storeId, parent],
      );
      await client.query(`DELETE FROM categories WHERE id = $1`, [parent]);
      const { rows } = await client.query<{ parent_id: string | null }>(
        `SELECT parent_id FROM categories WHERE id = $1`,
        [child],
      );
      expect(rows).toEqual([{ parent_id: null }]);
    });
  });
});
