/** Shipping zones and methods: admin CRUD, validation, cross-store 404s, audit, on the real app and database. */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';

const fieldsOf = (body: unknown) =>
  (body as { details: Array<{ field: string }> }).details.map((d) => d.field);
const namesOf = (body: unknown) => (body as { items: Array<{ name: string }> }).items.map((i) => i.name);

describe('shipping admin', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let customer: TestUser;
  let storeA: string;
  let storeB: string;
  const http = () => request(app.getHttpServer());
  const zones = (storeId: string) => `/api/admin/stores/${storeId}/shipping-zones`;
  const methods = (storeId: string) => `/api/admin/stores/${storeId}/shipping-methods`;
  const lastAudit = async () =>
    (
      await sql.query<{
        action: string;
        entity_id: string;
        store_id: string;
        details: Record<string, unknown>;
      }>(`SELECT action, entity_id, store_id, details FROM logs ORDER BY created_at DESC, id DESC LIMIT 1`)
    ).rows[0];
  const auditCount = async () => Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count);
  const createZone = (body: object, storeId = storeA) =>
    http().post(zones(storeId)).set(bearer(admin)).send(body);
  const createMethod = (body: object, storeId = storeA) =>
    http().post(methods(storeId)).set(bearer(admin)).send(body);

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    const stores = await sql.query<{ id: string }>(
      `INSERT INTO stores (slug, name) VALUES ('ship-a', 'A'), ('ship-b', 'B') RETURNING id`,
    );
    [storeA, storeB] = stores.rows.map((r) => r.id);
    // A super admin acts in every store, whatever the per-store enforcement decides for plain admins.
    admin = await createTestUser(app, 'super_admin');
    customer = await createTestUser(app, 'customer');
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  describe('zones', () => {
    let zoneId: string;

    it('creates a zone: countries sorted without repeats, one audit row', async () => {
      const res = await createZone({ name: 'DACH', countries: ['DE', 'CH', 'AT', 'DE'] }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        storeId: storeA,
        name: 'DACH',
        countries: ['AT', 'CH', 'DE'],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      zoneId = res.body.id;
      expect(await lastAudit()).toEqual({
        action: 'shipping_zone.create',
        entity_id: zoneId,
        store_id: storeA,
        details: { name: 'DACH', countries: ['AT', 'CH', 'DE'] },
      });
    });

    it.each([
      [{ name: 'x', countries: ['de'] }, 'countries'],
      [{ name: 'x', countries: ['XX'] }, 'countries'],
      [{ name: 'x', countries: ['UK'] }, 'countries'],
      [{ name: 'x', countries: ['DEU'] }, 'countries'],
      [{ name: 'x', countries: [] }, 'countries'],
      [{ name: 'x', countries: 'DE' }, 'countries'],
      [{ name: 'x', countries: [7] }, 'countries'],
      [{ name: '', countries: ['DE'] }, 'name'],
      [{ countries: ['DE'] }, 'name'],
      [{ name: 'x', countries: ['DE'], extra: 1 }, 'extra'],
    ])('refuses %j with 400 naming %s, writing nothing', async (body, field) => {
      const before = await auditCount();
      const res = await createZone(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.body)).toContain(field);
      expect(await auditCount()).toBe(before);
    });

    it('lists zones paged, by name; an unknown store is 404 STORE_NOT_FOUND', async () => {
      await createZone({ name: 'Americas', countries: ['US', 'CA'] }).expect(201);
      await createZone({ name: 'Elsewhere', countries: ['JP'] }, storeB).expect(201);
      const page = await http()
        .get(`${zones(storeA)}?limit=1`)
        .set(bearer(admin))
        .expect(200);
      expect(page.body).toEqual({
        items: [expect.objectContaining({ name: 'Americas' })],
        total: 2,
        page: 1,
        limit: 1,
      });
      const second = await http()
        .get(`${zones(storeA)}?limit=1&page=2`)
        .set(bearer(admin))
        .expect(200);
      expect(namesOf(second.body)).toEqual(['DACH']);
      const unknown = await http()
        .get(zones('00000000-0000-4000-8000-000000000000'))
        .set(bearer(admin))
        .expect(404);
      expect(unknown.body.code).toBe('STORE_NOT_FOUND');
      await http()
        .get(`${zones(storeA)}?limit=101`)
        .set(bearer(admin))
        .expect(400);
    });

    it('gets and patches a zone (audited diff); another store’s zone is 404', async () => {
      await http()
        .get(`${zones(storeA)}/${zoneId}`)
        .set(bearer(admin))
        .expect(200);
      const res = await http()
        .patch(`${zones(storeA)}/${zoneId}`)
        .set(bearer(admin))
        .send({ countries: ['DE', 'AT'] })
        .expect(200);
      expect(res.body.countries).toEqual(['AT', 'DE']);
      expect((await lastAudit()).details).toEqual({
        countries: { before: ['AT', 'CH', 'DE'], after: ['AT', 'DE'] },
      });
      for (const req of [
        http().get(`${zones(storeB)}/${zoneId}`),
        http()
          .patch(`${zones(storeB)}/${zoneId}`)
          .send({ name: 'stolen' }),
        http().delete(`${zones(storeB)}/${zoneId}`),
      ]) {
        const miss = await req.set(bearer(admin)).expect(404);
        expect(miss.body.code).toBe('SHIPPING_ZONE_NOT_FOUND');
      }
      const bad = await http()
        .patch(`${zones(storeA)}/${zoneId}`)
        .set(bearer(admin))
        .send({ name: null })
        .expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      await http()
        .get(`${zones(storeA)}/not-a-uuid`)
        .set(bearer(admin))
        .expect(400);
    });

    it('customers get 403, anonymous callers 401', async () => {
      await http().get(zones(storeA)).set(bearer(customer)).expect(403);
      await http()
        .post(zones(storeA))
        .set(bearer(customer))
        .send({ name: 'x', countries: ['DE'] })
        .expect(403);
      await http().get(zones(storeA)).expect(401);
    });
  });

  describe('methods', () => {
    let zoneA: string;
    let zoneB: string;
    let flatId: string;

    beforeAll(async () => {
      zoneA = (await createZone({ name: 'EU', countries: ['FR', 'IT'] }).expect(201)).body.id;
      zoneB = (await createZone({ name: 'B zone', countries: ['FR'] }, storeB).expect(201)).body.id;
    });

    it('creates a flat method: money as strings, null for the other types’ fields, audited', async () => {
      const res = await createMethod({
        zoneId: zoneA,
        name: 'Standard',
        rateType: 'flat',
        amount: 4.99,
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        storeId: storeA,
        zoneId: zoneA,
        name: 'Standard',
        rateType: 'flat',
        amount: '4.99',
        freeOver: null,
        weightTiers: null,
        isActive: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      flatId = res.body.id;
      expect(await lastAudit()).toEqual(
        expect.objectContaining({ action: 'shipping_method.create', entity_id: flatId, store_id: storeA }),
      );
    });

    it('creates free_over and weight methods (weight amount defaults to 0)', async () => {
      const free = await createMethod({
        zoneId: zoneA,
        name: 'Free over 50',
        rateType: 'free_over',
        amount: '6',
        freeOver: '50',
      }).expect(201);
      expect(free.body).toEqual(
        expect.objectContaining({ amount: '6.00', freeOver: '50.00', weightTiers: null }),
      );
      const weight = await createMethod({
        zoneId: zoneA,
        name: 'By weight',
        rateType: 'weight',
        weightTiers: [
          { upToGrams: 1000, amount: '5' },
          { upToGrams: 5000, amount: 9.5 },
        ],
        isActive: false,
      }).expect(201);
      expect(weight.body).toEqual(
        expect.objectContaining({
          amount: '0.00',
          freeOver: null,
          isActive: false,
          weightTiers: [
            { upToGrams: 1000, amount: '5.00' },
            { upToGrams: 5000, amount: '9.50' },
          ],
        }),
      );
      const stored = await sql.query(`SELECT weight_tiers FROM shipping_methods WHERE id = $1`, [
        weight.body.id,
      ]);
      expect(stored.rows[0].weight_tiers).toEqual([
        { upToGrams: 1000, amount: '5.00' },
        { upToGrams: 5000, amount: '9.50' },
      ]);
    });

    const tiers = (...bounds: number[]) => bounds.map((upToGrams) => ({ upToGrams, amount: '1.00' }));
    it.each([
      ['free_over without freeOver', { rateType: 'free_over', amount: 5 }, 'freeOver'],
      ['weight without weightTiers', { rateType: 'weight' }, 'weightTiers'],
      ['weight with empty tiers', { rateType: 'weight', weightTiers: [] }, 'weightTiers'],
      ['descending tiers', { rateType: 'weight', weightTiers: tiers(2000, 1000) }, 'weightTiers'],
      ['repeated tier bounds', { rateType: 'weight', weightTiers: tiers(1000, 1000) }, 'weightTiers'],
      ['a zero tier bound', { rateType: 'weight', weightTiers: tiers(0) }, 'weightTiers.0.upToGrams'],
      ['a fractional tier bound', { rateType: 'weight', weightTiers: tiers(1.5) }, 'weightTiers.0.upToGrams'],
      [
        'a tier amount with 3 decimals',
        { rateType: 'weight', weightTiers: [{ upToGrams: 10, amount: '1.234' }] },
        'weightTiers.0.amount',
      ],
      [
        'an unknown tier field',
        { rateType: 'weight', weightTiers: [{ upToGrams: 10, amount: 1, x: 1 }] },
        'weightTiers.0.x',
      ],
      ['freeOver on flat', { rateType: 'flat', amount: 5, freeOver: 50 }, 'freeOver'],
      ['weightTiers on flat', { rateType: 'flat', amount: 5, weightTiers: tiers(10) }, 'weightTiers'],
      ['flat without amount', { rateType: 'flat' }, 'amount'],
      ['an amount with 3 decimals', { rateType: 'flat', amount: '4.999' }, 'amount'],
      ['a negative amount', { rateType: 'flat', amount: -1 }, 'amount'],
      ['freeOver 0', { rateType: 'free_over', amount: 5, freeOver: 0 }, 'freeOver'],
      ['an unknown rateType', { rateType: 'pigeon', amount: 5 }, 'rateType'],
      ['a malformed zoneId', { rateType: 'flat', amount: 5, zoneId: 'zone-1' }, 'zoneId'],
    ])('refuses %s with 400, writing nothing', async (_label, body, field) => {
      const before = await auditCount();
      const res = await createMethod({ zoneId: zoneA, name: 'M', ...body }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.body)).toContain(field);
      expect(await auditCount()).toBe(before);
    });

    it('a zone of another store is 404 SHIPPING_ZONE_NOT_FOUND, on create and on update', async () => {
      const res = await createMethod({ zoneId: zoneB, name: 'M', rateType: 'flat', amount: 1 }).expect(404);
      expect(res.body.code).toBe('SHIPPING_ZONE_NOT_FOUND');
      const moved = await http()
        .patch(`${methods(storeA)}/${flatId}`)
        .set(bearer(admin))
        .send({ zoneId: zoneB })
        .expect(404);
      expect(moved.body.code).toBe('SHIPPING_ZONE_NOT_FOUND');
      const rows = await sql.query(`SELECT count(*)::int AS n FROM shipping_methods WHERE zone_id = $1`, [
        zoneB,
      ]);
      expect(rows.rows[0].n).toBe(0);
    });

    it('another store’s method is 404 SHIPPING_METHOD_NOT_FOUND', async () => {
      for (const req of [
        http().get(`${methods(storeB)}/${flatId}`),
        http()
          .patch(`${methods(storeB)}/${flatId}`)
          .send({ name: 'x' }),
        http().delete(`${methods(storeB)}/${flatId}`),
      ]) {
        const miss = await req.set(bearer(admin)).expect(404);
        expect(miss.body.code).toBe('SHIPPING_METHOD_NOT_FOUND');
      }
    });

    it('patches: switching the rate type needs the new type’s field and clears the old one', async () => {
      const toWeight = await http()
        .patch(`${methods(storeA)}/${flatId}`)
        .set(bearer(admin))
        .send({ rateType: 'weight' })
        .expect(400);
      expect(toWeight.body.details[0].field).toBe('weightTiers');
      const toFree = await http()
        .patch(`${methods(storeA)}/${flatId}`)
        .set(bearer(admin))
        .send({ rateType: 'free_over', freeOver: '25.00' })
        .expect(200);
      expect(toFree.body).toEqual(
        expect.objectContaining({ rateType: 'free_over', amount: '4.99', freeOver: '25.00' }),
      );
      expect((await lastAudit()).details).toEqual({
        rateType: { before: 'flat', after: 'free_over' },
        freeOver: { before: null, after: 2500 },
      });
      const back = await http()
        .patch(`${methods(storeA)}/${flatId}`)
        .set(bearer(admin))
        .send({ rateType: 'flat', amount: '3.50' })
        .expect(200);
      expect(back.body).toEqual(
        expect.objectContaining({ rateType: 'flat', amount: '3.50', freeOver: null }),
      );
      const nothing = await auditCount();
      await http()
        .patch(`${methods(storeA)}/${flatId}`)
        .set(bearer(admin))
        .send({ name: 'Standard' })
        .expect(200);
      expect(await auditCount()).toBe(nothing);
      await http()
        .patch(`${methods(storeA)}/${flatId}`)
        .set(bearer(admin))
        .send({ isActive: null })
        .expect(400);
    });

    it('lists methods paged with zoneId and isActive filters; unknown store 404', async () => {
      const all = await http().get(methods(storeA)).set(bearer(admin)).expect(200);
      expect(all.body.total).toBe(3);
      const inactive = await http()
        .get(`${methods(storeA)}?isActive=false`)
        .set(bearer(admin))
        .expect(200);
      expect(namesOf(inactive.body)).toEqual(['By weight']);
      const ofZone = await http()
        .get(`${methods(storeA)}?zoneId=${zoneB}`)
        .set(bearer(admin))
        .expect(200);
      expect(ofZone.body.total).toBe(0);
      await http()
        .get(`${methods(storeA)}?zoneId=nope`)
        .set(bearer(admin))
        .expect(400);
      const unknown = await http()
        .get(methods('00000000-0000-4000-8000-000000000000'))
        .set(bearer(admin))
        .expect(404);
      expect(unknown.body.code).toBe('STORE_NOT_FOUND');
      await http()
        .get(`${methods(storeA)}/${flatId}`)
        .set(bearer(admin))
        .expect(200);
      await http().get(methods(storeA)).set(bearer(customer)).expect(403);
    });

    it('deletes a method (204, audited), then it is 404', async () => {
      const spare = await createMethod({ zoneId: zoneA, name: 'Spare', rateType: 'flat', amount: 1 }).expect(
        201,
      );
      await http()
        .delete(`${methods(storeA)}/${spare.body.id}`)
        .set(bearer(admin))
        .expect(204);
      expect(await lastAudit()).toEqual(
        expect.objectContaining({ action: 'shipping_method.delete', entity_id: spare.body.id }),
      );
      await http()
        .get(`${methods(storeA)}/${spare.body.id}`)
        .set(bearer(admin))
        .expect(404);
    });

    it('deleting a zone deletes its methods', async () => {
      await http()
        .delete(`${zones(storeA)}/${zoneA}`)
        .set(bearer(admin))
        .expect(204);
      expect((await lastAudit()).action).toBe('shipping_zone.delete');
      const rows = await sql.query(`SELECT count(*)::int AS n FROM shipping_methods WHERE zone_id = $1`, [
        zoneA,
      ]);
      expect(rows.rows[0].n).toBe(0);
      await http()
        .get(`${methods(storeA)}/${flatId}`)
        .set(bearer(admin))
        .expect(404);
    });
  });

  it('a zone deleted while methods are being created for it: each create is 201 or 404, none is left behind', async () => {
    const zone = (await createZone({ name: 'Racing', countries: ['PL'] }).expect(201)).body.id as string;
    const creates = Array.from({ length: 8 }, (_, i) =>
      createMethod({ zoneId: zone, name: `M${i}`, rateType: 'flat', amount: 1 }),
    );
    const [deleted, ...results] = await Promise.all([
      http()
        .delete(`${zones(storeA)}/${zone}`)
        .set(bearer(admin)),
      ...creates,
    ]);
    expect(deleted.status).toBe(204);
    for (const res of results) {
      expect([201, 404]).toContain(res.status);
      if (res.status === 404) expect(res.body.code).toBe('SHIPPING_ZONE_NOT_FOUND');
    }
    const left = await sql.query(`SELECT count(*)::int AS n FROM shipping_methods WHERE zone_id = $1`, [
      zone,
    ]);
    expect(left.rows[0].n).toBe(0);
  });

  describe('the database holds the rules too', () => {
    it.each([
      [`INSERT INTO shipping_zones (store_id, name, countries) VALUES ($1, 'z', '{de}')`],
      [`INSERT INTO shipping_zones (store_id, name, countries) VALUES ($1, 'z', '{}')`],
    ])('%s fails its CHECK', async (statement) => {
      await expect(sql.query(statement, [storeA])).rejects.toThrow(/chk_shipping_zones_countries/);
    });

    it('free_over needs free_over, weight needs weight_tiers, weights are >= 0', async () => {
      const zone = await sql.query<{ id: string }>(
        `INSERT INTO shipping_zones (store_id, name, countries) VALUES ($1, 'z', '{DE}') RETURNING id`,
        [storeA],
      );
      const insert = (rateType: string, freeOver: number | null, tiers: string | null) =>
        sql.query(
          `INSERT INTO shipping_methods (store_id, zone_id, name, rate_type, amount, free_over, weight_tiers)
           VALUES ($1, $2, 'm', $3, 1, $4, $5::jsonb)`,
          [storeA, zone.rows[0].id, rateType, freeOver, tiers],
        );
      await expect(insert('free_over', null, null)).rejects.toThrow(/chk_shipping_methods_free_over/);
      await expect(insert('flat', 10, null)).rejects.toThrow(/chk_shipping_methods_free_over/);
      await expect(insert('weight', null, null)).rejects.toThrow(/chk_shipping_methods_weight_tiers/);
      await expect(insert('weight', null, '{}')).rejects.toThrow(/chk_shipping_methods_weight_tiers/);
      await expect(insert('weight', null, '[]')).rejects.toThrow(/chk_shipping_methods_weight_tiers/);
      await expect(insert('flat', null, '[]')).rejects.toThrow(/chk_shipping_methods_weight_tiers/);
      const product = await sql.query<{ id: string }>(
        `INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'P', 'p-db', 1) RETURNING id`,
        [storeA],
      );
      await expect(
        sql.query(
          `INSERT INTO product_variants (store_id, product_id, sku, name, weight_grams) VALUES ($1, $2, 'W', 'W', -1)`,
          [storeA, product.rows[0].id],
        ),
      ).rejects.toThrow(/chk_product_variants_weight/);
    });
  });
});
