/**
 * The checkout benchmark's ceiling (scripts/bench/checkout-ceiling.ts) issues exactly the statements
 * the app issues for one add to cart and one checkout with shipping and tax on the path: the same
 * texts in the same order (transaction control, SET and parameter values aside). Both are captured
 * at the pg driver, so whatever path a statement takes (TypeORM, queryPrepared, a bare pool) counts.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import * as pg from 'pg';
import request from 'supertest';
import { ceilingAddToCart, ceilingCheckout } from '../../scripts/bench/checkout-ceiling';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { insertStockedVariants } from '../support/invariants';
import { insertAddress } from '../support/shoppers';

/** Transaction control and session settings: how each side frames its statements, not what they are. */
const FRAMING =
  /^(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|RESET)\b|^SELECT set_config\(/i;

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('checkout ceiling statements', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: pg.Client;
  let pool: pg.Pool;
  let captured: string[] | null = null;
  const originalQuery = pg.Client.prototype.query;

  beforeAll(async () => {
    db = await createTestDatabase();
    // No background work: every statement captured is the request's.
    app = await createTestApp(db.url, { EVENTS_DISPATCH: 'false' });
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    pool = new pg.Pool({ connectionString: db.url, max: 10, pipeline: true });
    const patched = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text: string };
      if (captured && this !== sql) captured.push(typeof first === 'string' ? first : first.text);
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    };
    pg.Client.prototype.query = patched as typeof pg.Client.prototype.query;
  });

  afterAll(async () => {
    pg.Client.prototype.query = originalQuery;
    await pool?.end();
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
  });

  async function capture(work: () => Promise<void>): Promise<string[]> {
    captured = [];
    try {
      await work();
      return captured.map(normalise).filter((t) => !FRAMING.test(t));
    } finally {
      captured = null;
    }
  }

  it('runs the same statements as one add to cart and one checkout of the app', async () => {
    const { storeId, variantIds } = await insertStockedVariants(sql, 2, 100);
    const { rows } = await sql.query<{ slug: string }>(`SELECT slug FROM stores WHERE id = $1`, [storeId]);
    const slug = rows[0].slug;
    const zone = await sql.query<{ id: string }>(
      `INSERT INTO shipping_zones (store_id, name, countries) VALUES ($1, 'US', '{US}') RETURNING id`,
      [storeId],
    );
    const method = await sql.query<{ id: string }>(
      `INSERT INTO shipping_methods (store_id, zone_id, name, rate_type, amount)
       VALUES ($1, $2, 'Standard', 'flat', 4.99) RETURNING id`,
      [storeId, zone.rows[0].id],
    );
    await sql.query(
      `INSERT INTO tax_rates (store_id, country, region, tax_class, rate)
       VALUES ($1, 'US', NULL, 'standard', 8), ($1, 'US', 'IL', 'standard', 6.25)`,
      [storeId],
    );
    const store = { slug, shippingMethodId: method.rows[0].id };
    const viaApp = await createTestUser(app, 'customer');
    const viaCeiling = await createTestUser(app, 'customer');
    const appAddress = await insertAddress(sql, viaApp.id);
    const ceilingShopper = {
      userId: viaCeiling.id,
      email: viaCeiling.email,
      addressId: await insertAddress(sql, viaCeiling.id),
    };
    // Once each beforehand: first-use effects (a prepared statement's first parse) are not the path.
    const http = () => request(app.getHttpServer());
    const appRound = async () => {
      await http()
        .post(`/api/stores/${slug}/cart/items`)
        .set(bearer(viaApp))
        .send({ variantId: variantIds[0], quantity: 1 })
        .expect(201);
      await http()
        .post(`/api/stores/${slug}/checkout`)
        .set(bearer(viaApp))
        .set('Idempotency-Key', randomUUID())
        .send({ shippingAddressId: appAddress, shippingMethodId: store.shippingMethodId })
        .expect(201);
    };
    const ceilingRound = async () => {
      await ceilingAddToCart(pool, store, ceilingShopper, variantIds[0]);
      await ceilingCheckout(pool, store, ceilingShopper);
    };
    await appRound();
    await ceilingRound();

    const appStatements = await capture(appRound);
    const ceilingStatements = await capture(ceilingRound);
    // The path: the token's profile, the add's transaction, the checkout's reads and its transaction.
    expect(appStatements.length).toBeGreaterThanOrEqual(25);
    expect(appStatements.some((t) => t.startsWith('INSERT INTO outbox_events'))).toBe(true);
    expect(appStatements.some((t) => t.includes('FROM shipping_methods'))).toBe(true);
    expect(appStatements.some((t) => t.includes('LEFT JOIN tax_rates'))).toBe(true);
    expect(ceilingStatements).toEqual(appStatements);

    // The ceiling's order is a real one: shipping 4.99 and IL's 6.25 % of 10.00 (0.63).
    const orders = await sql.query(
      `SELECT subtotal, shipping_amount, tax_amount, total FROM orders WHERE user_id = $1`,
      [viaCeiling.id],
    );
    expect(orders.rows).toEqual([
      { subtotal: '10.00', shipping_amount: '4.99', tax_amount: '0.63', total: '15.62' },
      { subtotal: '10.00', shipping_amount: '4.99', tax_amount: '0.63', total: '15.62' },
    ]);
  });
});
