/** Checkout: cart → pending order in one transaction, idempotent, correct under concurrency. */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { CHECKOUT_CONCURRENCY } from '../../src/checkout/checkout.service';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';
import { CartLine, fillCart, insertAddress } from '../support/shoppers';

type Line = CartLine;
interface Shopper {
  user: TestUser;
  addressId: string;
}
interface CheckoutBody {
  order: {
    id: string;
    orderNumber: string;
    status: string;
    paymentStatus: string;
    subtotal: string;
    discountAmount: string;
    discountCode: string | null;
    taxAmount: string;
    shippingAmount: string;
    total: string;
    currency: string;
    items: Array<{ variantId: string; sku: string; quantity: number; unitPrice: string; totalPrice: string }>;
  };
  payment: { provider: string; status: string };
}
const bodyOf = (res: { body: unknown }): CheckoutBody => res.body as CheckoutBody;

describe('checkout', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    // A pool as large as production's default would queue 100 concurrent checkouts; that is what we test.
    app = await createTestApp(db.url);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
  });

  /** A store with `variants` variants in stock (`stock` each), with tax and flat shipping set. */
  async function stockedStore(
    variants: number,
    stock: number,
    opts: { taxRate?: string; shipping?: string } = {},
  ): Promise<{ storeId: string; slug: string; variantIds: string[] }> {
    const { storeId, variantIds } = await insertStockedVariants(sql, variants, stock);
    const { rows } = await sql.query<{ slug: string }>(
      `UPDATE stores SET tax_rate = $2, shipping_flat = $3 WHERE id = $1 RETURNING slug`,
      [storeId, opts.taxRate ?? '0', opts.shipping ?? '0'],
    );
    return { storeId, slug: rows[0].slug, variantIds };
  }

  /** `n` customers, each with an address and a cart in the store holding `lines`. */
  async function shoppers(n: number, storeId: string, lines: Line[]): Promise<Shopper[]> {
    const result: Shopper[] = [];
    for (let i = 0; i < n; i += 1) {
      const user = await createTestUser(app, 'customer');
      const addressId = await insertAddress(sql, user.id);
      await fillCart(sql, storeId, user.id, lines);
      result.push({ user, addressId });
    }
    return result;
  }

  const checkout = (
    slug: string,
    shopper: Shopper,
    body: Record<string, unknown> = {},
    key: string = randomUUID(),
  ) =>
    http()
      .post(`/api/stores/${slug}/checkout`)
      .set(bearer(shopper.user))
      .set('Idempotency-Key', key)
      .send({ shippingAddressId: shopper.addressId, ...body });

  const count = async (query: string, params: unknown[] = []): Promise<number> =>
    Number((await sql.query<{ n: string }>(query, params)).rows[0].n);

  async function createDiscount(storeId: string, fields: Record<string, unknown>): Promise<string> {
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO discounts (store_id, code, type, value, min_purchase_amount, max_uses, is_active)
       VALUES ($1, $2, $3, $4, $5, $6, true) RETURNING id`,
      [
        storeId,
        fields.code,
        fields.type ?? 'percentage',
        fields.value ?? 10,
        fields.minPurchaseAmount ?? '0',
        fields.maxUses ?? null,
      ],
    );
    return rows[0].id;
  }

  describe('the happy path', () => {
    it('creates a pending order with snapshots, totals, held stock, a store customer, an empty cart and an audit row', async () => {
      const store = await stockedStore(2, 10, { taxRate: '0.0825', shipping: '4.99' });
      // 10.00 and 12.50 (base 10 + adjustment 2.50).
      await sql.query(`UPDATE product_variants SET price_adjustment = 2.50 WHERE id = $1`, [
        store.variantIds[1],
      ]);
      await createDiscount(store.storeId, { code: 'TENOFF', type: 'percentage', value: 10 });
      const [shopper] = await shoppers(1, store.storeId, [
        { variantId: store.variantIds[0], quantity: 2 },
        { variantId: store.variantIds[1], quantity: 1 },
      ]);
      const audits = await count(`SELECT count(*) AS n FROM logs WHERE action = 'order.created'`);

      const res = await checkout(store.slug, shopper, {
        discountCode: 'tenoff',
        notes: 'Leave at the door',
      }).expect(201);
      const { order, payment } = bodyOf(res);
      // subtotal 32.50; discount 3.25, spread 2.00 + 1.25 over the lines (20.00, 12.50); tax 8.25% per
      // line, half up: 18.00 → 1.485 → 1.49 and 11.25 → 0.928… → 0.93, so 2.42 (one rounding per line,
      // not 2.41 of the discounted subtotal); shipping 4.99.
      expect(order).toMatchObject({
        status: 'pending',
        paymentStatus: 'unpaid',
        subtotal: '32.50',
        discountAmount: '3.25',
        discountCode: 'tenoff',
        taxAmount: '2.42',
        shippingAmount: '4.99',
        total: '36.66',
        currency: 'USD',
      });
      expect(order.orderNumber).toMatch(/^\d{6}\d{5,}$/);
      const now = new Date();
      expect(order.orderNumber.slice(0, 6)).toBe(
        `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}`,
      );
      expect(order.items).toHaveLength(2);
      expect(order.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            variantId: store.variantIds[0],
            quantity: 2,
            unitPrice: '10.00',
            totalPrice: '20.00',
            discountAmount: '2.00',
            taxRate: '8.25',
            taxAmount: '1.49',
          }),
          expect.objectContaining({
            variantId: store.variantIds[1],
            quantity: 1,
            unitPrice: '12.50',
            totalPrice: '12.50',
            discountAmount: '1.25',
            taxRate: '8.25',
            taxAmount: '0.93',
          }),
        ]),
      );
      expect(payment).toEqual(expect.objectContaining({ provider: 'manual', status: 'pending' }));

      const held = await sql.query<{ variant_id: string; reserved: number; quantity: number }>(
        `SELECT variant_id, reserved, quantity FROM inventory WHERE variant_id = ANY($1) ORDER BY variant_id`,
        [store.variantIds],
      );
      expect(Object.fromEntries(held.rows.map((r) => [r.variant_id, [r.quantity, r.reserved]]))).toEqual({
        [store.variantIds[0]]: [10, 2],
        [store.variantIds[1]]: [10, 1],
      });
      expect(
        await count(`SELECT count(*) AS n FROM inventory_reservations WHERE order_id = $1`, [order.id]),
      ).toBe(2);
      expect(
        await count(
          `SELECT count(*) AS n FROM cart_items ci JOIN carts c ON c.id = ci.cart_id WHERE c.user_id = $1`,
          [shopper.user.id],
        ),
      ).toBe(0);
      expect(
        await count(`SELECT count(*) AS n FROM store_customers WHERE store_id = $1 AND profile_id = $2`, [
          store.storeId,
          shopper.user.id,
        ]),
      ).toBe(1);
      expect(await count(`SELECT times_used AS n FROM discounts WHERE store_id = $1`, [store.storeId])).toBe(
        1,
      );
      expect(await count(`SELECT count(*) AS n FROM logs WHERE action = 'order.created'`)).toBe(audits + 1);
      expect(await count(`SELECT count(*) AS n FROM payments WHERE order_id = $1`, [order.id])).toBe(1);
      // The order is the customer's, and the checkout answer is exactly what a re-read shows.
      const fetched = await http().get(`/api/orders/${order.id}`).set(bearer(shopper.user)).expect(200);
      // (The detail adds what other modules contribute: fulfilments and returns.)
      expect(fetched.body).toMatchObject(order);
      expect(await inventoryViolations(sql)).toEqual([]);
    });

    it('snapshots survive later catalog changes', async () => {
      const store = await stockedStore(1, 5);
      const [shopper] = await shoppers(1, store.storeId, [{ variantId: store.variantIds[0], quantity: 1 }]);
      const { order } = bodyOf(await checkout(store.slug, shopper).expect(201));
      await sql.query(`UPDATE products SET name = 'Renamed', base_price = 99 WHERE store_id = $1`, [
        store.storeId,
      ]);
      const res = await http().get(`/api/orders/${order.id}`).set(bearer(shopper.user)).expect(200);
      expect(res.body).toMatchObject({
        subtotal: '10.00',
        items: [{ productName: 'P', unitPrice: '10.00' }],
      });
    });
  });

  describe('rejections leave nothing behind', () => {
    let store: { storeId: string; slug: string; variantIds: string[] };

    beforeAll(async () => {
      store = await stockedStore(1, 3);
    });

    async function snapshot() {
      return {
        orders: await count(`SELECT count(*) AS n FROM orders WHERE store_id = $1`, [store.storeId]),
        reserved: await count(`SELECT reserved AS n FROM inventory WHERE variant_id = $1`, [
          store.variantIds[0],
        ]),
        keys: await count(`SELECT count(*) AS n FROM idempotency_keys`),
        logs: await count(`SELECT count(*) AS n FROM logs`),
      };
    }

    it('400 IDEMPOTENCY_KEY_REQUIRED without the header', async () => {
      const [shopper] = await shoppers(1, store.storeId, [{ variantId: store.variantIds[0], quantity: 1 }]);
      const res = await http()
        .post(`/api/stores/${store.slug}/checkout`)
        .set(bearer(shopper.user))
        .send({ shippingAddressId: shopper.addressId })
        .expect(400);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    });

    it('401 without a token', async () => {
      await http()
        .post(`/api/stores/${store.slug}/checkout`)
        .set('Idempotency-Key', randomUUID())
        .send({ shippingAddressId: randomUUID() })
        .expect(401);
    });

    it('400 for a bad body (malformed address id, unknown field), before anything is written', async () => {
      const [shopper] = await shoppers(1, store.storeId, [{ variantId: store.variantIds[0], quantity: 1 }]);
      const before = await snapshot();
      await checkout(store.slug, { ...shopper, addressId: 'not-a-uuid' }).expect(400);
      await checkout(store.slug, shopper, { coupon: 'x' }).expect(400);
      expect(await snapshot()).toEqual(before);
    });

    it('409 CART_EMPTY for an empty or missing cart', async () => {
      const [shopper] = await shoppers(1, store.storeId, []);
      const before = await snapshot();
      expect((await checkout(store.slug, shopper).expect(409)).body.code).toBe('CART_EMPTY');
      expect(await snapshot()).toEqual(before);
    });

    it('404 for an unknown store, 404 ADDRESS_NOT_FOUND for another customer’s address', async () => {
      const [mine, theirs] = await shoppers(2, store.storeId, [
        { variantId: store.variantIds[0], quantity: 1 },
      ]);
      await checkout('no-such-store', mine).expect(404);
      const before = await snapshot();
      const res = await checkout(store.slug, { user: mine.user, addressId: theirs.addressId }).expect(404);
      expect(res.body.code).toBe('ADDRESS_NOT_FOUND');
      expect(await snapshot()).toEqual(before);
    });

    it('409 INSUFFICIENT_STOCK with details, nothing reserved, the cart kept', async () => {
      const [shopper] = await shoppers(1, store.storeId, [{ variantId: store.variantIds[0], quantity: 4 }]);
      const before = await snapshot();
      const numbers = () => count(`SELECT coalesce(sum(last_value), 0) AS n FROM order_number_counters`);
      const numbersBefore = await numbers();
      const res = await checkout(store.slug, shopper).expect(409);
      // Refused before any write: not even an order number is taken.
      expect(await numbers()).toBe(numbersBefore);
      expect(res.body).toMatchObject({
        code: 'INSUFFICIENT_STOCK',
        details: [{ variantId: store.variantIds[0], requested: 4, available: 3 }],
      });
      expect(await snapshot()).toEqual(before);
      expect(
        await count(
          `SELECT count(*) AS n FROM cart_items ci JOIN carts c ON c.id = ci.cart_id WHERE c.user_id = $1`,
          [shopper.user.id],
        ),
      ).toBe(1);
    });

    it('DISCOUNT_INVALID for unknown, inactive, expired, exhausted and below-minimum codes', async () => {
      const [shopper] = await shoppers(1, store.storeId, [{ variantId: store.variantIds[0], quantity: 1 }]);
      const inactive = await createDiscount(store.storeId, { code: 'OFF' });
      await sql.query(`UPDATE discounts SET is_active = false WHERE id = $1`, [inactive]);
      const expired = await createDiscount(store.storeId, { code: 'OLD' });
      await sql.query(
        `UPDATE discounts SET starts_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE id = $1`,
        [expired],
      );
      const future = await createDiscount(store.storeId, { code: 'SOON' });
      await sql.query(`UPDATE discounts SET starts_at = now() + interval '1 day' WHERE id = $1`, [future]);
      const exhausted = await createDiscount(store.storeId, { code: 'GONE', maxUses: 1 });
      await sql.query(`UPDATE discounts SET times_used = 1 WHERE id = $1`, [exhausted]);
      await createDiscount(store.storeId, { code: 'BIG', minPurchaseAmount: '50.00' });

      const before = await snapshot();
      for (const code of ['NOPE', 'OFF', 'OLD', 'SOON', 'GONE', 'BIG']) {
        const res = await checkout(store.slug, shopper, { discountCode: code });
        expect([400, 409]).toContain(res.status);
        expect(res.body.code).toBe('DISCOUNT_INVALID');
      }
      expect(await snapshot()).toEqual(before);
      expect(await count(`SELECT times_used AS n FROM discounts WHERE id = $1`, [exhausted])).toBe(1);
    });

    it('an inactive variant in the cart is INSUFFICIENT_STOCK (not purchasable), nothing written', async () => {
      const other = await stockedStore(1, 5);
      const [shopper] = await shoppers(1, other.storeId, [{ variantId: other.variantIds[0], quantity: 1 }]);
      await sql.query(`UPDATE product_variants SET is_active = false WHERE id = $1`, [other.variantIds[0]]);
      const res = await checkout(other.slug, shopper).expect(409);
      expect(res.body.code).toBe('INSUFFICIENT_STOCK');
      expect(await count(`SELECT count(*) AS n FROM orders WHERE store_id = $1`, [other.storeId])).toBe(0);
    });
  });

  describe('idempotency', () => {
    it('same key + same body → the same answer, replayed, no second order; different body → 422', async () => {
      const store = await stockedStore(1, 10);
      const [shopper] = await shoppers(1, store.storeId, [{ variantId: store.variantIds[0], quantity: 1 }]);
      const key = randomUUID();
      const first = await checkout(store.slug, shopper, {}, key).expect(201);
      // The cart is empty now: only a replay can answer 201 again.
      const second = await checkout(store.slug, shopper, {}, key).expect(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(first.headers['idempotent-replayed']).toBeUndefined();

      const changed = await checkout(store.slug, shopper, { notes: 'different' }, key).expect(422);
      expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await count(`SELECT count(*) AS n FROM orders WHERE store_id = $1`, [store.storeId])).toBe(1);
    });

    it('a key belongs to its customer: another customer with the same key gets their own order', async () => {
      const store = await stockedStore(1, 10);
      const [a, b] = await shoppers(2, store.storeId, [{ variantId: store.variantIds[0], quantity: 1 }]);
      const key = randomUUID();
      const first = bodyOf(await checkout(store.slug, a, {}, key).expect(201));
      const second = bodyOf(await checkout(store.slug, b, {}, key).expect(201));
      expect(second.order.id).not.toBe(first.order.id);
    });

    it('a failed checkout does not burn the key: the retry after fixing the cause succeeds', async () => {
      const store = await stockedStore(1, 1);
      const [shopper] = await shoppers(1, store.storeId, [{ variantId: store.variantIds[0], quantity: 2 }]);
      const key = randomUUID();
      await checkout(store.slug, shopper, {}, key).expect(409);
      await sql.query(`UPDATE inventory SET quantity = 5 WHERE variant_id = $1`, [store.variantIds[0]]);
      await checkout(store.slug, shopper, {}, key).expect(201);
    });

    it('10 concurrent requests with one key → one order, ten identical answers', async () => {
      const store = await stockedStore(1, 10);
      const [shopper] = await shoppers(1, store.storeId, [{ variantId: store.variantIds[0], quantity: 1 }]);
      const key = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 10 }, () => checkout(store.slug, shopper, {}, key)),
      );
      // Duplicates that arrive while the first is running wait for its stored answer.
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
      expect(results.map((r) => bodyOf(r))).toEqual(Array(10).fill(bodyOf(results[0])));
      expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
      expect(await count(`SELECT count(*) AS n FROM orders WHERE store_id = $1`, [store.storeId])).toBe(1);
      expect(
        await count(`SELECT reserved AS n FROM inventory WHERE variant_id = $1`, [store.variantIds[0]]),
      ).toBe(1);
    });
  });

  describe('under concurrency', () => {
    it('50 buyers for 10 units → exactly 10 orders and 40 × 409 INSUFFICIENT_STOCK; invariants hold', async () => {
      const store = await stockedStore(1, 10);
      const buyers = await shoppers(50, store.storeId, [{ variantId: store.variantIds[0], quantity: 1 }]);
      const results = await Promise.all(buyers.map((b) => checkout(store.slug, b)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(10);
      expect(statuses.filter((s) => s === 409)).toHaveLength(40);
      for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('INSUFFICIENT_STOCK');
      expect(await count(`SELECT count(*) AS n FROM orders WHERE store_id = $1`, [store.storeId])).toBe(10);
      expect(
        await count(`SELECT reserved AS n FROM inventory WHERE variant_id = $1`, [store.variantIds[0]]),
      ).toBe(10);
      expect(await inventoryViolations(sql)).toEqual([]);
    });

    it('a sell-out burst: late buyers are refused before writing anything (checkouts are admitted a few at a time)', async () => {
      const store = await stockedStore(1, 5);
      const buyers = await shoppers(60, store.storeId, [{ variantId: store.variantIds[0], quantity: 1 }]);
      // Every checkout that got past the stock check took an order number (before its transaction).
      const counter = () =>
        count(
          `SELECT coalesce(max(last_value), 0) AS n FROM order_number_counters WHERE period = to_char(now(), 'YYYYMM')`,
        );
      const before = await counter();
      const results = await Promise.all(buyers.map((b) => checkout(store.slug, b)));
      expect(results.filter((r) => r.status === 201)).toHaveLength(5);
      expect(results.filter((r) => r.status === 409 && r.body.code === 'INSUFFICIENT_STOCK')).toHaveLength(
        55,
      );
      // Interleaved, all 60 would pass the early check before the first commit and run a whole
      // checkout; admitted CHECKOUT_CONCURRENCY at a time, only those in flight at the sell-out do.
      expect((await counter()) - before).toBeLessThanOrEqual(5 + CHECKOUT_CONCURRENCY);
      expect(await count(`SELECT count(*) AS n FROM orders WHERE store_id = $1`, [store.storeId])).toBe(5);
      expect(await inventoryViolations(sql)).toEqual([]);
    });

    it('multi-line carts over overlapping variants: no deadlock reaches a client; invariants hold', async () => {
      const store = await stockedStore(4, 12);
      const v = store.variantIds;
      // Carts list the same variants in opposite orders: a naive implementation deadlocks here.
      const patterns: Line[][] = [
        [v[0], v[1], v[2], v[3]].map((variantId) => ({ variantId, quantity: 1 })),
        [v[3], v[2], v[1], v[0]].map((variantId) => ({ variantId, quantity: 1 })),
        [v[2], v[0]].map((variantId) => ({ variantId, quantity: 2 })),
        [v[1], v[3]].map((variantId) => ({ variantId, quantity: 2 })),
      ];
      const buyers: Shopper[] = [];
      for (let i = 0; i < 24; i += 1) buyers.push(...(await shoppers(1, store.storeId, patterns[i % 4])));
      const results = await Promise.all(buyers.map((b) => checkout(store.slug, b)));
      expect(
        results.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'INSUFFICIENT_STOCK')),
      ).toBe(true);
      expect(results.filter((r) => r.status === 201).length).toBeGreaterThan(0);
      expect(await inventoryViolations(sql)).toEqual([]);
      // Every unit held belongs to an order that exists, and no variant is held beyond its stock.
      const { rows } = await sql.query<{ reserved: number; ordered: string }>(
        `SELECT i.reserved, coalesce((SELECT sum(oi.quantity) FROM order_items oi WHERE oi.variant_id = i.variant_id), 0) AS ordered
           FROM inventory i WHERE i.variant_id = ANY($1)`,
        [v],
      );
      for (const r of rows) expect(r.reserved).toBe(Number(r.ordered));
    });

    it('30 concurrent checkouts with a discount of maxUses 5 → exactly 5 orders carry it', async () => {
      const store = await stockedStore(1, 100);
      const discountId = await createDiscount(store.storeId, { code: 'FIVE', maxUses: 5 });
      const buyers = await shoppers(30, store.storeId, [{ variantId: store.variantIds[0], quantity: 1 }]);
      const results = await Promise.all(buyers.map((b) => checkout(store.slug, b, { discountCode: 'FIVE' })));
      expect(results.filter((r) => r.status === 201)).toHaveLength(5);
      for (const r of results.filter((x) => x.status !== 201)) expect(r.body.code).toBe('DISCOUNT_INVALID');
      expect(await count(`SELECT count(*) AS n FROM orders WHERE discount_id = $1`, [discountId])).toBe(5);
      expect(await count(`SELECT times_used AS n FROM discounts WHERE id = $1`, [discountId])).toBe(5);
      // The losers hold nothing.
      expect(
        await count(`SELECT reserved AS n FROM inventory WHERE variant_id = $1`, [store.variantIds[0]]),
      ).toBe(5);
      expect(await inventoryViolations(sql)).toEqual([]);
    });

    it('100 concurrent checkouts → 100 orders with 100 distinct order numbers', async () => {
      const store = await stockedStore(1, 1000);
      const buyers = await shoppers(100, store.storeId, [{ variantId: store.variantIds[0], quantity: 1 }]);
      const results = await Promise.all(buyers.map((b) => checkout(store.slug, b)));
      expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
      const numbers = results.map((r) => bodyOf(r).order.orderNumber);
      expect(new Set(numbers).size).toBe(100);
      expect(
        await count(`SELECT count(DISTINCT order_number) AS n FROM orders WHERE store_id = $1`, [
          store.storeId,
        ]),
      ).toBe(100);
      expect(
        await count(`SELECT reserved AS n FROM inventory WHERE variant_id = $1`, [store.variantIds[0]]),
      ).toBe(100);
    });

    it('one customer checking out the same cart twice at once (different keys) gets one order and one CART_EMPTY', async () => {
      const store = await stockedStore(1, 10);
      const [shopper] = await shoppers(1, store.storeId, [{ variantId: store.variantIds[0], quantity: 3 }]);
      const results = await Promise.all([checkout(store.slug, shopper), checkout(store.slug, shopper)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)?.body.code).toBe('CART_EMPTY');
      expect(
        await count(`SELECT reserved AS n FROM inventory WHERE variant_id = $1`, [store.variantIds[0]]),
      ).toBe(3);
    });
  });

  describe('after checkout', () => {
    it('cancel releases the stock and gives the discount use back', async () => {
      const store = await stockedStore(1, 5);
      const discountId = await createDiscount(store.storeId, { code: 'ONCE', maxUses: 1 });
      const [shopper] = await shoppers(1, store.storeId, [{ variantId: store.variantIds[0], quantity: 2 }]);
      const { order } = bodyOf(await checkout(store.slug, shopper, { discountCode: 'ONCE' }).expect(201));
      await http().post(`/api/orders/${order.id}/cancel`).set(bearer(shopper.user)).expect(200);
      expect(
        await count(`SELECT reserved AS n FROM inventory WHERE variant_id = $1`, [store.variantIds[0]]),
      ).toBe(0);
      expect(await count(`SELECT times_used AS n FROM discounts WHERE id = $1`, [discountId])).toBe(0);
      expect(await inventoryViolations(sql)).toEqual([]);
    });
  });
});
