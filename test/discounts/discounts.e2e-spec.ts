/** Discount codes: admin CRUD and the use counter, on the real app and database. */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppException } from '../../src/common/errors';
import { discountAmount } from '../../src/discounts/discount-rules';
import { DiscountsService } from '../../src/discounts/discounts.service';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';

describe('discounts', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let customer: TestUser;
  let storeA: string;
  let storeB: string;
  const http = () => request(app.getHttpServer());
  const base = (storeId: string) => `/api/admin/stores/${storeId}/discounts`;
  const auditCount = async () => Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count);

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    const stores = await sql.query<{ id: string }>(
      `INSERT INTO stores (slug, name) VALUES ('a', 'A'), ('b', 'B') RETURNING id`,
    );
    [storeA, storeB] = stores.rows.map((r) => r.id);
    admin = await createTestUser(app, 'admin');
    customer = await createTestUser(app, 'customer');
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  describe('admin CRUD', () => {
    let id: string;

    it('creates a discount: money as strings, defaults filled, one audit row', async () => {
      const before = await auditCount();
      const res = await http()
        .post(base(storeA))
        .set(bearer(admin))
        .send({ code: 'Save10', type: 'percentage', value: '10.5', maxUses: 5, minPurchaseAmount: 20 })
        .expect(201);
      expect(res.body).toEqual(
        expect.objectContaining({
          storeId: storeA,
          code: 'Save10',
          type: 'percentage',
          value: '10.50',
          minPurchaseAmount: '20.00',
          maxUses: 5,
          timesUsed: 0,
          isActive: true,
          startsAt: null,
          expiresAt: null,
        }),
      );
      id = res.body.id;
      expect(await auditCount()).toBe(before + 1);
      const row = await sql.query(
        `SELECT action, entity_id, store_id, user_id FROM logs ORDER BY created_at DESC LIMIT 1`,
      );
      expect(row.rows[0]).toEqual({
        action: 'discount.create',
        entity_id: id,
        store_id: storeA,
        user_id: admin.id,
      });
    });

    it('codes are unique per store, case-insensitively; the same code is fine in another store', async () => {
      const before = await auditCount();
      const dup = await http()
        .post(base(storeA))
        .set(bearer(admin))
        .send({ code: 'SAVE10', type: 'fixed', value: 5 });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('DISCOUNT_CODE_TAKEN');
      await http()
        .post(base(storeB))
        .set(bearer(admin))
        .send({ code: 'save10', type: 'fixed', value: 5 })
        .expect(201);
      expect(await auditCount()).toBe(before + 1);
    });

    it('concurrent creates of one code: exactly one wins, the rest get 409', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          http()
            .post(base(storeA))
            .set(bearer(admin))
            .send({ code: i % 2 ? 'RACE' : 'race', type: 'fixed', value: '1.00' }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(
        results.filter((r) => r.status === 409).every((r) => r.body.code === 'DISCOUNT_CODE_TAKEN'),
      ).toBe(true);
      const rows = await sql.query(`SELECT count(*)::int AS n FROM discounts WHERE lower(code) = 'race'`);
      expect(rows.rows[0].n).toBe(1);
    });

    it.each([
      [{ code: 'P', type: 'percentage', value: 150 }, 'value'],
      [{ code: 'Z', type: 'fixed', value: 0 }, 'value'],
      [{ code: 'D', type: 'fixed', value: '1.234' }, 'value'],
      [{ code: 'F', type: 'fixed', value: 1.5, minPurchaseAmount: -1 }, 'minPurchaseAmount'],
      [{ code: 'T', type: 'bogus', value: 1 }, 'type'],
      [{ code: 'bad code!', type: 'fixed', value: 1 }, 'code'],
      [{ code: 'M', type: 'fixed', value: 1, maxUses: 0 }, 'maxUses'],
      [
        {
          code: 'W',
          type: 'fixed',
          value: 1,
          startsAt: '2026-12-01T00:00:00Z',
          expiresAt: '2026-11-01T00:00:00Z',
        },
        'expiresAt',
      ],
      [{ code: 'U', type: 'fixed', value: 1, role: 'admin' }, 'role'],
    ])('rejects %j with 400 naming %s, and writes nothing', async (body, field) => {
      const before = await auditCount();
      const res = await http().post(base(storeA)).set(bearer(admin)).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.details)).toContain(field);
      expect(await auditCount()).toBe(before);
    });

    it('reads, lists (paged, filtered) and updates, auditing the changed fields only', async () => {
      const got = await http()
        .get(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .expect(200);
      expect(got.body.code).toBe('Save10');
      const list = await http()
        .get(`${base(storeA)}?q=save&limit=1`)
        .set(bearer(admin))
        .expect(200);
      expect(list.body).toEqual({ items: [expect.objectContaining({ id })], total: 1, page: 1, limit: 1 });

      const patched = await http()
        .patch(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .send({ value: '15', isActive: false })
        .expect(200);
      expect(patched.body).toEqual(
        expect.objectContaining({ value: '15.00', isActive: false, code: 'Save10' }),
      );
      const row = await sql.query(
        `SELECT details FROM logs WHERE action = 'discount.update' AND entity_id = $1`,
        [id],
      );
      expect(row.rows[0].details).toEqual({
        value: { before: 1050, after: 1500 },
        isActive: { before: true, after: false },
      });
    });

    it('maxUses cannot go below the uses already made', async () => {
      await sql.query(`UPDATE discounts SET times_used = 3 WHERE id = $1`, [id]);
      const res = await http()
        .patch(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .send({ maxUses: 2 });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('MAX_USES_BELOW_TIMES_USED');
      await sql.query(`UPDATE discounts SET times_used = 0 WHERE id = $1`, [id]);
    });

    it('another store, unknown ids and malformed ids', async () => {
      await http()
        .get(`${base(storeB)}/${id}`)
        .set(bearer(admin))
        .expect(404);
      await http()
        .patch(`${base(storeB)}/${id}`)
        .set(bearer(admin))
        .send({ value: 1 })
        .expect(404);
      await http()
        .delete(`${base(storeB)}/${id}`)
        .set(bearer(admin))
        .expect(404);
      const bad = await http()
        .get(`${base(storeA)}/not-a-uuid`)
        .set(bearer(admin))
        .expect(400);
      expect(bad.body.code).toBe('INVALID_ID');
      const noStore = await http()
        .post(base('00000000-0000-4000-8000-000000000000'))
        .set(bearer(admin))
        .send({ code: 'X', type: 'fixed', value: 1 });
      expect(noStore.status).toBe(404);
      expect(noStore.body.code).toBe('STORE_NOT_FOUND');
      // Listing an unknown store's codes is a 404 too, not an empty page.
      const noStoreList = await http()
        .get(base('00000000-0000-4000-8000-000000000000'))
        .set(bearer(admin))
        .expect(404);
      expect(noStoreList.body.code).toBe('STORE_NOT_FOUND');
    });

    it('only admins: anonymous 401, customer 403', async () => {
      await http().get(base(storeA)).expect(401);
      const res = await http().get(base(storeA)).set(bearer(customer)).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      await http()
        .post(base(storeA))
        .set(bearer(customer))
        .send({ code: 'C', type: 'fixed', value: 1 })
        .expect(403);
    });

    it('deletes (204), audited; a second delete is 404', async () => {
      const before = await auditCount();
      await http()
        .delete(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .expect(204);
      await http()
        .delete(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .expect(404);
      expect(await auditCount()).toBe(before + 1);
    });
  });

  describe('use counter (consume / release)', () => {
    let service: DiscountsService;
    let dataSource: DataSource;

    beforeAll(() => {
      service = app.get(DiscountsService);
      dataSource = app.get(DataSource);
    });

    async function create(code: string, fields: string, values: unknown[] = []): Promise<string> {
      const res = await sql.query<{ id: string }>(
        `INSERT INTO discounts (store_id, code, type, value ${fields ? ',' + fields : ''})
         VALUES ($1, $2, 'fixed', 5 ${values.map((_, i) => `, $${i + 3}`).join('')}) RETURNING id`,
        [storeA, code, ...values],
      );
      return res.rows[0].id;
    }

    it('30 concurrent consumers of a code with maxUses 5: exactly 5 succeed, times_used = 5', async () => {
      const id = await create('LIMITED', 'max_uses', [5]);
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, () =>
          dataSource
            .transaction((tx) => service.consume(tx, storeA, 'limited', 10_000))
            .then(
              () => 'ok',
              (e: unknown) =>
                e instanceof AppException ? `${e.code}:${JSON.stringify(e.details)}` : String(e),
            ),
        ),
      );
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(5);
      expect(new Set(outcomes.filter((o) => o !== 'ok'))).toEqual(
        new Set(['DISCOUNT_INVALID:{"reason":"exhausted"}']),
      );
      const row = await sql.query(`SELECT times_used FROM discounts WHERE id = $1`, [id]);
      expect(row.rows[0].times_used).toBe(5);
    });

    it('a use taken in a transaction that rolls back is not counted', async () => {
      const id = await create('ROLLBACK', 'max_uses', [1]);
      await expect(
        dataSource.transaction(async (tx) => {
          await service.consume(tx, storeA, 'ROLLBACK', 10_000);
          throw new Error('checkout failed later');
        }),
      ).rejects.toThrow('checkout failed later');
      const row = await sql.query(`SELECT times_used FROM discounts WHERE id = $1`, [id]);
      expect(row.rows[0].times_used).toBe(0);
    });

    it.each([
      ['UNKNOWN-CODE', null, 10_000, 'unknown'],
      ['OFF', 'is_active = false', 10_000, 'inactive'],
      ['SOON', `starts_at = now() + interval '1 day'`, 10_000, 'not_started'],
      [
        'OVER',
        `expires_at = now() - interval '1 second', starts_at = now() - interval '1 day'`,
        10_000,
        'expired',
      ],
      ['MIN', 'min_purchase_amount = 50', 4_999, 'below_minimum'],
    ])('%s is refused with DISCOUNT_INVALID (%s → %s)', async (code, change, subtotal, reason) => {
      if (change) {
        const id = await create(code, '');
        await sql.query(`UPDATE discounts SET ${change} WHERE id = $1`, [id]);
      }
      const error = await dataSource
        .transaction((tx) => service.consume(tx, storeA, code, subtotal))
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(AppException);
      expect((error as AppException).code).toBe('DISCOUNT_INVALID');
      expect((error as AppException).details).toEqual({ reason });
    });

    it('release gives one use back and never goes below zero', async () => {
      const id = await create('BACK', 'max_uses, times_used', [2, 1]);
      await dataSource.transaction((tx) => service.release(tx, id));
      await dataSource.transaction((tx) => service.release(tx, id));
      const row = await sql.query(`SELECT times_used FROM discounts WHERE id = $1`, [id]);
      expect(row.rows[0].times_used).toBe(0);
    });
  });

  describe('discountAmount', () => {
    it.each([
      ['percentage', 1000, 1999, 200], // 10 % of 19.99 = 1.999 → 2.00 (half up)
      ['percentage', 1050, 10_000, 1050],
      ['percentage', 10_000, 12_345, 12_345],
      ['percentage', 333, 100, 3], // 3.33 % of 1.00 = 0.0333 → 0.03
      ['fixed', 500, 1999, 500],
      ['fixed', 5000, 1999, 1999], // never below zero
    ] as const)('%s %d on %d → %d', (type, value, subtotal, expected) => {
      expect(discountAmount({ type, value }, subtotal)).toBe(expected);
    });
  });
});
