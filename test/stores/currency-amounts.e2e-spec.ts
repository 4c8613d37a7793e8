/**
 * Every amount a store charges is a whole number of its currency's units: in a JPY store a shipping
 * rate or flat fee with sen is 400 VALIDATION_FAILED (the catalog's prices: prices-in-currency-units),
 * and a store whose prices or rates have cents cannot move to JPY (409 CURRENCY_AMOUNTS_CONFLICT) —
 * also when the price change and the currency change race each other.
 */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';

describe('stores: amounts in the currency’s units', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let superAdmin: TestUser;
  const http = () => request(app.getHttpServer());
  const storeUrl = (storeId: string) => `/api/admin/stores/${storeId}`;
  const count = async (table: string) =>
    Number((await sql.query(`SELECT count(*) FROM ${table}`)).rows[0].count);

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    admin = await createTestUser(app, 'admin');
    superAdmin = await createTestUser(app, 'super_admin');
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  async function newStore(slug: string, currency: string): Promise<string> {
    const res = await http()
      .post('/api/admin/stores')
      .set(bearer(superAdmin))
      .send({ name: slug, slug, currency, shippingFlat: currency === 'JPY' ? '500' : '5.00' })
      .expect(201);
    return res.body.id as string;
  }

  async function newZone(storeId: string): Promise<string> {
    const res = await http()
      .post(`${storeUrl(storeId)}/shipping-zones`)
      .set(bearer(admin))
      .send({ name: 'Japan', countries: ['JP'] })
      .expect(201);
    return res.body.id as string;
  }

  function expectRefused(res: request.Response, field: string): void {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([{ field, errors: [expect.stringContaining('JPY')] }]);
  }

  it('a JPY store: shipping amounts and tier amounts with sen are refused, nothing written; whole yen and USD cents are fine', async () => {
    const yen = await newStore('yen-shipping', 'JPY');
    const zoneId = await newZone(yen);
    const methods = `${storeUrl(yen)}/shipping-methods`;
    const [methodsBefore, auditBefore] = [await count('shipping_methods'), await count('logs')];
    expectRefused(
      await http()
        .post(methods)
        .set(bearer(admin))
        .send({ zoneId, name: 'Post', rateType: 'flat', amount: '4.99' }),
      'amount',
    );
    expectRefused(
      await http()
        .post(methods)
        .set(bearer(admin))
        .send({
          zoneId,
          name: 'By weight',
          rateType: 'weight',
          weightTiers: [
            { upToGrams: 1000, amount: '500' },
            { upToGrams: 5000, amount: '900.50' },
          ],
        }),
      'weightTiers[1].amount',
    );
    expect([await count('shipping_methods'), await count('logs')]).toEqual([methodsBefore, auditBefore]);

    const made = await http()
      .post(methods)
      .set(bearer(admin))
      .send({ zoneId, name: 'Post', rateType: 'free_over', amount: '500', freeOver: '4999.50' })
      .expect(201);
    expectRefused(
      await http().patch(`${methods}/${made.body.id}`).set(bearer(admin)).send({ amount: '499.99' }),
      'amount',
    );
    const { rows } = await sql.query(`SELECT amount FROM shipping_methods WHERE id = $1`, [made.body.id]);
    expect(rows[0].amount).toBe('500.00');

    const usd = await newStore('usd-shipping', 'USD');
    await http()
      .post(`${storeUrl(usd)}/shipping-methods`)
      .set(bearer(admin))
      .send({ zoneId: await newZone(usd), name: 'Post', rateType: 'flat', amount: '4.99' })
      .expect(201);
  });

  it("a store's flat shipping fee: ¥4.99 is refused on create and on change", async () => {
    const storesBefore = await count('stores');
    expectRefused(
      await http()
        .post('/api/admin/stores')
        .set(bearer(superAdmin))
        .send({ name: 'Flat yen', currency: 'JPY', shippingFlat: '4.99' }),
      'shippingFlat',
    );
    expect(await count('stores')).toBe(storesBefore);
    const yen = await newStore('yen-flat', 'JPY');
    expectRefused(
      await http().patch(storeUrl(yen)).set(bearer(superAdmin)).send({ shippingFlat: '5.50' }),
      'shippingFlat',
    );
  });

  it('USD → JPY is refused while prices, adjustments, rates or the flat fee have cents (409, which and how many); allowed once they are whole', async () => {
    const store = await newStore('dollars-to-yen', 'USD');
    const product = await http()
      .post(`${storeUrl(store)}/products`)
      .set(bearer(admin))
      .send({ name: 'Tee', basePrice: '19.99' })
      .expect(201);
    const variant = await http()
      .post(`${storeUrl(store)}/products/${product.body.id}/variants`)
      .set(bearer(admin))
      .send({ sku: 'TEE-L', priceAdjustment: '0.50' })
      .expect(201);
    const zoneId = await newZone(store);
    const method = await http()
      .post(`${storeUrl(store)}/shipping-methods`)
      .set(bearer(admin))
      .send({
        zoneId,
        name: 'Tiers',
        rateType: 'weight',
        weightTiers: [{ upToGrams: 1000, amount: '4.99' }],
      })
      .expect(201);
    await http().patch(storeUrl(store)).set(bearer(superAdmin)).send({ shippingFlat: '5.50' }).expect(200);

    const auditBefore = await count('logs');
    const refused = await http().patch(storeUrl(store)).set(bearer(superAdmin)).send({ currency: 'JPY' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CURRENCY_AMOUNTS_CONFLICT');
    expect(refused.body.details).toEqual({
      currency: 'JPY',
      amounts: expect.arrayContaining([
        { field: 'shippingFlat', count: 1 },
        { field: 'products.basePrice', count: 1 },
        { field: 'variants.priceAdjustment', count: 1 },
        { field: 'shippingMethods.weightTiers', count: 1 },
      ]),
    });
    expect(refused.body.details.amounts).toHaveLength(4);
    const { rows } = await sql.query(`SELECT currency FROM stores WHERE id = $1`, [store]);
    expect(rows[0].currency).toBe('USD');
    expect(await count('logs')).toBe(auditBefore);
    // Another currency with cents takes them as they are.
    await http().patch(storeUrl(store)).set(bearer(superAdmin)).send({ currency: 'EUR' }).expect(200);

    await http()
      .patch(`${storeUrl(store)}/products/${product.body.id}`)
      .set(bearer(admin))
      .send({ basePrice: '2000' })
      .expect(200);
    await http()
      .patch(`${storeUrl(store)}/products/${product.body.id}/variants/${variant.body.id}`)
      .set(bearer(admin))
      .send({ priceAdjustment: '100' })
      .expect(200);
    await http()
      .patch(`${storeUrl(store)}/shipping-methods/${method.body.id}`)
      .set(bearer(admin))
      .send({ weightTiers: [{ upToGrams: 1000, amount: '500' }] })
      .expect(200);
    const stillFlat = await http().patch(storeUrl(store)).set(bearer(superAdmin)).send({ currency: 'JPY' });
    expect(stillFlat.status).toBe(409);
    expect(stillFlat.body.details.amounts).toEqual([{ field: 'shippingFlat', count: 1 }]);
    const moved = await http()
      .patch(storeUrl(store))
      .set(bearer(superAdmin))
      .send({ currency: 'JPY', shippingFlat: '550' })
      .expect(200);
    expect(moved.body.currency).toBe('JPY');
  });

  it('a price with cents and a move to JPY racing: one of them is refused, never a JPY store with cents', async () => {
    const store = await newStore('race-to-yen', 'USD');
    const product = await http()
      .post(`${storeUrl(store)}/products`)
      .set(bearer(admin))
      .send({ name: 'Racer', basePrice: '20' })
      .expect(201);
    const outcomes: string[] = [];
    for (let round = 0; round < 15; round += 1) {
      await sql.query(`UPDATE stores SET currency = 'USD' WHERE id = $1`, [store]);
      await sql.query(`UPDATE products SET base_price = 20 WHERE id = $1`, [product.body.id]);
      const [price, currency] = await Promise.all([
        http()
          .patch(`${storeUrl(store)}/products/${product.body.id}`)
          .set(bearer(admin))
          .send({ basePrice: '19.99' }),
        http().patch(storeUrl(store)).set(bearer(superAdmin)).send({ currency: 'JPY' }),
      ]);
      outcomes.push(`${price.status}/${currency.status}`);
      const { rows } = await sql.query<{ currency: string; base_price: string }>(
        `SELECT s.currency, p.base_price FROM stores s JOIN products p ON p.store_id = s.id WHERE p.id = $1`,
        [product.body.id],
      );
      // Exactly one wins: the price (and the move is 409), or the move (and the price is 400).
      if (rows[0].currency === 'JPY') {
        expect(rows[0].base_price).toBe('20.00');
        expect([price.status, currency.status]).toEqual([400, 200]);
      } else {
        expect(rows[0].base_price).toBe('19.99');
        expect([price.status, currency.status]).toEqual([200, 409]);
      }
    }
    expect(outcomes).toHaveLength(15);
  });
});
