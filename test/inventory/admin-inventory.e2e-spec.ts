/** Admin stock management: list with lowStock, set/adjust under the reserved floor, concurrency, audit. */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';
import { placePendingOrder } from '../support/orders';

describe('inventory admin', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let customer: TestUser;
  let storeId: string;
  let productId: string;
  let variantIds: string[];
  const http = () => request(app.getHttpServer());
  const auditCount = async () => Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count);
  const stock = async (variantId: string) =>
    (
      await sql.query<{ quantity: number; reserved: number }>(
        `SELECT quantity, reserved FROM inventory WHERE variant_id = $1`,
        [variantId],
      )
    ).rows[0];
  const patch = (variantId: string, body: object) =>
    http().patch(`/api/admin/inventory/${variantId}`).set(bearer(admin)).send(body);

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    admin = await createTestUser(app, 'admin');
    customer = await createTestUser(app, 'customer');
    ({ storeId, productId, variantIds } = await insertStockedVariants(sql, 3, 20));
    // Another store's stock must never show up in this store's list.
    await insertStockedVariants(sql, 2, 1);
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  it('lists the store’s stock, paged; lowStock=true keeps quantity ≤ lowStockThreshold', async () => {
    await sql.query(`UPDATE inventory SET quantity = 5 WHERE variant_id = $1`, [variantIds[0]]);
    await sql.query(`UPDATE inventory SET quantity = 10 WHERE variant_id = $1`, [variantIds[1]]);
    const all = await http().get(`/api/admin/stores/${storeId}/inventory`).set(bearer(admin)).expect(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items).toHaveLength(3);
    const low = await http()
      .get(`/api/admin/stores/${storeId}/inventory?lowStock=true`)
      .set(bearer(admin))
      .expect(200);
    expect(low.body.total).toBe(2);
    expect(low.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          variantId: variantIds[0],
          sku: expect.any(String),
          quantity: 5,
          reserved: 0,
          available: 5,
          lowStockThreshold: 10,
        }),
        expect.objectContaining({ variantId: variantIds[1], quantity: 10 }),
      ]),
    );
    const paged = await http()
      .get(`/api/admin/stores/${storeId}/inventory?limit=1&page=2`)
      .set(bearer(admin))
      .expect(200);
    expect(paged.body).toEqual(expect.objectContaining({ total: 3, page: 2, limit: 1 }));
    expect(paged.body.items).toHaveLength(1);
    await http().get(`/api/admin/stores/${storeId}/inventory?lowStock=maybe`).set(bearer(admin)).expect(400);
    const unknown = await http()
      .get(`/api/admin/stores/00000000-0000-0000-0000-000000000000/inventory`)
      .set(bearer(admin))
      .expect(404);
    expect(unknown.body.code).toBe('STORE_NOT_FOUND');
    await http().get(`/api/admin/stores/${storeId}/inventory`).set(bearer(customer)).expect(403);
  });

  it('sets, adjusts and changes the threshold; each success is one audit row with before/after', async () => {
    const v = variantIds[2];
    const before = await auditCount();
    const set = await patch(v, { quantity: 30 }).expect(200);
    expect(set.body).toEqual(
      expect.objectContaining({ variantId: v, quantity: 30, reserved: 0, available: 30 }),
    );
    const adj = await patch(v, { adjust: -4, lowStockThreshold: 3 }).expect(200);
    expect(adj.body).toEqual(expect.objectContaining({ quantity: 26, lowStockThreshold: 3 }));
    await patch(v, { lowStockThreshold: 5 }).expect(200);
    expect(await auditCount()).toBe(before + 3);
    const logs = await sql.query(
      `SELECT action, store_id, details FROM logs WHERE entity_id = $1 AND action = 'inventory.adjust' ORDER BY created_at`,
      [v],
    );
    expect(logs.rows).toEqual([
      {
        action: 'inventory.adjust',
        store_id: storeId,
        details: { mode: 'set', quantity: { before: 20, after: 30 } },
      },
      {
        action: 'inventory.adjust',
        store_id: storeId,
        details: {
          mode: 'adjust',
          adjust: -4,
          quantity: { before: 30, after: 26 },
          lowStockThreshold: { before: 10, after: 3 },
        },
      },
      {
        action: 'inventory.adjust',
        store_id: storeId,
        details: { lowStockThreshold: { before: 3, after: 5 } },
      },
    ]);
  });

  it.each([
    ['both quantity and adjust', { quantity: 5, adjust: 1 }],
    ['nothing to change', {}],
    ['zero adjust', { adjust: 0 }],
    ['negative quantity', { quantity: -1 }],
    ['fractional adjust', { adjust: 1.5 }],
    ['string quantity', { quantity: '5' }],
    ['unknown field', { reserved: 0 }],
    ['null quantity', { quantity: null }],
  ])('PATCH with %s → 400, nothing changed or audited', async (_label, body) => {
    const v = variantIds[2];
    const was = await stock(v);
    const before = await auditCount();
    const res = await patch(v, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(await stock(v)).toEqual(was);
    expect(await auditCount()).toBe(before);
  });

  it('unknown variant 404, malformed id 400', async () => {
    const res = await patch('00000000-0000-0000-0000-000000000000', { quantity: 1 });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('VARIANT_NOT_FOUND');
    const bad = await patch('not-a-uuid', { quantity: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_ID');
  });

  it('never below reserved: 409 BELOW_RESERVED for set and adjust; exactly reserved is fine', async () => {
    const v = variantIds[1]; // 10 units
    await placePendingOrder(app, {
      storeId,
      userId: customer.id,
      productId,
      lines: [{ variantId: v, quantity: 8 }],
    });
    const before = await auditCount();
    const set = await patch(v, { quantity: 7 });
    expect(set.status).toBe(409);
    expect(set.body.code).toBe('BELOW_RESERVED');
    expect(set.body.details).toEqual({ quantity: 10, reserved: 8, requested: 7 });
    const adj = await patch(v, { adjust: -3, lowStockThreshold: 0 });
    expect(adj.status).toBe(409);
    expect(adj.body.code).toBe('BELOW_RESERVED');
    expect(await stock(v)).toEqual({ quantity: 10, reserved: 8 });
    expect(await auditCount()).toBe(before);
    const ok = await patch(v, { adjust: -2 }).expect(200);
    expect(ok.body).toEqual(expect.objectContaining({ quantity: 8, reserved: 8, available: 0 }));
    expect(await inventoryViolations(sql)).toEqual([]);
  });

  it('30 concurrent adjusts of -1 on 20 units: exactly 20 succeed, quantity ends at 0, 20 audit rows', async () => {
    const {
      variantIds: [v],
    } = await insertStockedVariants(sql, 1, 20);
    const before = await auditCount();
    const results = await Promise.all(Array.from({ length: 30 }, () => patch(v, { adjust: -1 })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(20);
    const failed = results.filter((r) => r.status !== 200);
    expect(failed).toHaveLength(10);
    expect(failed.every((r) => r.status === 409 && r.body.code === 'BELOW_RESERVED')).toBe(true);
    expect(await stock(v)).toEqual({ quantity: 0, reserved: 0 });
    expect(await auditCount()).toBe(before + 20);
    expect(await inventoryViolations(sql)).toEqual([]);
  });

  it('adjusts racing checkouts never break 0 ≤ reserved ≤ quantity; every unit is accounted for', async () => {
    const fresh = await insertStockedVariants(sql, 1, 20);
    const v = fresh.variantIds[0];
    const holds = Array.from({ length: 15 }, () =>
      placePendingOrder(app, {
        storeId: fresh.storeId,
        userId: customer.id,
        productId: fresh.productId,
        lines: [{ variantId: v, quantity: 1 }],
      }).then(
        () => true,
        () => false,
      ),
    );
    const adjusts = Array.from({ length: 15 }, () => patch(v, { adjust: -1 }).then((r) => r.status === 200));
    const [held, adjusted] = await Promise.all([Promise.all(holds), Promise.all(adjusts)]);
    const heldCount = held.filter(Boolean).length;
    const adjustedCount = adjusted.filter(Boolean).length;
    expect(heldCount + adjustedCount).toBe(20);
    expect(await stock(v)).toEqual({ quantity: 20 - adjustedCount, reserved: heldCount });
    expect(await inventoryViolations(sql)).toEqual([]);
  });
});
