/**
 * Tax rates (admin CRUD under /admin/stores/:storeId/tax-rates), the store and product tax settings,
 * and TaxService.ratesFor on the real app and database.
 */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppException } from '../../src/common/errors';
import { TaxService } from '../../src/tax/tax.service';
import { TAX_CLASSES } from '../../src/tax/tax.types';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';

describe('tax rates', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let superAdmin: TestUser;
  let customer: TestUser;
  let storeA: string;
  let storeB: string;
  const http = () => request(app.getHttpServer());
  const base = (storeId: string) => `/api/admin/stores/${storeId}/tax-rates`;
  const countRates = async () => Number((await sql.query(`SELECT count(*) FROM tax_rates`)).rows[0].count);
  const lastAudit = async (): Promise<Record<string, unknown>> =>
    (
      await sql.query<Record<string, unknown>>(
        `SELECT action, entity_id, store_id, user_id, details FROM logs ORDER BY created_at DESC, id DESC LIMIT 1`,
      )
    ).rows[0];

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    const stores = await sql.query<{ id: string }>(
      `INSERT INTO stores (slug, name, tax_rate) VALUES ('a', 'A', 0.0825), ('b', 'B', 0) RETURNING id`,
    );
    [storeA, storeB] = stores.rows.map((r) => r.id);
    admin = await createTestUser(app, 'admin');
    superAdmin = await createTestUser(app, 'super_admin');
    customer = await createTestUser(app, 'customer');
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  it('TAX_CLASSES lists exactly what the CHECKs of products and tax_rates allow', async () => {
    const rows = await sql.query<{ conname: string; def: string }>(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conname IN ('chk_products_tax_class', 'chk_tax_rates_class') ORDER BY conname`,
    );
    expect(rows.rows.map((r) => r.conname)).toEqual(['chk_products_tax_class', 'chk_tax_rates_class']);
    for (const { def } of rows.rows) {
      expect([...def.matchAll(/'([^']*)'/g)].map((m) => m[1]).sort()).toEqual([...TAX_CLASSES].sort());
    }
  });

  describe('CRUD', () => {
    let id: string;

    it('creates a rate: country and region normalised, rate as "19.00", audited', async () => {
      const res = await http()
        .post(base(storeA))
        .set(bearer(admin))
        .send({ country: 'de', region: ' by ', taxClass: 'standard', rate: '19' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        storeId: storeA,
        country: 'DE',
        region: 'BY',
        taxClass: 'standard',
        rate: '19.00',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      id = res.body.id;
      expect(await lastAudit()).toEqual({
        action: 'tax_rate.create',
        entity_id: id,
        store_id: storeA,
        user_id: admin.id,
        details: { country: 'DE', region: 'BY', taxClass: 'standard', rate: '19.00' },
      });
      const row = await sql.query(`SELECT rate::text, region FROM tax_rates WHERE id = $1`, [id]);
      expect(row.rows[0]).toEqual({ rate: '19.00', region: 'BY' });
    });

    it('a country-wide rate (no region) and a number rate with two decimals', async () => {
      const res = await http()
        .post(base(storeA))
        .set(bearer(admin))
        .send({ country: 'DE', taxClass: 'reduced', rate: 7.5 })
        .expect(201);
      expect(res.body).toMatchObject({ country: 'DE', region: null, taxClass: 'reduced', rate: '7.50' });
      await http()
        .post(base(storeA))
        .set(bearer(admin))
        .send({ country: 'DE', region: null, taxClass: 'zero', rate: 0 })
        .expect(201);
    });

    it('duplicates are 409 TAX_RATE_EXISTS (region compared case-insensitively, null region too); other stores are separate', async () => {
      const before = await countRates();
      const dupRegion = await http()
        .post(base(storeA))
        .set(bearer(admin))
        .send({ country: 'DE', region: 'by', taxClass: 'standard', rate: '10.00' })
        .expect(409);
      expect(dupRegion.body.code).toBe('TAX_RATE_EXISTS');
      const dupCountry = await http()
        .post(base(storeA))
        .set(bearer(admin))
        .send({ country: 'de', taxClass: 'reduced', rate: '5' })
        .expect(409);
      expect(dupCountry.body.code).toBe('TAX_RATE_EXISTS');
      expect(await countRates()).toBe(before);
      await http()
        .post(base(storeB))
        .set(bearer(admin))
        .send({ country: 'DE', region: 'BY', taxClass: 'standard', rate: '19' })
        .expect(201);
    });

    it('concurrent creates of one destination and class: exactly one wins', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          http()
            .post(base(storeA))
            .set(bearer(admin))
            .send({ country: 'FR', taxClass: 'standard', rate: `${20 + i}` }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'TAX_RATE_EXISTS')).toBe(
        true,
      );
      const rows = await sql.query(
        `SELECT count(*)::int AS n FROM tax_rates WHERE store_id = $1 AND country = 'FR'`,
        [storeA],
      );
      expect(rows.rows[0].n).toBe(1);
    });

    it.each([
      [{ country: 'DE', taxClass: 'standard', rate: '19.001' }, 'rate'],
      [{ country: 'DE', taxClass: 'standard', rate: 19.005 }, 'rate'],
      [{ country: 'DE', taxClass: 'standard', rate: '100.01' }, 'rate'],
      [{ country: 'DE', taxClass: 'standard', rate: -1 }, 'rate'],
      [{ country: 'DE', taxClass: 'standard', rate: 'abc' }, 'rate'],
      [{ country: 'DE', taxClass: 'standard' }, 'rate'],
      [{ country: 'DEU', taxClass: 'standard', rate: '1' }, 'country'],
      [{ taxClass: 'standard', rate: '1' }, 'country'],
      [{ country: 'DE', taxClass: 'luxury', rate: '1' }, 'taxClass'],
      [{ country: 'DE', region: '  ', taxClass: 'standard', rate: '1' }, 'region'],
      [{ country: 'DE', region: 'x'.repeat(101), taxClass: 'standard', rate: '1' }, 'region'],
      [{ country: 'IT', taxClass: 'zero', rate: '4.00' }, 'rate'],
      [{ country: 'IT', taxClass: 'standard', rate: '1', extra: true }, 'extra'],
    ])('400 VALIDATION_FAILED for %j, nothing written', async (body, field) => {
      const before = await countRates();
      const res = await http().post(base(storeA)).set(bearer(admin)).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.details ?? res.body.message)).toContain(field);
      expect(await countRates()).toBe(before);
    });

    it('accepts the bounds 0 and 100', async () => {
      await http()
        .post(base(storeA))
        .set(bearer(admin))
        .send({ country: 'AT', taxClass: 'standard', rate: 0 })
        .expect(201);
      const res = await http()
        .post(base(storeA))
        .set(bearer(admin))
        .send({ country: 'AT', taxClass: 'reduced', rate: '100' })
        .expect(201);
      expect(res.body.rate).toBe('100.00');
    });

    it('lists paged and filtered; country-wide first', async () => {
      const all = await http().get(base(storeA)).set(bearer(admin)).query({ limit: 2 }).expect(200);
      expect(all.body).toMatchObject({ page: 1, limit: 2, total: 6 });
      expect(all.body.items).toHaveLength(2);
      const de = await http().get(base(storeA)).set(bearer(admin)).query({ country: 'de' }).expect(200);
      expect(
        (de.body as { items: Array<{ region: string | null; taxClass: string }> }).items.map((r) => [
          r.region,
          r.taxClass,
        ]),
      ).toEqual([
        [null, 'reduced'],
        [null, 'zero'],
        ['BY', 'standard'],
      ]);
      const reduced = await http()
        .get(base(storeA))
        .set(bearer(admin))
        .query({ taxClass: 'reduced' })
        .expect(200);
      expect(reduced.body.total).toBe(2);
      await http().get(base(storeA)).set(bearer(admin)).query({ taxClass: 'nope' }).expect(400);
      await http().get(base(storeA)).set(bearer(admin)).query({ limit: 101 }).expect(400);
    });

    it('an unknown store is 404 STORE_NOT_FOUND; a malformed id is 400', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      const list = await http().get(base(unknown)).set(bearer(admin)).expect(404);
      expect(list.body.code).toBe('STORE_NOT_FOUND');
      const create = await http()
        .post(base(unknown))
        .set(bearer(admin))
        .send({ country: 'DE', taxClass: 'standard', rate: '19' })
        .expect(404);
      expect(create.body.code).toBe('STORE_NOT_FOUND');
      await http().get(base('not-a-uuid')).set(bearer(admin)).expect(400);
      await http()
        .get(`${base(storeA)}/not-a-uuid`)
        .set(bearer(admin))
        .expect(400);
    });

    it('gets a rate; another store’s rate is 404', async () => {
      const res = await http()
        .get(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .expect(200);
      expect(res.body).toMatchObject({ id, rate: '19.00' });
      const cross = await http()
        .get(`${base(storeB)}/${id}`)
        .set(bearer(admin))
        .expect(404);
      expect(cross.body.code).toBe('TAX_RATE_NOT_FOUND');
    });

    it('updates only what is sent, audited with before/after; region null → the whole country', async () => {
      const res = await http()
        .patch(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .send({ rate: '18.50' })
        .expect(200);
      expect(res.body).toMatchObject({
        id,
        country: 'DE',
        region: 'BY',
        taxClass: 'standard',
        rate: '18.50',
      });
      expect(await lastAudit()).toMatchObject({
        action: 'tax_rate.update',
        entity_id: id,
        details: { rate: { before: '19.00', after: '18.50' } },
      });
      const whole = await http()
        .patch(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .send({ region: null })
        .expect(200);
      expect(whole.body.region).toBeNull();
      // Nothing changed: no audit row.
      const audits = Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count);
      await http()
        .patch(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .send({ rate: 18.5 })
        .expect(200);
      expect(Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count)).toBe(audits);
    });

    it('an update onto an existing destination is 409; bad values 400; cross-store 404; nothing changes', async () => {
      // DE country-wide reduced exists: moving this (standard) rate's class there collides.
      const dup = await http()
        .patch(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .send({ taxClass: 'reduced' })
        .expect(409);
      expect(dup.body.code).toBe('TAX_RATE_EXISTS');
      for (const body of [
        { country: null },
        { rate: null },
        { taxClass: null },
        { rate: '1.999' },
        { taxClass: 'zero' },
      ]) {
        const bad = await http()
          .patch(`${base(storeA)}/${id}`)
          .set(bearer(admin))
          .send(body);
        expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      }
      const cross = await http()
        .patch(`${base(storeB)}/${id}`)
        .set(bearer(admin))
        .send({ rate: '1' })
        .expect(404);
      expect(cross.body.code).toBe('TAX_RATE_NOT_FOUND');
      const row = await sql.query(`SELECT tax_class, rate::text FROM tax_rates WHERE id = $1`, [id]);
      expect(row.rows[0]).toEqual({ tax_class: 'standard', rate: '18.50' });
    });

    it('a body over the size limit is 413', async () => {
      await http()
        .post(base(storeA))
        .set(bearer(admin))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ country: 'DE', taxClass: 'standard', rate: '1', region: 'x'.repeat(200_000) }))
        .expect(413);
      await http()
        .patch(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ region: 'x'.repeat(200_000) }))
        .expect(413);
    });

    it('deletes: cross-store 404 first, then 204 and audited, then 404', async () => {
      await http()
        .delete(`${base(storeB)}/${id}`)
        .set(bearer(admin))
        .expect(404);
      await http()
        .delete(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .expect(204);
      expect(await lastAudit()).toMatchObject({
        action: 'tax_rate.delete',
        entity_id: id,
        details: { country: 'DE', region: null, taxClass: 'standard', rate: '18.50' },
      });
      const again = await http()
        .delete(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .expect(404);
      expect(again.body.code).toBe('TAX_RATE_NOT_FOUND');
    });

    it('needs an admin: 401 without a token, 403 for a customer', async () => {
      await http().get(base(storeA)).expect(401);
      await http().get(base(storeA)).set(bearer(customer)).expect(403);
      await http()
        .post(base(storeA))
        .set(bearer(customer))
        .send({ country: 'DE', taxClass: 'standard', rate: '1' })
        .expect(403);
    });
  });

  describe('store and product tax settings', () => {
    it('stores get pricesIncludeTax and taxShipping (default false), set by a super admin', async () => {
      const created = await http()
        .post('/api/admin/stores')
        .set(bearer(superAdmin))
        .send({ name: 'Tax Shop' })
        .expect(201);
      expect(created.body).toMatchObject({ pricesIncludeTax: false, taxShipping: false });
      const updated = await http()
        .patch(`/api/admin/stores/${created.body.id}`)
        .set(bearer(superAdmin))
        .send({ pricesIncludeTax: true, taxShipping: true })
        .expect(200);
      expect(updated.body).toMatchObject({ pricesIncludeTax: true, taxShipping: true });
      await http()
        .patch(`/api/admin/stores/${created.body.id}`)
        .set(bearer(superAdmin))
        .send({ pricesIncludeTax: 'yes' })
        .expect(400);
      await http()
        .patch(`/api/admin/stores/${created.body.id}`)
        .set(bearer(superAdmin))
        .send({ taxShipping: null })
        .expect(400);
    });

    it('products get taxClass (default standard)', async () => {
      const products = `/api/admin/stores/${storeA}/products`;
      const plain = await http()
        .post(products)
        .set(bearer(admin))
        .send({ name: 'Tee', basePrice: '10' })
        .expect(201);
      expect(plain.body.taxClass).toBe('standard');
      const book = await http()
        .post(products)
        .set(bearer(admin))
        .send({ name: 'Book', basePrice: '10', taxClass: 'reduced' })
        .expect(201);
      expect(book.body.taxClass).toBe('reduced');
      const changed = await http()
        .patch(`${products}/${book.body.id}`)
        .set(bearer(admin))
        .send({ taxClass: 'zero' })
        .expect(200);
      expect(changed.body.taxClass).toBe('zero');
      const bad = await http()
        .post(products)
        .set(bearer(admin))
        .send({ name: 'X', basePrice: '1', taxClass: 'luxury' });
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      await http()
        .patch(`${products}/${book.body.id}`)
        .set(bearer(admin))
        .send({ taxClass: null })
        .expect(400);
      const row = await sql.query(`SELECT tax_class FROM products WHERE id = $1`, [book.body.id]);
      expect(row.rows[0].tax_class).toBe('zero');
    });
  });

  describe('TaxService.ratesFor', () => {
    let storeUS: string;

    beforeAll(async () => {
      const store = await sql.query<{ id: string }>(
        `INSERT INTO stores (slug, name, tax_rate, prices_include_tax, tax_shipping)
         VALUES ('us', 'US', 0.0500, true, true) RETURNING id`,
      );
      storeUS = store.rows[0].id;
      await sql.query(
        `INSERT INTO tax_rates (store_id, country, region, tax_class, rate) VALUES
           ($1, 'US', NULL, 'standard', 6.00), ($1, 'US', 'CA', 'standard', 7.25),
           ($1, 'US', NULL, 'reduced', 3.00), ($1, 'US', 'NY', 'reduced', 4.00),
           ($1, 'CA', NULL, 'standard', 13.00)`,
        [storeUS],
      );
    });

    const ratesFor = (storeId: string, country: string, region?: string | null) =>
      app.get(TaxService).ratesFor(app.get(DataSource).manager, storeId, { country, region });

    it('region first, then country, per class; the store’s flags come along', async () => {
      expect(await ratesFor(storeUS, 'US', ' ca')).toEqual({
        rates: { standard: 725, reduced: 300, zero: 0 },
        pricesIncludeTax: true,
        taxShipping: true,
      });
      expect((await ratesFor(storeUS, 'us', 'NY')).rates).toEqual({ standard: 600, reduced: 400, zero: 0 });
      expect((await ratesFor(storeUS, 'US', 'TX')).rates).toEqual({ standard: 600, reduced: 300, zero: 0 });
      expect((await ratesFor(storeUS, 'US', null)).rates).toEqual({ standard: 600, reduced: 300, zero: 0 });
    });

    it('falls back to the store’s taxRate where the country has no row of a class, or no rows at all', async () => {
      expect((await ratesFor(storeUS, 'CA', 'ON')).rates).toEqual({ standard: 1300, reduced: 500, zero: 0 });
      expect((await ratesFor(storeUS, 'MX')).rates).toEqual({ standard: 500, reduced: 500, zero: 0 });
      // Another store's rows never leak in.
      expect(await ratesFor(storeB, 'US', 'CA')).toEqual({
        rates: { standard: 0, reduced: 0, zero: 0 },
        pricesIncludeTax: false,
        taxShipping: false,
      });
    });

    it('an unknown store is 404 STORE_NOT_FOUND', async () => {
      const error = await ratesFor('00000000-0000-4000-8000-000000000000', 'US').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppException);
      expect((error as AppException).code).toBe('STORE_NOT_FOUND');
    });

    it('and the computation on those rates: the same cents for quote, checkout and refund', async () => {
      const tax = app.get(TaxService);
      const context = await ratesFor(storeUS, 'US', 'CA');
      const lines = [
        { amount: 2_999, taxClass: 'standard' as const },
        { amount: 1_000, taxClass: 'reduced' as const },
      ];
      const once = tax.compute(context, lines, 500);
      // 29.99 incl. 7.25 % → net 27.96 (2796.27…), tax 2.03; 10.00 incl. 3 % → net 9.71 (970.87…), tax 0.29;
      // shipping 5.00 incl. 7.25 % → net 4.66 (466.20…), tax 0.34.
      expect(once).toEqual({
        lines: [
          { taxRate: 725, taxAmount: 203 },
          { taxRate: 300, taxAmount: 29 },
        ],
        shippingTaxRate: 725,
        shippingTax: 34,
        taxTotal: 266,
        taxAdded: 0,
      });
      expect(tax.compute(context, [lines[1]], 0).lines[0]).toEqual(once.lines[1]);
    });
  });
});
