/** Carts: guests by X-Cart-Session, customers by token; current prices; stock checked; merge on login. */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CartService } from '../../src/cart/cart.service';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { insertStockedVariants } from '../support/invariants';

interface CartBody {
  id: string | null;
  sessionId?: string;
  subtotal: string;
  items: Array<{
    id: string;
    variantId: string;
    quantity: number;
    unitPrice: string;
    lineTotal: string;
    available: number;
  }>;
}
const cartOf = (res: { body: unknown }): CartBody => res.body as CartBody;

describe('cart', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let customer: TestUser;
  let slug: string;
  let otherSlug: string;
  let variants: string[];
  let foreignVariant: string;
  const http = () => request(app.getHttpServer());
  const cartUrl = (s = slug) => `/api/stores/${s}/cart`;

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    customer = await createTestUser(app, 'customer');
    const mine = await insertStockedVariants(sql, 3, 5);
    variants = mine.variantIds;
    await sql.query(`UPDATE product_variants SET price_adjustment = 2.50 WHERE id = $1`, [variants[1]]);
    slug = (await sql.query<{ slug: string }>(`SELECT slug FROM stores WHERE id = $1`, [mine.storeId]))
      .rows[0].slug;
    const other = await insertStockedVariants(sql, 1, 5);
    foreignVariant = other.variantIds[0];
    otherSlug = (await sql.query<{ slug: string }>(`SELECT slug FROM stores WHERE id = $1`, [other.storeId]))
      .rows[0].slug;
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  describe('guest', () => {
    let session: string;

    it('the first call hands out a session id; nothing is stored until an item is added', async () => {
      const res = await http().get(cartUrl()).expect(200);
      expect(cartOf(res)).toEqual({
        id: null,
        sessionId: expect.any(String),
        items: [],
        subtotal: '0.00',
        currency: 'USD',
      });
      const added = await http()
        .post(`${cartUrl()}/items`)
        .send({ variantId: variants[0], quantity: 2 })
        .expect(201);
      session = cartOf(added).sessionId ?? '';
      expect(session).toMatch(/^[A-Za-z0-9_-]{16,}$/);
      expect(cartOf(added).items).toEqual([
        expect.objectContaining({
          variantId: variants[0],
          quantity: 2,
          unitPrice: '10.00',
          lineTotal: '20.00',
          available: 5,
        }),
      ]);
    });

    it('the same variant again adds up; lines price as base + adjustment; subtotal sums them', async () => {
      await http()
        .post(`${cartUrl()}/items`)
        .set('X-Cart-Session', session)
        .send({ variantId: variants[0], quantity: 1 })
        .expect(201);
      const res = await http()
        .post(`${cartUrl()}/items`)
        .set('X-Cart-Session', session)
        .send({ variantId: variants[1], quantity: 2 })
        .expect(201);
      const cart = cartOf(res);
      expect(cart.items.map((i) => [i.variantId, i.quantity, i.unitPrice])).toEqual([
        [variants[0], 3, '10.00'],
        [variants[1], 2, '12.50'],
      ]);
      expect(cart.subtotal).toBe('55.00');
    });

    it('more than available is 409 INSUFFICIENT_STOCK and leaves the cart as it was', async () => {
      const res = await http()
        .post(`${cartUrl()}/items`)
        .set('X-Cart-Session', session)
        .send({ variantId: variants[0], quantity: 3 })
        .expect(409);
      expect(res.body).toEqual(
        expect.objectContaining({
          code: 'INSUFFICIENT_STOCK',
          details: [{ variantId: variants[0], requested: 6, available: 5 }],
        }),
      );
      const cart = cartOf(await http().get(cartUrl()).set('X-Cart-Session', session).expect(200));
      expect(cart.items.find((i) => i.variantId === variants[0])?.quantity).toBe(3);
    });

    it('prices are always current', async () => {
      await sql.query(
        `UPDATE products SET base_price = 11 WHERE id = (SELECT product_id FROM product_variants WHERE id = $1)`,
        [variants[0]],
      );
      const cart = cartOf(await http().get(cartUrl()).set('X-Cart-Session', session).expect(200));
      expect(cart.items.map((i) => i.unitPrice)).toEqual(['11.00', '13.50']);
      expect(cart.subtotal).toBe('60.00');
      await sql.query(
        `UPDATE products SET base_price = 10 WHERE id = (SELECT product_id FROM product_variants WHERE id = $1)`,
        [variants[0]],
      );
    });

    it('update and remove lines; stock checked on update; other carts’ lines are 404', async () => {
      const cart = cartOf(await http().get(cartUrl()).set('X-Cart-Session', session));
      const line = cart.items[0];
      const updated = await http()
        .patch(`${cartUrl()}/items/${line.id}`)
        .set('X-Cart-Session', session)
        .send({ quantity: 5 })
        .expect(200);
      expect(cartOf(updated).items[0].quantity).toBe(5);
      const over = await http()
        .patch(`${cartUrl()}/items/${line.id}`)
        .set('X-Cart-Session', session)
        .send({ quantity: 6 })
        .expect(409);
      expect(over.body.code).toBe('INSUFFICIENT_STOCK');
      await http()
        .patch(`${cartUrl()}/items/${line.id}`)
        .set('X-Cart-Session', session)
        .send({ quantity: 0 })
        .expect(400);

      await http()
        .patch(`${cartUrl()}/items/${line.id}`)
        .set(bearer(customer))
        .send({ quantity: 1 })
        .expect(404);
      await http()
        .delete(`${cartUrl()}/items/${line.id}`)
        .set('X-Cart-Session', 'another-session-0000')
        .expect(404);
      await http().delete(`${cartUrl()}/items/${line.id}`).set('X-Cart-Session', session).expect(204);
      await http().delete(`${cartUrl()}/items/${line.id}`).set('X-Cart-Session', session).expect(404);
    });

    it('rejects what does not belong: variant of another store, inactive variant, unknown store, bad input', async () => {
      const foreign = await http()
        .post(`${cartUrl()}/items`)
        .set('X-Cart-Session', session)
        .send({ variantId: foreignVariant, quantity: 1 });
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('VARIANT_NOT_FOUND');
      await sql.query(`UPDATE product_variants SET is_active = false WHERE id = $1`, [variants[2]]);
      await http()
        .post(`${cartUrl()}/items`)
        .set('X-Cart-Session', session)
        .send({ variantId: variants[2], quantity: 1 })
        .expect(404);
      await sql.query(`UPDATE product_variants SET is_active = true WHERE id = $1`, [variants[2]]);
      const store = await http().get(cartUrl('no-such-store')).expect(404);
      expect(store.body.code).toBe('STORE_NOT_FOUND');
      const badSession = await http().get(cartUrl()).set('X-Cart-Session', 'x').expect(400);
      expect(badSession.body.code).toBe('INVALID_CART_SESSION');
      await http()
        .post(`${cartUrl()}/items`)
        .set('X-Cart-Session', session)
        .send({ variantId: 'nope', quantity: 1 })
        .expect(400);
      await http()
        .post(`${cartUrl()}/items`)
        .set('X-Cart-Session', session)
        .send({ variantId: variants[0], quantity: 1.5 })
        .expect(400);
      await http()
        .post(`${cartUrl()}/items`)
        .set('X-Cart-Session', session)
        .send({ variantId: variants[0], quantity: 1, price: '0.01' })
        .expect(400);
      expect(cartOf(await http().get(cartUrl(otherSlug)).set('X-Cart-Session', session)).items).toEqual([]);
    });
  });

  describe('customer', () => {
    it('a token selects the customer’s own cart, separate from any guest cart', async () => {
      const res = await http()
        .post(`${cartUrl()}/items`)
        .set(bearer(customer))
        .send({ variantId: variants[2], quantity: 1 })
        .expect(201);
      expect(cartOf(res).sessionId).toBeUndefined();
      expect(cartOf(res).items.map((i) => i.variantId)).toEqual([variants[2]]);
      const again = cartOf(await http().get(cartUrl()).set(bearer(customer)).expect(200));
      expect(again.id).toBe(cartOf(res).id);
      await http().get(cartUrl()).set({ Authorization: 'Bearer not-a-token' }).expect(401);
    });

    it('20 concurrent adds of one unit to one cart all count (atomic upsert)', async () => {
      const shopper = await createTestUser(app, 'customer');
      await sql.query(`UPDATE inventory SET quantity = 100 WHERE variant_id = $1`, [variants[1]]);
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          http()
            .post(`${cartUrl()}/items`)
            .set(bearer(shopper))
            .send({ variantId: variants[1], quantity: 1 }),
        ),
      );
      expect(results.every((r) => r.status === 201)).toBe(true);
      const cart = cartOf(await http().get(cartUrl()).set(bearer(shopper)));
      expect(cart.items).toEqual([expect.objectContaining({ variantId: variants[1], quantity: 20 })]);
      const carts = await sql.query(`SELECT count(*)::int AS n FROM carts WHERE user_id = $1`, [shopper.id]);
      expect(carts.rows[0].n).toBe(1);
      await sql.query(`UPDATE inventory SET quantity = 5 WHERE variant_id = $1`, [variants[1]]);
    });
  });

  describe('guest cart hand-over on login', () => {
    it('quantities add up, capped by availability; the guest cart is gone afterwards', async () => {
      const buyer = await createTestUser(app, 'customer');
      await http()
        .post(`${cartUrl()}/items`)
        .set(bearer(buyer))
        .send({ variantId: variants[0], quantity: 4 })
        .expect(201);
      const guest = cartOf(
        await http().post(`${cartUrl()}/items`).send({ variantId: variants[0], quantity: 3 }).expect(201),
      );
      await http()
        .post(`${cartUrl()}/items`)
        .set('X-Cart-Session', guest.sessionId ?? '')
        .send({ variantId: variants[2], quantity: 2 })
        .expect(201);

      await app
        .get(DataSource)
        .transaction((tx) => app.get(CartService).mergeGuestCart(tx, buyer.id, guest.sessionId ?? ''));

      const merged = cartOf(await http().get(cartUrl()).set(bearer(buyer)).expect(200));
      expect(merged.items.map((i) => [i.variantId, i.quantity])).toEqual([
        [variants[0], 5], // 4 + 3, capped at the 5 available
        [variants[2], 2],
      ]);
      const left = await sql.query(`SELECT count(*)::int AS n FROM carts WHERE session_id = $1`, [
        guest.sessionId,
      ]);
      expect(left.rows[0].n).toBe(0);
    });
  });
});
