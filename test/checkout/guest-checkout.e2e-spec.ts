/**
 * Guest checkout (X-Cart-Session, no token) with its order token, inline addresses for customers, the
 * order's own copy of its address, the buyer's email on order.placed / order.paid, and the bad inputs:
 * each refused with the contract's code and nothing written.
 */
import { INestApplication } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';
import { CartLine, fillCart, insertAddress } from '../support/shoppers';

const ADDRESS = {
  fullName: 'Grace Guest',
  phone: '555-0199',
  addressLine1: '9 Side St',
  city: 'Portland',
  state: 'OR',
  postalCode: '97201',
  country: 'us',
};

interface OrderBody {
  id: string;
  customerId: string | null;
  status: string;
  total: string;
  shippingAddress: Record<string, unknown> | null;
  items: Array<{ id: string; variantId: string; quantity: number }>;
}

describe('guest checkout and address snapshot', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let storeId: string;
  let slug: string;
  let variants: string[];
  let admin: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    ({ storeId, variantIds: variants } = await insertStockedVariants(sql, 3, 1000));
    const { rows } = await sql.query<{ slug: string }>(
      `UPDATE stores SET tax_rate = '0.1', shipping_flat = '5.00' WHERE id = $1 RETURNING slug`,
      [storeId],
    );
    slug = rows[0].slug;
    admin = await createTestUser(app, 'admin');
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  const newSession = () => randomBytes(18).toString('base64url');

  /** A guest cart in the store, straight in the database; returns its X-Cart-Session. */
  async function guestCart(lines: CartLine[], store = storeId): Promise<string> {
    const session = newSession();
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO carts (store_id, session_id) VALUES ($1, $2) RETURNING id`,
      [store, session],
    );
    for (const line of lines) {
      await sql.query(`INSERT INTO cart_items (cart_id, variant_id, quantity) VALUES ($1, $2, $3)`, [
        rows[0].id,
        line.variantId,
        line.quantity,
      ]);
    }
    return session;
  }

  const guestCheckout = (
    session: string | undefined,
    body: Record<string, unknown>,
    key: string = randomUUID(),
    store = slug,
  ) => {
    const req = http().post(`/api/stores/${store}/checkout`).set('Idempotency-Key', key);
    if (session !== undefined) req.set('X-Cart-Session', session);
    return req.send(body);
  };

  const count = async (query: string, params: unknown[] = []): Promise<number> =>
    Number((await sql.query<{ n: string }>(query, params)).rows[0].n);
  const orderCount = () => count(`SELECT count(*) AS n FROM orders WHERE store_id = $1`, [storeId]);
  const cartLines = (session: string) =>
    count(
      `SELECT count(*) AS n FROM cart_items ci JOIN carts c ON c.id = ci.cart_id WHERE c.session_id = $1`,
      [session],
    );

  describe('a guest', () => {
    it('checks out with email and an inline address: 201 {order, payment, orderToken}; the order keeps a hash', async () => {
      const session = await guestCart([
        { variantId: variants[0], quantity: 2 },
        { variantId: variants[1], quantity: 1 },
      ]);
      const res = await guestCheckout(session, {
        email: ' Grace@Example.com ',
        shippingAddress: ADDRESS,
        notes: 'Ring twice',
      }).expect(201);
      const { order, payment, orderToken } = res.body as {
        order: OrderBody;
        payment: { provider: string; status: string };
        orderToken: string;
      };
      expect(payment).toEqual({ provider: 'manual', status: 'pending' });
      expect(orderToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // 30.00 + 10 % per line (2.00 + 1.00) + 5.00 flat shipping.
      expect(order).toMatchObject({
        customerId: null,
        status: 'pending',
        subtotal: '30.00',
        taxAmount: '3.00',
        shippingAmount: '5.00',
        total: '38.00',
        shippingAddress: { ...ADDRESS, id: null, addressLine2: null, country: 'US' },
      });
      expect(await cartLines(session)).toBe(0);

      const { rows } = await sql.query(
        `SELECT user_id, guest_email, order_token_hash, shipping_address FROM orders WHERE id = $1`,
        [order.id],
      );
      expect(rows).toEqual([
        {
          user_id: null,
          guest_email: 'grace@example.com',
          order_token_hash: createHash('sha256').update(orderToken).digest('hex'),
          shipping_address: { ...ADDRESS, addressLine2: null, country: 'US' },
        },
      ]);
      // The token itself is nowhere at rest: not on the order, not in the stored idempotent answer.
      expect(
        await count(
          `SELECT count(*) AS n FROM idempotency_keys WHERE cart_session = $1 AND response_body::text LIKE $2`,
          [session, `%${orderToken}%`],
        ),
      ).toBe(0);
      expect(
        await count(`SELECT count(*) AS n FROM idempotency_keys WHERE cart_session = $1`, [session]),
      ).toBe(1);
      // order.placed names the guest's email (mail sends to it) and no customer.
      const placed = await sql.query<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM outbox_events WHERE type = 'order.placed' AND payload->>'orderId' = $1`,
        [order.id],
      );
      expect(placed.rows[0].payload).toMatchObject({ customerId: null, email: 'grace@example.com' });
      expect(await inventoryViolations(sql)).toEqual([]);
    });

    it('reads and cancels the order with X-Order-Token; a wrong or missing token is 404/401 like a stranger', async () => {
      const session = await guestCart([{ variantId: variants[0], quantity: 1 }]);
      const res = await guestCheckout(session, { email: 'g2@example.com', shippingAddress: ADDRESS }).expect(
        201,
      );
      const { order, orderToken } = res.body as { order: OrderBody; orderToken: string };

      const read = await http().get(`/api/orders/${order.id}`).set('X-Order-Token', orderToken).expect(200);
      expect(read.body).toMatchObject(order);
      expect(read.body.metadata).toBeUndefined();

      const unknown = await http().get(`/api/orders/${randomUUID()}`).set('X-Order-Token', orderToken);
      // Its last character changed (to one it is not: a token ending in 'A' stayed right 1 time in 64).
      const altered = `${orderToken.slice(0, -1)}${orderToken.endsWith('A') ? 'B' : 'A'}`;
      for (const token of [altered, newSession(), 'short', '../etc']) {
        const wrong = await http().get(`/api/orders/${order.id}`).set('X-Order-Token', token);
        expect({ status: wrong.status, code: wrong.body.code }).toEqual({
          status: 404,
          code: 'ORDER_NOT_FOUND',
        });
        expect(wrong.body).toEqual({ ...unknown.body, message: wrong.body.message });
      }
      // Another customer's token is no key to a guest's order either.
      const stranger = await createTestUser(app, 'customer');
      await http().get(`/api/orders/${order.id}`).set(bearer(stranger)).expect(404);
      const none = await http().get(`/api/orders/${order.id}`).expect(401);
      expect(none.body.code).toBe('UNAUTHORIZED');
      // The admin reads it (admin view).
      const byAdmin = await http().get(`/api/orders/${order.id}`).set(bearer(admin)).expect(200);
      expect(byAdmin.body.metadata).toEqual({});

      const wrongCancel = await http()
        .post(`/api/orders/${order.id}/cancel`)
        .set('X-Order-Token', newSession())
        .expect(404);
      expect(wrongCancel.body.code).toBe('ORDER_NOT_FOUND');
      await http().post(`/api/orders/${order.id}/cancel`).expect(401);
      expect(
        await count(`SELECT count(*) AS n FROM orders WHERE id = $1 AND status = 'pending'`, [order.id]),
      ).toBe(1);

      const cancelled = await http()
        .post(`/api/orders/${order.id}/cancel`)
        .set('X-Order-Token', orderToken)
        .expect(200);
      expect(cancelled.body).toMatchObject({ id: order.id, status: 'cancelled' });
      const again = await http()
        .post(`/api/orders/${order.id}/cancel`)
        .set('X-Order-Token', orderToken)
        .expect(409);
      expect(again.body.code).toBe('INVALID_TRANSITION');
      expect(await inventoryViolations(sql)).toEqual([]);
    });

    it('idempotency is scoped to the cart session: a replay gives the same order and token; another body is 422', async () => {
      const session = await guestCart([{ variantId: variants[1], quantity: 1 }]);
      const key = randomUUID();
      const body = { email: 'g3@example.com', shippingAddress: ADDRESS };
      const first = await guestCheckout(session, body, key).expect(201);
      const replay = await guestCheckout(session, body, key).expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      expect(await count(`SELECT count(*) AS n FROM orders WHERE guest_email = 'g3@example.com'`)).toBe(1);
      const other = await guestCheckout(session, { ...body, notes: 'changed' }, key).expect(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      // The same key from another cart session is another guest's key: its own order.
      const otherSession = await guestCart([{ variantId: variants[1], quantity: 1 }]);
      const theirs = await guestCheckout(otherSession, body, key).expect(201);
      expect(theirs.body.order.id).not.toBe(first.body.order.id);
      expect(theirs.body.orderToken).not.toBe(first.body.orderToken);
    });

    it('bad input is refused with its code and writes nothing', async () => {
      const session = await guestCart([{ variantId: variants[2], quantity: 1 }]);
      const before = await orderCount();
      const cases: Array<[string | undefined, Record<string, unknown>, number, string]> = [
        [session, { shippingAddress: ADDRESS }, 400, 'VALIDATION_FAILED'], // no email
        [session, { email: 'not-an-email', shippingAddress: ADDRESS }, 400, 'VALIDATION_FAILED'],
        [session, { email: 'g@example.com' }, 400, 'VALIDATION_FAILED'], // no address
        [
          session,
          { email: 'g@example.com', shippingAddress: { ...ADDRESS, country: 'ZZ' } },
          400,
          'VALIDATION_FAILED',
        ],
        [
          session,
          { email: 'g@example.com', shippingAddress: { ...ADDRESS, country: 'USA' } },
          400,
          'VALIDATION_FAILED',
        ],
        [
          session,
          { email: 'g@example.com', shippingAddress: { ...ADDRESS, city: '' } },
          400,
          'VALIDATION_FAILED',
        ],
        [
          session,
          { email: 'g@example.com', shippingAddress: { ...ADDRESS, extra: 1 } },
          400,
          'VALIDATION_FAILED',
        ],
        [
          session,
          { email: 'g@example.com', shippingAddress: ADDRESS, shippingAddressId: randomUUID() },
          400,
          'VALIDATION_FAILED',
        ],
        [
          session,
          { email: 'g@example.com', shippingAddress: ADDRESS, shippingMethodId: 'x' },
          400,
          'VALIDATION_FAILED',
        ],
        [undefined, { email: 'g@example.com', shippingAddress: ADDRESS }, 401, 'UNAUTHORIZED'], // no session
        ['bad session!', { email: 'g@example.com', shippingAddress: ADDRESS }, 400, 'INVALID_CART_SESSION'],
      ];
      for (const [cartSession, body, status, code] of cases) {
        const res = await guestCheckout(cartSession, body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
      }
      // A session without a cart in this store: nothing to check out.
      const empty = await guestCheckout(newSession(), { email: 'g@example.com', shippingAddress: ADDRESS });
      expect({ status: empty.status, code: empty.body.code }).toEqual({ status: 409, code: 'CART_EMPTY' });
      expect(await orderCount()).toBe(before);
      expect(await cartLines(session)).toBe(1);
      expect(
        await count(`SELECT count(*) AS n FROM idempotency_keys WHERE cart_session = $1`, [session]),
      ).toBe(0);
    });

    it('30 guests at once for the last 10 units of a hot SKU: 10 orders, 20 × 409, never oversold (SQL)', async () => {
      const hot = await insertStockedVariants(sql, 1, 10);
      const hotSlug = (
        await sql.query<{ slug: string }>(`SELECT slug FROM stores WHERE id = $1`, [hot.storeId])
      ).rows[0].slug;
      // One after another: the setup's client runs one query at a time (the checkouts below are concurrent).
      const sessions: string[] = [];
      for (let i = 0; i < 30; i++) {
        sessions.push(await guestCart([{ variantId: hot.variantIds[0], quantity: 1 }], hot.storeId));
      }
      const results = await Promise.all(
        sessions.map((s, i) =>
          guestCheckout(s, { email: `hot${i}@example.com`, shippingAddress: ADDRESS }, randomUUID(), hotSlug),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(10);
      expect(statuses.filter((s) => s === 409)).toHaveLength(20);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'INSUFFICIENT_STOCK')).toBe(
        true,
      );
      const { rows } = await sql.query<{ quantity: number; reserved: number; held: number; orders: number }>(
        `SELECT i.quantity, i.reserved,
                (SELECT coalesce(sum(r.quantity), 0)::int FROM inventory_reservations r
                  WHERE r.variant_id = i.variant_id AND r.status = 'active') AS held,
                (SELECT count(*)::int FROM orders o WHERE o.store_id = $2) AS orders
           FROM inventory i WHERE i.variant_id = $1`,
        [hot.variantIds[0], hot.storeId],
      );
      expect(rows).toEqual([{ quantity: 10, reserved: 10, held: 10, orders: 10 }]);
      expect(await inventoryViolations(sql)).toEqual([]);
    });
  });

  describe('customers and the address snapshot', () => {
    let customer: TestUser;
    let addressId: string;

    beforeAll(async () => {
      customer = await createTestUser(app, 'customer');
      addressId = await insertAddress(sql, customer.id);
    });

    const customerCheckout = (body: Record<string, unknown>) =>
      http()
        .post(`/api/stores/${slug}/checkout`)
        .set(bearer(customer))
        .set('Idempotency-Key', randomUUID())
        .send(body);

    it('editing or deleting the address-book entry never changes the order', async () => {
      await fillCart(sql, storeId, customer.id, [{ variantId: variants[0], quantity: 1 }]);
      const res = await customerCheckout({ shippingAddressId: addressId }).expect(201);
      const order = res.body.order as OrderBody;
      const shipped = { ...order.shippingAddress };
      expect(shipped).toMatchObject({ id: addressId, addressLine1: '1 Main St', city: 'Springfield' });

      await http()
        .patch(`/api/me/addresses/${addressId}`)
        .set(bearer(customer))
        .send({ addressLine1: '2 Other Rd', city: 'Shelbyville' })
        .expect(200);
      const afterEdit = await http().get(`/api/orders/${order.id}`).set(bearer(customer)).expect(200);
      expect(afterEdit.body.shippingAddress).toEqual(shipped);

      // Deleting it is allowed now (no ADDRESS_IN_USE): the order keeps its copy, and forgets the entry.
      await http().delete(`/api/me/addresses/${addressId}`).set(bearer(customer)).expect(204);
      const afterDelete = await http().get(`/api/orders/${order.id}`).set(bearer(customer)).expect(200);
      expect(afterDelete.body.shippingAddress).toEqual({ ...shipped, id: null });
      const list = await http().get('/api/orders').set(bearer(customer)).expect(200);
      expect(list.body.items[0].shippingAddress).toEqual({ ...shipped, id: null });
    });

    it('a customer may send the address inline; exactly one of shippingAddressId and shippingAddress', async () => {
      await fillCart(sql, storeId, customer.id, [{ variantId: variants[1], quantity: 2 }]);
      const own = await insertAddress(sql, customer.id);
      const before = await orderCount();
      const both = await customerCheckout({ shippingAddressId: own, shippingAddress: ADDRESS }).expect(400);
      expect(both.body.code).toBe('VALIDATION_FAILED');
      const neither = await customerCheckout({}).expect(400);
      expect(neither.body.code).toBe('VALIDATION_FAILED');
      const withEmail = await customerCheckout({ email: 'x@example.com', shippingAddress: ADDRESS }).expect(
        400,
      );
      expect(withEmail.body.code).toBe('VALIDATION_FAILED');
      expect(await orderCount()).toBe(before);

      const res = await customerCheckout({ shippingAddress: { ...ADDRESS, addressLine2: 'Apt 4' } }).expect(
        201,
      );
      expect(res.body.orderToken).toBeUndefined();
      expect(res.body.order).toMatchObject({
        customerId: customer.id,
        shippingAddress: { ...ADDRESS, addressLine2: 'Apt 4', country: 'US', id: null },
      });
      // Nothing was added to the address book.
      expect(await count(`SELECT count(*) AS n FROM addresses WHERE user_id = $1`, [customer.id])).toBe(1);
      const { rows } = await sql.query(`SELECT guest_email, order_token_hash FROM orders WHERE id = $1`, [
        res.body.order.id,
      ]);
      expect(rows).toEqual([{ guest_email: null, order_token_hash: null }]);

      // order.placed and order.paid carry the customer's account email.
      const placed = await sql.query<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM outbox_events WHERE type = 'order.placed' AND payload->>'orderId' = $1`,
        [res.body.order.id],
      );
      expect(placed.rows[0].payload).toMatchObject({ customerId: customer.id, email: customer.email });
      await http()
        .post(`/api/admin/orders/${res.body.order.id}/payments/confirm`)
        .set(bearer(admin))
        .expect(200);
      const paid = await sql.query<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM outbox_events WHERE type = 'order.paid' AND payload->>'orderId' = $1`,
        [res.body.order.id],
      );
      expect(paid.rows[0].payload).toMatchObject({ customerId: customer.id, email: customer.email });
    });

    it('a paid guest order names the guest’s email on order.paid', async () => {
      const session = await guestCart([{ variantId: variants[2], quantity: 1 }]);
      const res = await guestCheckout(session, {
        email: 'payer@example.com',
        shippingAddress: ADDRESS,
      }).expect(201);
      await http()
        .post(`/api/admin/orders/${res.body.order.id}/payments/confirm`)
        .set(bearer(admin))
        .expect(200);
      const paid = await sql.query<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM outbox_events WHERE type = 'order.paid' AND payload->>'orderId' = $1`,
        [res.body.order.id],
      );
      expect(paid.rows[0].payload).toMatchObject({ customerId: null, email: 'payer@example.com' });
    });
  });
});
