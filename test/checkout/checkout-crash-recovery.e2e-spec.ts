/**
 * A checkout with Stripe commits its order before it calls Stripe. When the process dies during that
 * call, or its request is still waiting for Stripe, a retry with the same Idempotency-Key finishes the
 * checkout from the committed order (the claim's checkpoint) instead of waiting 20 s for a 409 or
 * placing a second order; the request that loses the race answers what the winner stored.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TEST_JWT_SECRET } from '../support/constants';
import { createTestDatabase, TestDatabase } from '../support/database';
import { FakeStripe } from '../support/fake-stripe';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';
import { exitWithin, startMain, waitUntilListening } from '../support/main-process';
import { fillCart, insertAddress } from '../support/shoppers';

/** The retrying app resumes a checkpoint older than this timeout + 2 s. */
const RESUMER_TIMEOUT_MS = 500;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once Stripe got `n` PaymentIntent requests; fails with the answer if `pending` settles first. */
async function untilIntents(fake: FakeStripe, n: number, pending: Promise<unknown>): Promise<void> {
  let settled: unknown;
  void pending.then((answer) => (settled = answer ?? 'settled'));
  const deadline = Date.now() + 30_000;
  while (fake.requestsTo('/v1/payment_intents').length < n) {
    if (settled !== undefined) throw new Error(`checkout answered early: ${JSON.stringify(settled)}`);
    if (Date.now() > deadline) throw new Error('Stripe got no PaymentIntent request in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('checkout: a retry finishes a checkout cut off while opening the payment', () => {
  let db: TestDatabase;
  let fake: FakeStripe;
  let sql: Client;
  /** The app the retries go to. */
  let resumer: INestApplication;
  let storeId: string;
  let slug: string;
  let variantId: string;

  const stripeEnv = () => ({
    STRIPE_SECRET_KEY: 'sk_test_x',
    STRIPE_WEBHOOK_SECRET: 'whsec_test_crash',
    STRIPE_API_URL: fake.url,
  });

  beforeAll(async () => {
    fake = await FakeStripe.start();
    db = await createTestDatabase();
    resumer = await createTestApp(db.url, { ...stripeEnv(), STRIPE_TIMEOUT_MS: String(RESUMER_TIMEOUT_MS) });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    let variantIds: string[];
    ({ storeId, variantIds } = await insertStockedVariants(sql, 1, 100));
    variantId = variantIds[0];
    const store = await sql.query<{ slug: string }>(`SELECT slug FROM stores WHERE id = $1`, [storeId]);
    slug = store.rows[0].slug;
  });

  beforeEach(() => fake.reset());

  afterEach(async () => {
    expect(await inventoryViolations(sql)).toEqual([]);
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(resumer);
    await db?.drop();
    await fake?.stop();
  });

  async function shopper(): Promise<{ user: TestUser; body: { shippingAddressId: string } }> {
    const user = await createTestUser(resumer, 'customer');
    const shippingAddressId = await insertAddress(sql, user.id);
    await fillCart(sql, storeId, user.id, [{ variantId, quantity: 2 }]);
    return { user, body: { shippingAddressId } };
  }

  const checkout = (app: INestApplication, buyer: { user: TestUser; body: object }, key: string) =>
    request(app.getHttpServer())
      .post(`/api/stores/${slug}/checkout`)
      .set(bearer(buyer.user))
      .set('Idempotency-Key', key)
      .send(buyer.body);

  const ordersOf = async (userId: string) =>
    (
      await sql.query<{ id: string; status: string; payment_status: string }>(
        `SELECT id, status, payment_status FROM orders WHERE user_id = $1`,
        [userId],
      )
    ).rows;
  const reservedFor = async (orderId: string) =>
    (
      await sql.query<{ n: number }>(
        `SELECT coalesce(sum(quantity), 0)::int AS n FROM inventory_reservations WHERE order_id = $1 AND status = 'active'`,
        [orderId],
      )
    ).rows[0].n;
  const providerRef = async (orderId: string) =>
    (
      await sql.query<{ provider_ref: string | null }>(
        `SELECT provider_ref FROM payments WHERE order_id = $1`,
        [orderId],
      )
    ).rows[0]?.provider_ref ?? null;

  it('after the process died during the Stripe call: one order, its payment opened by the retry', async () => {
    const buyer = await shopper();
    const key = randomUUID();
    const port = await freePort();
    const main = startMain({
      ...stripeEnv(),
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: String(port),
      LOG_LEVEL: 'error',
      STRIPE_TIMEOUT_MS: '60000',
    });
    fake.mode = 'hang';
    try {
      await waitUntilListening(main, port, 60_000);
      const cutOff = fetch(`http://127.0.0.1:${port}/api/stores/${slug}/checkout`, {
        method: 'POST',
        headers: { ...bearer(buyer.user), 'Idempotency-Key': key, 'Content-Type': 'application/json' },
        body: JSON.stringify(buyer.body),
      })
        .then(async (res) => ({ status: res.status, body: await res.text() }))
        .catch(() => 'cut off');
      await untilIntents(fake, 1, cutOff);
      main.child.kill('SIGKILL');
      expect(await cutOff).toBe('cut off');
    } finally {
      main.child.kill('SIGKILL');
      await exitWithin(main.exited, main.child, 15_000);
    }
    const [placed] = await ordersOf(buyer.user.id);
    expect(placed).toMatchObject({ status: 'pending', payment_status: 'unpaid' });
    expect(await providerRef(placed.id)).toBeNull();

    fake.mode = 'ok';
    const retried = await checkout(resumer, buyer, key).expect(201);
    expect(retried.body.order.id).toBe(placed.id);
    expect(retried.body.payment).toMatchObject({ provider: 'stripe', status: 'pending' });
    expect(retried.body.payment.clientSecret).toEqual(expect.any(String));

    // One order, held once, its PaymentIntent created with the order's key and attached.
    expect(await ordersOf(buyer.user.id)).toHaveLength(1);
    expect(await reservedFor(placed.id)).toBe(2);
    const intents = fake.requestsTo('/v1/payment_intents');
    expect(intents.map((r) => r.idempotencyKey)).toEqual([placed.id, placed.id]);
    expect(await providerRef(placed.id)).toMatch(/^pi_fake_/);

    // And from now on the same answer, replayed.
    const again = await checkout(resumer, buyer, key).expect(201);
    expect(again.body).toEqual(retried.body);
    expect(fake.requestsTo('/v1/payment_intents')).toHaveLength(2);
  });

  it('while the first request still waits for Stripe: the retry finishes, the first answers the same', async () => {
    const owner = await createTestApp(db.url, { ...stripeEnv(), STRIPE_TIMEOUT_MS: '5000' });
    try {
      const buyer = await shopper();
      const key = randomUUID();
      fake.mode = 'hang';
      const first = checkout(owner, buyer, key).then((res) => res);
      await untilIntents(
        fake,
        1,
        first.then((res) => ({ status: res.status, body: res.body as unknown })),
      );
      // The owner's call keeps hanging; the fake answers the retry's.
      fake.mode = 'ok';
      const retried = await checkout(resumer, buyer, key).expect(201);
      // The owner's call times out: its failure path must not cancel the order the retry answered for.
      const answered = await first;
      expect(answered.status).toBe(201);
      expect(answered.body).toEqual(retried.body);
      const orders = await ordersOf(buyer.user.id);
      expect(orders).toEqual([
        expect.objectContaining({ id: retried.body.order.id, status: 'pending', payment_status: 'unpaid' }),
      ]);
      expect(await reservedFor(orders[0].id)).toBe(2);
      expect(await providerRef(orders[0].id)).toMatch(/^pi_fake_/);
    } finally {
      await closeTestApp(owner);
    }
  });

  it('when the order was cancelled meanwhile, the retry says so instead of opening a payment', async () => {
    const owner = await createTestApp(db.url, { ...stripeEnv(), STRIPE_TIMEOUT_MS: '5000' });
    try {
      const buyer = await shopper();
      const key = randomUUID();
      fake.mode = 'hang';
      const first = checkout(owner, buyer, key).then((res) => res);
      await untilIntents(
        fake,
        1,
        first.then((res) => ({ status: res.status, body: res.body as unknown })),
      );
      const [placed] = await ordersOf(buyer.user.id);
      await request(resumer.getHttpServer())
        .post(`/api/orders/${placed.id}/cancel`)
        .set(bearer(buyer.user))
        .expect(200);
      fake.mode = 'ok';
      const retried = await checkout(resumer, buyer, key).expect(409);
      expect(retried.body.code).toBe('INVALID_TRANSITION');
      expect(fake.requestsTo('/v1/payment_intents')).toHaveLength(1);
      const answered = await first;
      expect(answered.status).toBe(409);
      expect(answered.body).toEqual(retried.body);
      expect(await ordersOf(buyer.user.id)).toEqual([expect.objectContaining({ status: 'cancelled' })]);
      expect(await reservedFor(placed.id)).toBe(0);
    } finally {
      await closeTestApp(owner);
    }
  });
});
