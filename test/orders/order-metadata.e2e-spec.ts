/**
 * Metadata on orders and store customers (API.md "Events, webhooks and metadata"):
 * `PATCH /api/admin/orders/:id` and `PATCH /api/admin/stores/:storeId/customers/:profileId` merge
 * (null removes a key, unsent keys stay), every breach is 400 METADATA_INVALID and writes nothing,
 * a change is audited with its keys (no change, no row), concurrent patches of different keys all
 * survive and never pass 50 keys. Admin views return it; the customer's own views of an order do not.
 * Also: `order.paid` names the buyer (`customerId`).
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { insertStockedVariants } from '../support/invariants';
import { fillCart, insertAddress } from '../support/shoppers';

const keys = (count: number, prefix = 'k') =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `v${i}`]));

/** Each breach, with words its message must contain. */
const BREACHES: Array<[string, unknown, string]> = [
  ['51 keys', keys(51), 'at most 50 keys'],
  ['a 41-character key', { ['k'.repeat(41)]: 'v' }, '1-40 characters'],
  ['an empty key', { '': 'v' }, '1-40 characters'],
  ['a 501-character value', { note: 'x'.repeat(501) }, 'at most 500 characters'],
  ['a number value', { count: 3 }, 'must be a string'],
  ['a nested object', { nested: { a: 'b' } }, 'must be a string'],
  ['an array', ['a', 'b'], 'must be an object'],
  ['a string', 'erp=1', 'must be an object'],
  ['null', null, 'must be an object'],
];

describe('metadata on orders and store customers', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let storeId: string;
  let otherStoreId: string;
  const http = () => request(app.getHttpServer());
  const auditCount = async () => Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count);
  const auditsOf = async (action: string, entityId: string) =>
    (
      await sql.query<{ details: Record<string, unknown>; store_id: string; user_id: string }>(
        `SELECT details, store_id, user_id FROM logs WHERE action = $1 AND entity_id = $2
          ORDER BY created_at, id`,
        [action, entityId],
      )
    ).rows;
  const stored = async (table: 'orders' | 'store_customers', id: string) =>
    (
      await sql.query<{ metadata: Record<string, string> }>(`SELECT metadata FROM ${table} WHERE id = $1`, [
        id,
      ])
    ).rows[0].metadata;

  async function newOrder(user: TestUser = alice, metadata: Record<string, string> = {}): Promise<string> {
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO orders (store_id, user_id, order_number, subtotal, total, metadata)
       VALUES ($1, $2, 'T' || substr(md5(random()::text), 1, 12), 10, 10, $3) RETURNING id`,
      [storeId, user.id, JSON.stringify(metadata)],
    );
    return rows[0].id;
  }
  const patchOrder = (id: string, body: unknown, user: TestUser = admin) =>
    http()
      .patch(`/api/admin/orders/${id}`)
      .set(bearer(user))
      .send(body as object);

  const customerUrl = (profileId: string, store = storeId) =>
    `/api/admin/stores/${store}/customers/${profileId}`;
  const patchCustomer = (profileId: string, body: unknown, store = storeId, user: TestUser = admin) =>
    http()
      .patch(customerUrl(profileId, store))
      .set(bearer(user))
      .send(body as object);
  const storeCustomerId = async (profileId: string, store = storeId) =>
    (
      await sql.query<{ id: string }>(
        `SELECT id FROM store_customers WHERE store_id = $1 AND profile_id = $2`,
        [store, profileId],
      )
    ).rows[0].id;

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    admin = await createTestUser(app, 'admin');
    alice = await createTestUser(app, 'customer', 'alice@meta.example');
    bob = await createTestUser(app, 'customer', 'bob@meta.example');
    storeId = (await insertStockedVariants(sql, 1, 100)).storeId;
    otherStoreId = (await insertStockedVariants(sql, 1, 1)).storeId;
    // Alice buys in both stores, Bob only in the other one.
    await sql.query(
      `INSERT INTO store_customers (store_id, profile_id) VALUES ($1, $2), ($3, $2), ($3, $4)`,
      [storeId, alice.id, otherStoreId, bob.id],
    );
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  describe('PATCH /admin/orders/:id', () => {
    it('merges: sent keys set, null keys removed, unsent keys kept; audited per changed key', async () => {
      const id = await newOrder(alice, { erp_id: 'A-1', season: 'SS26', keep: 'me' });
      const res = await patchOrder(id, { metadata: { season: 'AW26', color: 'red', erp_id: null } }).expect(
        200,
      );
      expect(res.body).toEqual(expect.objectContaining({ id, storeId, customerId: alice.id }));
      expect(res.body.metadata).toEqual({ season: 'AW26', color: 'red', keep: 'me' });
      expect(await stored('orders', id)).toEqual({ season: 'AW26', color: 'red', keep: 'me' });
      expect(await auditsOf('order.update', id)).toEqual([
        {
          store_id: storeId,
          user_id: admin.id,
          details: {
            metadata: {
              color: { before: null, after: 'red' },
              erp_id: { before: 'A-1', after: null },
              season: { before: 'SS26', after: 'AW26' },
            },
          },
        },
      ]);
    });

    it('a patch that changes nothing (same values, absent keys removed, {}) writes no audit row', async () => {
      const id = await newOrder(alice, { color: 'red' });
      const before = await auditCount();
      const empty = await patchOrder(id, { metadata: {} }).expect(200);
      expect(empty.body.metadata).toEqual({ color: 'red' });
      await patchOrder(id, { metadata: { color: 'red', never_set: null } }).expect(200);
      expect(await auditCount()).toBe(before);
      expect(await stored('orders', id)).toEqual({ color: 'red' });
    });

    it('accepts the limits themselves: 50 keys, a 40-character key, a 500-character value', async () => {
      const id = await newOrder();
      const limits = { ...keys(48), ['k'.repeat(40)]: 'v', note: 'x'.repeat(500) };
      const res = await patchOrder(id, { metadata: limits }).expect(200);
      expect(res.body.metadata).toEqual(limits);
      expect(await stored('orders', id)).toEqual(limits);
    });

    it.each(BREACHES)('%s → 400 METADATA_INVALID, nothing written', async (_, metadata, words) => {
      const id = await newOrder(alice, { keep: 'me' });
      const before = await auditCount();
      const res = await patchOrder(id, { metadata }).expect(400);
      expect(res.body.code).toBe('METADATA_INVALID');
      expect(res.body.message).toMatch(/^metadata /);
      expect(res.body.message).toContain(words);
      expect(await stored('orders', id)).toEqual({ keep: 'me' });
      expect(await auditCount()).toBe(before);
    });

    it('more than 50 keys after the merge → 400 METADATA_INVALID, nothing written', async () => {
      const id = await newOrder(alice, keys(49));
      const before = await auditCount();
      const res = await patchOrder(id, { metadata: { a: '1', b: '2', k0: null } }).expect(200);
      expect(Object.keys(res.body.metadata)).toHaveLength(50);
      const over = await patchOrder(id, { metadata: { c: '3' } }).expect(400);
      expect(over.body.code).toBe('METADATA_INVALID');
      expect(over.body.message).toMatch(/at most 50 keys after the merge.*51/);
      expect(Object.keys(await stored('orders', id))).toHaveLength(50);
      expect(await auditCount()).toBe(before + 1);
    });

    it('no metadata, or a field besides it → 400 VALIDATION_FAILED; a malformed id → 400 INVALID_ID', async () => {
      const id = await newOrder(alice, { keep: 'me' });
      const before = await auditCount();
      expect((await patchOrder(id, {}).expect(400)).body.code).toBe('VALIDATION_FAILED');
      const extra = await patchOrder(id, { metadata: { a: 'b' }, status: 'shipped' }).expect(400);
      expect(extra.body.code).toBe('VALIDATION_FAILED');
      expect((await patchOrder('not-a-uuid', { metadata: {} }).expect(400)).body.code).toBe('INVALID_ID');
      expect(await stored('orders', id)).toEqual({ keep: 'me' });
      expect(await auditCount()).toBe(before);
    });

    it('an unknown order → 404 ORDER_NOT_FOUND', async () => {
      const res = await patchOrder(randomUUID(), { metadata: { a: 'b' } }).expect(404);
      expect(res.body.code).toBe('ORDER_NOT_FOUND');
    });

    it('401 without a token, 403 for a customer (even the owner), nothing written', async () => {
      const id = await newOrder(alice, { keep: 'me' });
      await http()
        .patch(`/api/admin/orders/${id}`)
        .send({ metadata: { a: 'b' } })
        .expect(401);
      expect((await patchOrder(id, { metadata: { a: 'b' } }, alice).expect(403)).body.code).toBe('FORBIDDEN');
      expect(await stored('orders', id)).toEqual({ keep: 'me' });
    });

    it('concurrent PATCHes of different keys all survive, each audited with its own key', async () => {
      const id = await newOrder(alice, { base: 'x' });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => patchOrder(id, { metadata: { [`c${i}`]: `v${i}` } })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
      expect(await stored('orders', id)).toEqual({ base: 'x', ...keys(8, 'c') });
      const audited = (await auditsOf('order.update', id)).map((r) =>
        Object.keys(r.details.metadata as object),
      );
      expect(audited.flat().sort()).toEqual(Object.keys(keys(8, 'c')));
      expect(audited.every((k) => k.length === 1)).toBe(true);
    });

    it('concurrent PATCHes never take an order past 50 keys', async () => {
      const id = await newOrder(alice, keys(46));
      const results = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          patchOrder(id, { metadata: { [`x${i}a`]: 'a', [`x${i}b`]: 'b' } }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(2);
      const refused = results.filter((r) => r.status !== 200);
      expect(refused.map((r) => [r.status, (r.body as { code: string }).code])).toEqual(
        Array(2).fill([400, 'METADATA_INVALID']),
      );
      expect(Object.keys(await stored('orders', id))).toHaveLength(50);
    });
  });

  describe('who sees an order’s metadata', () => {
    let orderId: string;

    beforeAll(async () => {
      orderId = await newOrder(alice);
      await patchOrder(orderId, { metadata: { erp_id: 'A-7' } }).expect(200);
    });

    it('admins: the store’s order list and GET /orders/:id', async () => {
      const list = await http().get(`/api/admin/stores/${storeId}/orders`).set(bearer(admin)).expect(200);
      const items = list.body.items as Array<{ id: string; metadata: unknown }>;
      expect(items.length).toBeGreaterThan(1);
      expect(items.every((o) => typeof o.metadata === 'object' && o.metadata !== null)).toBe(true);
      expect(items.find((o) => o.id === orderId)?.metadata).toEqual({ erp_id: 'A-7' });
      const one = await http().get(`/api/orders/${orderId}`).set(bearer(admin)).expect(200);
      expect(one.body.metadata).toEqual({ erp_id: 'A-7' });
    });

    it('the owning customer: neither GET /orders/:id, nor the list, nor the cancel answer', async () => {
      const one = await http().get(`/api/orders/${orderId}`).set(bearer(alice)).expect(200);
      expect(one.body.id).toBe(orderId);
      expect(one.body).not.toHaveProperty('metadata');
      const mine = await http().get('/api/orders').set(bearer(alice)).expect(200);
      expect(mine.body.items.length).toBeGreaterThan(0);
      for (const order of mine.body.items) expect(order).not.toHaveProperty('metadata');
      const cancelled = await http().post(`/api/orders/${orderId}/cancel`).set(bearer(alice)).expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect(cancelled.body).not.toHaveProperty('metadata');
    });

    it('admin status changes answer the admin view', async () => {
      const id = await newOrder(alice, { erp_id: 'A-8' });
      const res = await http()
        .patch(`/api/admin/orders/${id}/status`)
        .set(bearer(admin))
        .send({ status: 'cancelled' })
        .expect(200);
      expect(res.body.metadata).toEqual({ erp_id: 'A-8' });
    });
  });

  describe('PATCH /admin/stores/:storeId/customers/:profileId', () => {
    it('merges, answers the list’s item with its metadata, and audits per changed key', async () => {
      const rowId = await storeCustomerId(alice.id);
      await sql.query(`UPDATE store_customers SET metadata = $2 WHERE id = $1`, [
        rowId,
        JSON.stringify({ tier: 'silver', crm_id: 'C-1' }),
      ]);
      const res = await patchCustomer(alice.id, {
        metadata: { tier: 'gold', crm_id: null, note: 'vip' },
      }).expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          profileId: alice.id,
          email: 'alice@meta.example',
          metadata: { tier: 'gold', note: 'vip' },
        }),
      );
      expect(res.body).toHaveProperty('ordersCount');
      expect(await stored('store_customers', rowId)).toEqual({ tier: 'gold', note: 'vip' });
      expect(await auditsOf('store_customer.update', rowId)).toEqual([
        {
          store_id: storeId,
          user_id: admin.id,
          details: {
            profileId: alice.id,
            metadata: {
              crm_id: { before: 'C-1', after: null },
              note: { before: null, after: 'vip' },
              tier: { before: 'silver', after: 'gold' },
            },
          },
        },
      ]);
      // The same customer in the other store is another row: untouched.
      expect(await stored('store_customers', await storeCustomerId(alice.id, otherStoreId))).toEqual({});

      const list = await http().get(`/api/admin/stores/${storeId}/customers`).set(bearer(admin)).expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({ profileId: alice.id, metadata: { tier: 'gold', note: 'vip' } }),
      ]);
      const other = await http()
        .get(`/api/admin/stores/${otherStoreId}/customers`)
        .set(bearer(admin))
        .expect(200);
      expect((other.body.items as Array<{ metadata: unknown }>).map((c) => c.metadata)).toEqual([{}, {}]);
    });

    it('no change, no audit row', async () => {
      const before = await auditCount();
      await patchCustomer(alice.id, { metadata: { tier: 'gold', absent: null } }).expect(200);
      expect(await auditCount()).toBe(before);
    });

    it.each(BREACHES)('%s → 400 METADATA_INVALID, nothing written', async (_, metadata, words) => {
      const rowId = await storeCustomerId(bob.id, otherStoreId);
      const before = await auditCount();
      const res = await patchCustomer(bob.id, { metadata }, otherStoreId).expect(400);
      expect(res.body.code).toBe('METADATA_INVALID');
      expect(res.body.message).toContain(words);
      expect(await stored('store_customers', rowId)).toEqual({});
      expect(await auditCount()).toBe(before);
    });

    it('more than 50 keys after the merge → 400 METADATA_INVALID, nothing written', async () => {
      const rowId = await storeCustomerId(bob.id, otherStoreId);
      await patchCustomer(bob.id, { metadata: keys(50) }, otherStoreId).expect(200);
      const before = await auditCount();
      const res = await patchCustomer(bob.id, { metadata: { one: 'more' } }, otherStoreId).expect(400);
      expect(res.body.code).toBe('METADATA_INVALID');
      expect(await stored('store_customers', rowId)).toEqual(keys(50));
      expect(await auditCount()).toBe(before);
      await patchCustomer(
        bob.id,
        { metadata: Object.fromEntries(Object.keys(keys(50)).map((k) => [k, null])) },
        otherStoreId,
      ).expect(200);
    });

    it('concurrent PATCHes of different keys all survive', async () => {
      const rowId = await storeCustomerId(bob.id, otherStoreId);
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          patchCustomer(bob.id, { metadata: { [`c${i}`]: `v${i}` } }, otherStoreId),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
      expect(await stored('store_customers', rowId)).toEqual(keys(6, 'c'));
    });

    it('404: an unknown store, or a profile that is not a customer of this store; nothing written', async () => {
      const before = await auditCount();
      const noStore = await patchCustomer(alice.id, { metadata: { a: 'b' } }, randomUUID()).expect(404);
      expect(noStore.body.code).toBe('STORE_NOT_FOUND');
      // Bob buys in the other store only.
      const notHere = await patchCustomer(bob.id, { metadata: { a: 'b' } }).expect(404);
      expect(notHere.body.code).toBe('CUSTOMER_NOT_FOUND');
      const nobody = await patchCustomer(randomUUID(), { metadata: { a: 'b' } }).expect(404);
      expect(nobody.body.code).toBe('CUSTOMER_NOT_FOUND');
      expect(await auditCount()).toBe(before);
    });

    it('400 on a malformed id or a missing metadata; 401 and 403', async () => {
      expect((await patchCustomer('nope', { metadata: {} }).expect(400)).body.code).toBe('INVALID_ID');
      expect((await patchCustomer(alice.id, {}).expect(400)).body.code).toBe('VALIDATION_FAILED');
      await http()
        .patch(customerUrl(alice.id))
        .send({ metadata: { a: 'b' } })
        .expect(401);
      await patchCustomer(alice.id, { metadata: { a: 'b' } }, storeId, alice).expect(403);
      expect(await stored('store_customers', await storeCustomerId(alice.id))).not.toHaveProperty('a');
    });
  });

  it('order.paid names the buyer (customerId), so subscribers need not read the order', async () => {
    const store = await insertStockedVariants(sql, 1, 10);
    const slug = (await sql.query<{ slug: string }>(`SELECT slug FROM stores WHERE id = $1`, [store.storeId]))
      .rows[0].slug;
    const addressId = await insertAddress(sql, alice.id);
    await fillCart(sql, store.storeId, alice.id, [{ variantId: store.variantIds[0], quantity: 1 }]);
    const checkout = await http()
      .post(`/api/stores/${slug}/checkout`)
      .set(bearer(alice))
      .set('Idempotency-Key', randomUUID())
      .send({ shippingAddressId: addressId })
      .expect(201);
    const orderId = (checkout.body as { order: { id: string } }).order.id;
    await http().post(`/api/admin/orders/${orderId}/payments/confirm`).set(bearer(admin)).expect(200);
    const { rows } = await sql.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM outbox_events WHERE type = 'order.paid' AND payload->>'orderId' = $1`,
      [orderId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].payload).toEqual(expect.objectContaining({ orderId, customerId: alice.id }));
  });
});
