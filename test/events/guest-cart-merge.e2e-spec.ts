/**
 * The guest-cart merge as an in-transaction subscriber of `customer.signed_in` (src/cart/
 * guest-cart-merge.subscriber.ts): recording the event in the sign-in's transaction merges the guest
 * cart before the commit, so the very next GET of the customer's cart shows it; a rolled-back sign-in
 * merges nothing. The subscriber is registered by CartModule; auth records the event on login and register
 * (test/auth/auth-flow.e2e-spec.ts, test/events/domain-events.e2e-spec.ts).
 */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../src/database/transactions';
import { CustomerSignedIn, EventsService } from '../../src/events';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { insertStockedVariants } from '../support/invariants';

interface CartBody {
  sessionId?: string;
  items: Array<{ variantId: string; quantity: number }>;
}

describe('guest cart merge on customer.signed_in', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let slug: string;
  let variants: string[];

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    const stocked = await insertStockedVariants(sql, 2, 5);
    variants = stocked.variantIds;
    slug = (await sql.query<{ slug: string }>(`SELECT slug FROM stores WHERE id = $1`, [stocked.storeId]))
      .rows[0].slug;
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  const http = () => request(app.getHttpServer());
  const guestCart = async (quantity: number): Promise<string> => {
    const res = await http()
      .post(`/api/stores/${slug}/cart/items`)
      .send({ variantId: variants[0], quantity })
      .expect(201);
    return (res.body as CartBody).sessionId ?? '';
  };
  const signIn = (userId: string, cartSessionId: string, fail = false) =>
    inTransaction(app.get(DataSource), async (tx) => {
      await app.get(EventsService).record(tx, new CustomerSignedIn(null, { userId, cartSessionId }));
      if (fail) throw new Error('sign-in rolled back');
    });

  it('merges before the sign-in commits: the next GET shows the merged cart', async () => {
    const buyer = await createTestUser(app, 'customer');
    const session = await guestCart(2);
    await signIn(buyer.id, session);
    const res = await http().get(`/api/stores/${slug}/cart`).set(bearer(buyer)).expect(200);
    expect((res.body as CartBody).items.map((i) => [i.variantId, i.quantity])).toEqual([[variants[0], 2]]);
    const left = await sql.query(`SELECT 1 FROM carts WHERE session_id = $1`, [session]);
    expect(left.rowCount).toBe(0);
  });

  it('a rolled-back sign-in merges nothing', async () => {
    const buyer = await createTestUser(app, 'customer');
    const session = await guestCart(1);
    await expect(signIn(buyer.id, session, true)).rejects.toThrow('rolled back');
    const left = await sql.query(`SELECT 1 FROM carts WHERE session_id = $1`, [session]);
    expect(left.rowCount).toBe(1);
    const res = await http().get(`/api/stores/${slug}/cart`).set(bearer(buyer)).expect(200);
    expect((res.body as CartBody).items).toEqual([]);
  });
});
