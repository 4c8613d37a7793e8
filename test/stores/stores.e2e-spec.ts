/** Stores: the public list and super-admin create/update, on the real app and database. */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { StoresService } from '../../src/stores/stores.service';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';

describe('stores', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let superAdmin: TestUser;
  let admin: TestUser;
  let customer: TestUser;
  const http = () => request(app.getHttpServer());
  const auditCount = async () => Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count);

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    superAdmin = await createTestUser(app, 'super_admin');
    admin = await createTestUser(app, 'admin');
    customer = await createTestUser(app, 'customer');
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  let storeId: string;

  it('a super admin creates a store: slug from the name, money and rate as strings, one audit row', async () => {
    const before = await auditCount();
    const res = await http()
      .post('/api/admin/stores')
      .set(bearer(superAdmin))
      .send({ name: 'Café Grande Shop', currency: 'EUR', taxRate: 0.2, shippingFlat: '4.5' })
      .expect(201);
    expect(res.body).toEqual(
      expect.objectContaining({
        slug: 'cafe-grande-shop',
        name: 'Café Grande Shop',
        currency: 'EUR',
        taxRate: '0.2000',
        shippingFlat: '4.50',
        isActive: true,
      }),
    );
    storeId = res.body.id;
    expect(await auditCount()).toBe(before + 1);
    const log = await sql.query(
      `SELECT action, entity_id, store_id, user_id FROM logs ORDER BY created_at DESC LIMIT 1`,
    );
    expect(log.rows[0]).toEqual({
      action: 'store.create',
      entity_id: storeId,
      store_id: storeId,
      user_id: superAdmin.id,
    });
  });

  it('slugs are unique: 409 SLUG_TAKEN, also for a concurrent pair, nothing audited', async () => {
    const before = await auditCount();
    const dup = await http()
      .post('/api/admin/stores')
      .set(bearer(superAdmin))
      .send({ name: 'Other', slug: 'cafe-grande-shop' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('SLUG_TAKEN');
    const pair = await Promise.all(
      [1, 2].map(() => http().post('/api/admin/stores').set(bearer(superAdmin)).send({ name: 'Twin' })),
    );
    expect(pair.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(pair.find((r) => r.status === 409)?.body.code).toBe('SLUG_TAKEN');
    expect(await auditCount()).toBe(before + 1);
  });

  it.each([
    [{ name: 'X', currency: 'usd' }, 'currency'],
    [{ name: 'X', currency: 'ABC' }, 'currency'],
    [{ name: 'X', taxRate: '1.5' }, 'taxRate'],
    [{ name: 'X', taxRate: '0.12345' }, 'taxRate'],
    [{ name: 'X', shippingFlat: '1.999' }, 'shippingFlat'],
    [{ name: 'X', shippingFlat: -1 }, 'shippingFlat'],
    [{ name: 'X', slug: 'Bad Slug' }, 'slug'],
    [{ name: '' }, 'name'],
    [{ name: 'X', currency: null }, 'currency'],
    [{ name: 'X', isActive: null }, 'isActive'],
    [{ name: 'X', owner: 'me' }, 'owner'],
  ])('rejects %j with 400 naming %s, writing nothing', async (body, field) => {
    const before = await auditCount();
    const res = await http().post('/api/admin/stores').set(bearer(superAdmin)).send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.details)).toContain(field);
    expect(await auditCount()).toBe(before);
  });

  it('create and update are super-only: an admin gets 403, a customer 403, no token 401', async () => {
    await http().post('/api/admin/stores').set(bearer(admin)).send({ name: 'Nope' }).expect(403);
    await http().patch(`/api/admin/stores/${storeId}`).set(bearer(admin)).send({ name: 'Nope' }).expect(403);
    await http().post('/api/admin/stores').set(bearer(customer)).send({ name: 'Nope' }).expect(403);
    await http().post('/api/admin/stores').send({ name: 'Nope' }).expect(401);
    // Admins may read.
    await http().get(`/api/admin/stores/${storeId}`).set(bearer(admin)).expect(200);
    const rows = await sql.query(`SELECT count(*)::int AS n FROM stores WHERE name = 'Nope'`);
    expect(rows.rows[0].n).toBe(0);
  });

  it('updates, auditing only the changed fields; an unchanged PATCH writes no audit row', async () => {
    const res = await http()
      .patch(`/api/admin/stores/${storeId}`)
      .set(bearer(superAdmin))
      .send({ name: 'Café', taxRate: '0.2', shippingFlat: 5 })
      .expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({ name: 'Café', taxRate: '0.2000', shippingFlat: '5.00' }),
    );
    const log = await sql.query(`SELECT details FROM logs WHERE action = 'store.update' AND entity_id = $1`, [
      storeId,
    ]);
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0].details).toEqual({
      name: { before: 'Café Grande Shop', after: 'Café' },
      shippingFlat: { before: 450, after: 500 },
    });
    const before = await auditCount();
    await http()
      .patch(`/api/admin/stores/${storeId}`)
      .set(bearer(superAdmin))
      .send({ name: 'Café' })
      .expect(200);
    expect(await auditCount()).toBe(before);
  });

  it('unknown store 404, malformed id 400, slug clash on update 409', async () => {
    const unknown = await http()
      .patch('/api/admin/stores/00000000-0000-0000-0000-000000000000')
      .set(bearer(superAdmin))
      .send({ name: 'Ghost' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('STORE_NOT_FOUND');
    await http().patch('/api/admin/stores/nope').set(bearer(superAdmin)).send({ name: 'Ghost' }).expect(400);
    const clash = await http()
      .patch(`/api/admin/stores/${storeId}`)
      .set(bearer(superAdmin))
      .send({ slug: 'twin' });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('SLUG_TAKEN');
    await expect(
      app.get(StoresService).requireStore('00000000-0000-0000-0000-000000000001'),
    ).rejects.toMatchObject({
      code: 'STORE_NOT_FOUND',
    });
  });

  it('GET /stores is public and lists active stores only, with {id, slug, name, currency}', async () => {
    await http()
      .patch(`/api/admin/stores/${storeId}`)
      .set(bearer(superAdmin))
      .send({ isActive: false })
      .expect(200);
    const res = await http().get('/api/stores').expect(200);
    expect(res.body).toEqual([{ id: expect.any(String), slug: 'twin', name: 'Twin', currency: 'USD' }]);
    const all = await http().get('/api/admin/stores').set(bearer(admin)).expect(200);
    expect(all.body.total).toBe(2);
    expect((all.body.items as Array<{ slug: string }>).map((s) => s.slug)).toContain('cafe-grande-shop');
  });
});
