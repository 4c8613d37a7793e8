/** /api/me/addresses: CRUD, exactly one default per user (under concurrency too), owner checks, deleting a shipped-to address. */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';

const ADDRESS = {
  fullName: 'Ada Lovelace',
  phone: '+44 20 7946 0000',
  addressLine1: '12 St James Square',
  city: 'London',
  state: '',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
};

describe('customer addresses', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  const http = () => request(app.getHttpServer());
  const auditCount = async () => Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count);
  const defaultsOf = async (userId: string) =>
    (await sql.query<{ id: string }>(`SELECT id FROM addresses WHERE user_id = $1 AND is_default`, [userId]))
      .rows;
  const countOf = async (userId: string) =>
    Number((await sql.query(`SELECT count(*) FROM addresses WHERE user_id = $1`, [userId])).rows[0].count);
  const create = async (user: TestUser, body: object = {}) => {
    const res = await http()
      .post('/api/me/addresses')
      .set(bearer(user))
      .send({ ...ADDRESS, ...body })
      .expect(201);
    return res.body as { id: string; isDefault: boolean };
  };

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  describe('create and list', () => {
    let user: TestUser;
    beforeAll(async () => {
      user = await createTestUser(app);
    });

    it('the first address is the default even without isDefault; the shape; one audit row', async () => {
      const before = await auditCount();
      const res = await http()
        .post('/api/me/addresses')
        .set(bearer(user))
        .send({ ...ADDRESS, country: 'gb', addressLine2: 'Flat 1' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        ...ADDRESS,
        addressLine2: 'Flat 1',
        country: 'GB',
        isDefault: true,
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: expect.stringMatching(/Z$/),
      });
      expect(await auditCount()).toBe(before + 1);
      const log = await sql.query(
        `SELECT action, user_id, entity_id FROM logs ORDER BY created_at DESC LIMIT 1`,
      );
      expect(log.rows[0]).toEqual({ action: 'address.create', user_id: user.id, entity_id: res.body.id });
    });

    it('a second address without isDefault is not the default; with isDefault it replaces the old one', async () => {
      const first = (await defaultsOf(user.id))[0].id;
      const plain = await create(user);
      expect(plain.isDefault).toBe(false);
      expect(await defaultsOf(user.id)).toEqual([{ id: first }]);

      const preferred = await create(user, { isDefault: true });
      expect(preferred.isDefault).toBe(true);
      expect(await defaultsOf(user.id)).toEqual([{ id: preferred.id }]);
    });

    it('lists only the caller’s addresses, the default first', async () => {
      const other = await createTestUser(app);
      await create(other);
      const res = await http().get('/api/me/addresses').set(bearer(user)).expect(200);
      const list = res.body as Array<{ id: string; isDefault: boolean }>;
      expect(list).toHaveLength(3);
      expect(list[0].isDefault).toBe(true);
      expect(list.filter((a) => a.isDefault)).toHaveLength(1);
      const rows = await sql.query<{ id: string }>(`SELECT id FROM addresses WHERE user_id = $1`, [user.id]);
      expect(list.map((a) => a.id).sort()).toEqual(rows.rows.map((r) => r.id).sort());
    });

    it.each([
      ['country of 3 letters', { country: 'GBR' }],
      ['country with a digit', { country: 'G1' }],
      ['a code no country has (XX)', { country: 'XX' }],
      ['UK (the code is GB)', { country: 'uk' }],
      ['country empty', { country: '' }],
      ['country not a string', { country: 44 }],
      ['missing city', { city: undefined }],
      ['empty fullName', { fullName: '' }],
      ['isDefault not a boolean', { isDefault: 'yes' }],
      ['an unknown field', { nickname: 'home' }],
      ['a userId (someone else’s address book)', { userId: randomUUID() }],
      ['addressLine1 too long', { addressLine1: 'x'.repeat(201) }],
    ])('400 VALIDATION_FAILED for %s, writing nothing', async (_name, patch) => {
      const before = { addresses: await countOf(user.id), audit: await auditCount() };
      const res = await http()
        .post('/api/me/addresses')
        .set(bearer(user))
        .send({ ...ADDRESS, ...patch });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect({ addresses: await countOf(user.id), audit: await auditCount() }).toEqual(before);
    });

    it('20 concurrent creates with isDefault: all 201, exactly one default afterwards (in SQL)', async () => {
      const racer = await createTestUser(app);
      await create(racer); // an existing default that all 20 try to replace
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          http()
            .post('/api/me/addresses')
            .set(bearer(racer))
            .send({ ...ADDRESS, addressLine1: `${i} Race St`, isDefault: true }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(await countOf(racer.id)).toBe(21);
      const defaults = await defaultsOf(racer.id);
      expect(defaults).toHaveLength(1);
      // The survivor is one of the 20 (the last to commit), and the API agrees with the database.
      const list = await http().get('/api/me/addresses').set(bearer(racer)).expect(200);
      expect(list.body[0]).toEqual(expect.objectContaining({ id: defaults[0].id, isDefault: true }));
      expect(list.body[0].addressLine1).toMatch(/Race St$/);
    });

    it('10 concurrent PATCH isDefault on 10 addresses plus deletes of the default: no 500, one default', async () => {
      const racer = await createTestUser(app);
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push((await create(racer, { addressLine1: `${i} Patch St` })).id);
      const [firstDefault] = ids; // the first address became the default
      const results = await Promise.all([
        ...ids
          .slice(2)
          .map((id) => http().patch(`/api/me/addresses/${id}`).set(bearer(racer)).send({ isDefault: true })),
        http().delete(`/api/me/addresses/${firstDefault}`).set(bearer(racer)),
        http().delete(`/api/me/addresses/${ids[1]}`).set(bearer(racer)),
      ]);
      expect(results.map((r) => r.status)).toEqual([...Array(10).fill(200), 204, 204]);
      expect(await countOf(racer.id)).toBe(10);
      expect(await defaultsOf(racer.id)).toHaveLength(1);
    });

    it('the database itself refuses a second default (partial unique index of migration 0009)', async () => {
      const [{ id }] = await defaultsOf(user.id);
      expect(id).toBeDefined();
      await expect(
        sql.query(
          `INSERT INTO addresses (user_id, full_name, phone, address_line1, city, state, postal_code, country, is_default)
           VALUES ($1, 'x', 'x', 'x', 'x', '', 'x', 'GB', TRUE)`,
          [user.id],
        ),
      ).rejects.toMatchObject({ code: '23505', constraint: 'uq_addresses_one_default' });
    });
  });

  describe('update and delete', () => {
    let owner: TestUser;
    let intruder: TestUser;
    let home: string;
    let work: string;

    beforeAll(async () => {
      owner = await createTestUser(app);
      intruder = await createTestUser(app);
      home = (await create(owner, { addressLine1: 'Home' })).id;
      work = (await create(owner, { addressLine1: 'Work' })).id;
    });

    it('PATCH changes the given fields only; one audit row with before/after', async () => {
      const before = await auditCount();
      const res = await http()
        .patch(`/api/me/addresses/${work}`)
        .set(bearer(owner))
        .send({ city: 'Manchester', country: 'gb' })
        .expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          id: work,
          city: 'Manchester',
          country: 'GB',
          addressLine1: 'Work',
          isDefault: false,
        }),
      );
      expect(await auditCount()).toBe(before + 1);
      const log = await sql.query(`SELECT action, details FROM logs ORDER BY created_at DESC LIMIT 1`);
      expect(log.rows[0]).toEqual({
        action: 'address.update',
        details: { city: { before: 'London', after: 'Manchester' } },
      });
    });

    it('PATCH isDefault: true moves the default in one step; false on the default is 409', async () => {
      await http()
        .patch(`/api/me/addresses/${work}`)
        .set(bearer(owner))
        .send({ isDefault: true })
        .expect(200);
      expect(await defaultsOf(owner.id)).toEqual([{ id: work }]);
      const refused = await http()
        .patch(`/api/me/addresses/${work}`)
        .set(bearer(owner))
        .send({ isDefault: false });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('DEFAULT_ADDRESS_REQUIRED');
      expect(await defaultsOf(owner.id)).toEqual([{ id: work }]);
    });

    it.each([
      ['country of 3 letters', { country: 'USA' }],
      ['a code no country has (ZZ)', { country: 'ZZ' }],
      ['null for a required field', { city: null }],
      ['an unknown field', { userId: randomUUID() }],
      ['isDefault null', { isDefault: null }],
    ])('PATCH 400 for %s, changing nothing', async (_name, body) => {
      const before = await sql.query(`SELECT * FROM addresses WHERE id = $1`, [home]);
      const audit = await auditCount();
      const res = await http().patch(`/api/me/addresses/${home}`).set(bearer(owner)).send(body);
      expect(res.status).toBe(400);
      expect((await sql.query(`SELECT * FROM addresses WHERE id = $1`, [home])).rows).toEqual(before.rows);
      expect(await auditCount()).toBe(audit);
    });

    it('another customer’s address is 404 for PATCH and DELETE, and stays as it was', async () => {
      const before = await sql.query(`SELECT * FROM addresses WHERE id = $1`, [home]);
      const audit = await auditCount();
      const patch = await http()
        .patch(`/api/me/addresses/${home}`)
        .set(bearer(intruder))
        .send({ city: 'Elsewhere' });
      expect(patch.status).toBe(404);
      expect(patch.body.code).toBe('ADDRESS_NOT_FOUND');
      const del = await http().delete(`/api/me/addresses/${home}`).set(bearer(intruder));
      expect(del.status).toBe(404);
      expect(del.body.code).toBe('ADDRESS_NOT_FOUND');
      // Exactly what an unknown id gets: the intruder learns nothing.
      const unknown = await http().delete(`/api/me/addresses/${randomUUID()}`).set(bearer(intruder));
      expect({ status: unknown.status, body: unknown.body }).toEqual({ status: del.status, body: del.body });
      expect((await sql.query(`SELECT * FROM addresses WHERE id = $1`, [home])).rows).toEqual(before.rows);
      expect(await auditCount()).toBe(audit);
    });

    it('a malformed id is 400 INVALID_ID', async () => {
      const res = await http().patch('/api/me/addresses/not-a-uuid').set(bearer(owner)).send({ city: 'X' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_ID');
      await http().delete('/api/me/addresses/123').set(bearer(owner)).expect(400);
    });

    it('an address an order ships to can be deleted: the order keeps its own copy (no ADDRESS_IN_USE)', async () => {
      const shipped = (await create(owner, { addressLine1: 'Shipped St 1' })).id;
      const [store] = (
        await sql.query<{ id: string }>(
          `INSERT INTO stores (slug, name) VALUES ('addr-store', 'S') RETURNING id`,
        )
      ).rows;
      const [order] = (
        await sql.query<{ id: string }>(
          `INSERT INTO orders (store_id, user_id, order_number, subtotal, total, shipping_address_id, shipping_address)
           VALUES ($1, $2, generate_order_number(), 10, 10, $3, '{"addressLine1": "Shipped St 1"}') RETURNING id`,
          [store.id, owner.id, shipped],
        )
      ).rows;
      const audit = await auditCount();
      await http().delete(`/api/me/addresses/${shipped}`).set(bearer(owner)).expect(204);
      expect(await auditCount()).toBe(audit + 1);
      const after = await sql.query(
        `SELECT shipping_address_id, shipping_address FROM orders WHERE id = $1`,
        [order.id],
      );
      expect(after.rows).toEqual([
        { shipping_address_id: null, shipping_address: { addressLine1: 'Shipped St 1' } },
      ]);
    });

    it('deleting the default promotes the newest remaining address; one audit row', async () => {
      const third = (await create(owner, { addressLine1: 'Third' })).id;
      const audit = await auditCount();
      await http().delete(`/api/me/addresses/${work}`).set(bearer(owner)).expect(204);
      expect(await defaultsOf(owner.id)).toEqual([{ id: third }]);
      expect(await auditCount()).toBe(audit + 1);
      await http().delete(`/api/me/addresses/${third}`).set(bearer(owner)).expect(204);
      expect(await defaultsOf(owner.id)).toEqual([{ id: home }]);
      await http().delete(`/api/me/addresses/${third}`).set(bearer(owner)).expect(404);
    });
  });
});
