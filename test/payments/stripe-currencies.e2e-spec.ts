/**
 * Amounts sent to Stripe are in the currency's minor unit: a JPY store's guest checkout creates a
 * PaymentIntent of whole yen (through the real SDK against the fake Stripe server), a EUR store's of cents.
 */
import { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { FakeStripe } from '../support/fake-stripe';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';

const ADDRESS = {
  fullName: 'Yuki Guest',
  phone: '03-1234-5678',
  addressLine1: '1-1 Chiyoda',
  city: 'Tokyo',
  state: 'Tokyo',
  postalCode: '100-0001',
  country: 'JP',
};

describe('Stripe amounts in the currency’s minor unit', () => {
  let fake: FakeStripe;
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    fake = await FakeStripe.start();
    db = await createTestDatabase();
    app = await createTestApp(db.url, {
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_test',
      STRIPE_API_URL: fake.url,
    });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
    await fake?.stop();
  });

  /** A store in `currency` whose one variant costs `price`, and a guest cart of `quantity` of it. */
  async function guestCartIn(currency: string, price: string, quantity: number) {
    const { storeId, variantIds } = await insertStockedVariants(sql, 1, 10);
    const { rows } = await sql.query<{ slug: string }>(
      `UPDATE stores SET currency = $2, tax_rate = '0.1', shipping_flat = $3 WHERE id = $1 RETURNING slug`,
      [storeId, currency, currency === 'JPY' ? '500' : '4.99'],
    );
    await sql.query(`UPDATE products SET base_price = $2 WHERE store_id = $1`, [storeId, price]);
    const session = randomBytes(18).toString('base64url');
    const cart = await sql.query<{ id: string }>(
      `INSERT INTO carts (store_id, session_id) VALUES ($1, $2) RETURNING id`,
      [storeId, session],
    );
    await sql.query(`INSERT INTO cart_items (cart_id, variant_id, quantity) VALUES ($1, $2, $3)`, [
      cart.rows[0].id,
      variantIds[0],
      quantity,
    ]);
    return { slug: rows[0].slug, session };
  }

  const checkout = (slug: string, session: string) =>
    http()
      .post(`/api/stores/${slug}/checkout`)
      .set('X-Cart-Session', session)
      .set('Idempotency-Key', randomUUID())
      .send({ email: 'yuki@example.com', shippingAddress: ADDRESS });

  it('JPY: ¥1,234 × 3 + 10 % tax + ¥500 shipping → a PaymentIntent of 4572 (yen), not 457200', async () => {
    const { slug, session } = await guestCartIn('JPY', '1234', 3);
    const res = await checkout(slug, session).expect(201);
    // 3702 + tax 370.2 → 370 (whole yen) + 500.
    expect(res.body.order).toMatchObject({ currency: 'JPY', taxAmount: '370.00', total: '4572.00' });
    expect(res.body.payment.clientSecret).toEqual(expect.any(String));
    const intent = fake.requestsTo('/v1/payment_intents').at(-1);
    expect(intent?.form).toMatchObject({
      amount: '4572',
      currency: 'jpy',
      'metadata[order_id]': res.body.order.id,
    });
    expect(await inventoryViolations(sql)).toEqual([]);
  });

  it('EUR: cents', async () => {
    const { slug, session } = await guestCartIn('EUR', '19.99', 2);
    const res = await checkout(slug, session).expect(201);
    // 39.98 + 4.00 (10 %, half up) + 4.99.
    expect(res.body.order).toMatchObject({ currency: 'EUR', total: '48.97' });
    expect(fake.requestsTo('/v1/payment_intents').at(-1)?.form).toMatchObject({
      amount: '4897',
      currency: 'eur',
    });
  });
});
