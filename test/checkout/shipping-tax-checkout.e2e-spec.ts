/**
 * Checkout with shipping methods and tax by destination: the method is required in a store that has
 * methods and checked against the address inside the order's transaction; tax per line by country,
 * region and tax class, rounded half up per line; the totals identity in both tax modes; refusals write
 * nothing. Plus store currencies (0 or 2 minor digits only).
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';
import { fillCart } from '../support/shoppers';

const address = (country: string, state = '') => ({
  fullName: 'Hans Käufer',
  phone: '+49 30 1234',
  addressLine1: 'Hauptstr. 1',
  city: 'Berlin',
  state,
  postalCode: '10115',
  country,
});

const cents = (money: string): number => Math.round(Number(money) * 100);

describe('checkout with shipping methods and tax by destination', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let customer: TestUser;
  let superAdmin: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    customer = await createTestUser(app, 'customer');
    superAdmin = await createTestUser(app, 'super_admin');
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  /**
   * A store (prices 10.00 / 12.50 / 3.33, the last one of class `reduced`) shipping to DE and AT by a
   * flat 4.90 method and a free-over-50 one, with DE rates 19 % / 7 % and a Bavarian 20 % (made up).
   */
  async function shop(opts: { pricesIncludeTax?: boolean; taxShipping?: boolean } = {}) {
    const { storeId, productId, variantIds } = await insertStockedVariants(sql, 3, 100);
    const { rows } = await sql.query<{ slug: string }>(
      `UPDATE stores SET tax_rate = '0.05', shipping_flat = '9.99', prices_include_tax = $2, tax_shipping = $3
        WHERE id = $1 RETURNING slug`,
      [storeId, opts.pricesIncludeTax ?? false, opts.taxShipping ?? false],
    );
    await sql.query(`UPDATE product_variants SET price_adjustment = 2.50, weight_grams = 500 WHERE id = $1`, [
      variantIds[1],
    ]);
    const reduced = await sql.query<{ id: string }>(
      `INSERT INTO products (store_id, name, slug, base_price, tax_class) VALUES ($1, 'Book', 'book', 3.33, 'reduced')
       RETURNING id`,
      [storeId],
    );
    const book = await sql.query<{ id: string }>(
      `INSERT INTO product_variants (store_id, product_id, sku, name) VALUES ($1, $2, 'BOOK', 'Paperback') RETURNING id`,
      [storeId, reduced.rows[0].id],
    );
    await sql.query(`INSERT INTO inventory (variant_id, quantity) VALUES ($1, 100)`, [book.rows[0].id]);
    const zone = await sql.query<{ id: string }>(
      `INSERT INTO shipping_zones (store_id, name, countries) VALUES ($1, 'DACH', '{DE,AT}') RETURNING id`,
      [storeId],
    );
    const methods = await sql.query<{ id: string; name: string }>(
      `INSERT INTO shipping_methods (store_id, zone_id, name, rate_type, amount, free_over)
       VALUES ($1, $2, 'Standard', 'flat', 4.90, NULL), ($1, $2, 'Free over 50', 'free_over', 6.00, 50)
       RETURNING id, name`,
      [storeId, zone.rows[0].id],
    );
    await sql.query(
      `INSERT INTO tax_rates (store_id, country, region, tax_class, rate)
       VALUES ($1, 'DE', NULL, 'standard', 19), ($1, 'DE', NULL, 'reduced', 7), ($1, 'DE', 'BY', 'standard', 20)`,
      [storeId],
    );
    const byName = new Map(methods.rows.map((m) => [m.name, m.id]));
    return {
      storeId,
      productId,
      slug: rows[0].slug,
      variants: [variantIds[0], variantIds[1], book.rows[0].id],
      flat: byName.get('Standard') as string,
      freeOver: byName.get('Free over 50') as string,
    };
  }

  const checkout = (slug: string, body: Record<string, unknown>) =>
    http()
      .post(`/api/stores/${slug}/checkout`)
      .set(bearer(customer))
      .set('Idempotency-Key', randomUUID())
      .send(body);

  async function cartOf(storeId: string, lines: Array<[string, number]>): Promise<void> {
    await sql.query(`DELETE FROM carts WHERE user_id = $1`, [customer.id]);
    await fillCart(
      sql,
      storeId,
      customer.id,
      lines.map(([variantId, quantity]) => ({ variantId, quantity })),
    );
  }

  it('prices the chosen method and taxes each line by destination and class (prices without tax)', async () => {
    const s = await shop();
    await cartOf(s.storeId, [
      [s.variants[0], 2], // 20.00 standard
      [s.variants[1], 1], // 12.50 standard
      [s.variants[2], 3], // 9.99 reduced
    ]);
    const res = await checkout(s.slug, { shippingAddress: address('de'), shippingMethodId: s.flat }).expect(
      201,
    );
    const { order } = res.body;
    // 19 % of 20.00 = 3.80, of 12.50 = 2.375 → 2.38; 7 % of 9.99 = 0.6993 → 0.70. Shipping 4.90, untaxed.
    expect(order).toMatchObject({
      subtotal: '42.49',
      discountAmount: '0.00',
      taxAmount: '6.88',
      shippingAmount: '4.90',
      total: '54.27',
      shippingMethodId: s.flat,
    });
    const lines = Object.fromEntries(
      (order.items as Array<{ variantId: string; taxRate: string; taxAmount: string }>).map((i) => [
        i.variantId,
        [i.taxRate, i.taxAmount],
      ]),
    );
    expect(lines).toEqual({
      [s.variants[0]]: ['19.00', '3.80'],
      [s.variants[1]]: ['19.00', '2.38'],
      [s.variants[2]]: ['7.00', '0.70'],
    });
    const identity =
      cents(order.subtotal) -
      cents(order.discountAmount) +
      cents(order.shippingAmount) +
      cents(order.taxAmount);
    expect(cents(order.total)).toBe(identity);
    const { rows } = await sql.query(
      `SELECT shipping_method_id, (SELECT sum(tax_amount) FROM order_items WHERE order_id = $1) AS line_tax
         FROM orders WHERE id = $1`,
      [order.id],
    );
    expect(rows).toEqual([{ shipping_method_id: s.flat, line_tax: '6.88' }]);
  });

  it('a region rate wins over the country rate; another country falls back to the store rate', async () => {
    const s = await shop();
    await cartOf(s.storeId, [[s.variants[0], 1]]);
    const bavaria = await checkout(s.slug, {
      shippingAddress: address('DE', ' by '),
      shippingMethodId: s.flat,
    }).expect(201);
    expect(bavaria.body.order).toMatchObject({ taxAmount: '2.00', items: [{ taxRate: '20.00' }] });
    await cartOf(s.storeId, [[s.variants[0], 1]]);
    const austria = await checkout(s.slug, {
      shippingAddress: address('AT'),
      shippingMethodId: s.flat,
    }).expect(201);
    expect(austria.body.order).toMatchObject({ taxAmount: '0.50', items: [{ taxRate: '5.00' }] });
  });

  it('free over 50 after the discount; prices with tax: total = subtotal − discount + shipping, shipping taxed', async () => {
    const s = await shop({ pricesIncludeTax: true, taxShipping: true });
    await sql.query(
      `INSERT INTO discounts (store_id, code, type, value, is_active) VALUES ($1, 'FIVE', 'fixed', 5, true)`,
      [s.storeId],
    );
    await cartOf(s.storeId, [[s.variants[0], 5]]); // 50.00, 45.00 after the discount: not free
    const res = await checkout(s.slug, {
      shippingAddress: address('DE'),
      shippingMethodId: s.freeOver,
      discountCode: 'five',
    }).expect(201);
    const { order } = res.body;
    // 45.00 gross at 19 %: net 37.82, tax 7.18; shipping 6.00 gross: tax 0.96.
    expect(order).toMatchObject({
      subtotal: '50.00',
      discountAmount: '5.00',
      shippingAmount: '6.00',
      taxAmount: '8.14',
      total: '51.00',
      items: [{ discountAmount: '5.00', taxRate: '19.00', taxAmount: '7.18' }],
    });
    expect(cents(order.total)).toBe(
      cents(order.subtotal) - cents(order.discountAmount) + cents(order.shippingAmount),
    );
  });

  it('refusals write nothing: method required, unavailable for the country, unknown; stock and discount untouched', async () => {
    const s = await shop();
    await sql.query(
      `INSERT INTO discounts (store_id, code, type, value, is_active, max_uses) VALUES ($1, 'ONE', 'fixed', 1, true, 1)`,
      [s.storeId],
    );
    await cartOf(s.storeId, [[s.variants[0], 3]]);
    const orders = async () =>
      Number((await sql.query(`SELECT count(*) FROM orders WHERE store_id = $1`, [s.storeId])).rows[0].count);

    const required = await checkout(s.slug, { shippingAddress: address('DE'), discountCode: 'ONE' }).expect(
      400,
    );
    expect(required.body.code).toBe('SHIPPING_METHOD_REQUIRED');
    for (const [country, methodId] of [
      ['US', s.flat], // the zone does not list the country
      ['DE', randomUUID()], // no such method
    ]) {
      const res = await checkout(s.slug, {
        shippingAddress: address(country),
        shippingMethodId: methodId,
        discountCode: 'ONE',
      }).expect(409);
      expect(res.body).toMatchObject({ code: 'SHIPPING_UNAVAILABLE', details: { methodId, country } });
    }
    // A method turned off meanwhile is unavailable too.
    await sql.query(`UPDATE shipping_methods SET is_active = false WHERE id = $1`, [s.flat]);
    const inactive = await checkout(s.slug, {
      shippingAddress: address('DE'),
      shippingMethodId: s.flat,
    }).expect(409);
    expect(inactive.body.code).toBe('SHIPPING_UNAVAILABLE');

    expect(await orders()).toBe(0);
    const state = await sql.query(
      `SELECT (SELECT reserved FROM inventory WHERE variant_id = $1) AS reserved,
              (SELECT times_used FROM discounts WHERE store_id = $2) AS used,
              (SELECT count(*)::int FROM cart_items ci JOIN carts c ON c.id = ci.cart_id WHERE c.user_id = $3) AS lines`,
      [s.variants[0], s.storeId, customer.id],
    );
    expect(state.rows).toEqual([{ reserved: 0, used: 0, lines: 1 }]);
    expect(await inventoryViolations(sql)).toEqual([]);
  });

  it('a store without methods keeps its flat fee and needs no method', async () => {
    const { storeId, variantIds } = await insertStockedVariants(sql, 1, 10);
    const { rows } = await sql.query<{ slug: string }>(
      `UPDATE stores SET shipping_flat = '3.50' WHERE id = $1 RETURNING slug`,
      [storeId],
    );
    await cartOf(storeId, [[variantIds[0], 1]]);
    const res = await checkout(rows[0].slug, { shippingAddress: address('FR') }).expect(201);
    expect(res.body.order).toMatchObject({ shippingAmount: '3.50', shippingMethodId: null, total: '13.50' });
  });

  describe('store currencies', () => {
    const create = (currency: string) =>
      http()
        .post('/api/admin/stores')
        .set(bearer(superAdmin))
        .send({ name: `Shop ${currency} ${randomUUID().slice(0, 6)}`, currency });

    it('0 or 2 minor digits only: KWD, BHD, JOD → 400 UNSUPPORTED_CURRENCY, nothing created; JPY and EUR are fine', async () => {
      const before = Number((await sql.query(`SELECT count(*) FROM stores`)).rows[0].count);
      for (const currency of ['KWD', 'BHD', 'JOD', 'CLF']) {
        const res = await create(currency).expect(400);
        expect(res.body).toMatchObject({ code: 'UNSUPPORTED_CURRENCY', details: { currency } });
      }
      const unknown = await create('ABC').expect(400);
      expect(unknown.body.code).toBe('VALIDATION_FAILED');
      expect(Number((await sql.query(`SELECT count(*) FROM stores`)).rows[0].count)).toBe(before);
      await create('JPY').expect(201);
      const eur = await create('EUR').expect(201);

      const patch = await http()
        .patch(`/api/admin/stores/${eur.body.id}`)
        .set(bearer(superAdmin))
        .send({ currency: 'KWD' })
        .expect(400);
      expect(patch.body.code).toBe('UNSUPPORTED_CURRENCY');
      const { rows } = await sql.query(`SELECT currency FROM stores WHERE id = $1`, [eur.body.id]);
      expect(rows).toEqual([{ currency: 'EUR' }]);
    });

    it('a JPY store computes in whole yen: tax and discount shares are whole units', async () => {
      const { storeId, variantIds } = await insertStockedVariants(sql, 2, 10);
      const { rows } = await sql.query<{ slug: string }>(
        `UPDATE stores SET currency = 'JPY', tax_rate = '0.1', shipping_flat = 0 WHERE id = $1 RETURNING slug`,
        [storeId],
      );
      await sql.query(`UPDATE products SET base_price = 1234 WHERE store_id = $1`, [storeId]);
      await sql.query(`UPDATE product_variants SET price_adjustment = 1 WHERE id = $1`, [variantIds[1]]);
      await sql.query(
        `INSERT INTO discounts (store_id, code, type, value, is_active) VALUES ($1, 'PCT', 'percentage', 3, true)`,
        [storeId],
      );
      await cartOf(storeId, [
        [variantIds[0], 1],
        [variantIds[1], 1],
      ]);
      const res = await checkout(rows[0].slug, {
        shippingAddress: address('JP'),
        discountCode: 'PCT',
      }).expect(201);
      const { order } = res.body;
      // 1234 + 1235 = 2469; 3 % = 74.07 → 74 yen (never a fraction of a yen); shares 37 / 37;
      // tax 10 % of 1197 = 119.7 → 120 and of 1198 = 119.8 → 120.
      expect(order).toMatchObject({
        currency: 'JPY',
        subtotal: '2469.00',
        discountAmount: '74.00',
        taxAmount: '240.00',
      });
      expect(order.total).toBe('2635.00');
      for (const item of order.items as Array<{ taxAmount: string; discountAmount: string }>) {
        expect(item.taxAmount).toMatch(/\.00$/);
        expect(item.discountAmount).toMatch(/\.00$/);
      }
    });
  });
});
