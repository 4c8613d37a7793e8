/**
 * A store's catalog prices are amounts its currency can charge: in a JPY store (no minor unit) a base
 * price or a variant's price adjustment with sen is 400 VALIDATION_FAILED, and nothing is written.
 */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';

describe('catalog admin: prices in the store currency’s units', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let yenStore: string;
  let dollarStore: string;
  const http = () => request(app.getHttpServer());
  const products = (storeId: string) => `/api/admin/stores/${storeId}/products`;
  const count = async (table: string) =>
    Number((await sql.query(`SELECT count(*) FROM ${table}`)).rows[0].count);

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    const stores = await sql.query<{ id: string }>(
      `INSERT INTO stores (slug, name, currency) VALUES ('yen', 'Yen', 'JPY'), ('usd', 'Usd', 'USD') RETURNING id`,
    );
    [yenStore, dollarStore] = stores.rows.map((r) => r.id);
    admin = await createTestUser(app, 'admin');
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  function expectRefused(res: request.Response, field: string): void {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain('JPY');
    expect(res.body.details).toEqual([{ field, errors: [expect.stringContaining('1.00')] }]);
  }

  it('a JPY product: 1500 is fine, 1500.50 is refused on create and on update; cents are fine in USD', async () => {
    const [productsBefore, auditBefore] = [await count('products'), await count('logs')];
    expectRefused(
      await http().post(products(yenStore)).set(bearer(admin)).send({ name: 'Sen', basePrice: '1500.50' }),
      'basePrice',
    );
    expect([await count('products'), await count('logs')]).toEqual([productsBefore, auditBefore]);

    const made = await http()
      .post(products(yenStore))
      .set(bearer(admin))
      .send({ name: 'Yen tee', basePrice: '1500' })
      .expect(201);
    expect(made.body.basePrice).toBe('1500.00');
    expectRefused(
      await http()
        .patch(`${products(yenStore)}/${made.body.id}`)
        .set(bearer(admin))
        .send({ basePrice: '1499.99' }),
      'basePrice',
    );
    const { rows } = await sql.query(`SELECT base_price FROM products WHERE id = $1`, [made.body.id]);
    expect(rows[0].base_price).toBe('1500.00');
    await http()
      .patch(`${products(yenStore)}/${made.body.id}`)
      .set(bearer(admin))
      .send({ basePrice: '1400' })
      .expect(200);

    await http()
      .post(products(dollarStore))
      .set(bearer(admin))
      .send({ name: 'Cents tee', basePrice: '19.99' })
      .expect(201);
  });

  it('a JPY variant: a price adjustment of 0.50 is refused on create and update; 100 is fine', async () => {
    const product = await http()
      .post(products(yenStore))
      .set(bearer(admin))
      .send({ name: 'Yen hoodie', basePrice: '3000' })
      .expect(201);
    const variants = `${products(yenStore)}/${product.body.id}/variants`;
    const variantsBefore = await count('product_variants');
    expectRefused(
      await http().post(variants).set(bearer(admin)).send({ sku: 'YEN-1', priceAdjustment: '0.50' }),
      'priceAdjustment',
    );
    expect(await count('product_variants')).toBe(variantsBefore);
    const variant = await http()
      .post(variants)
      .set(bearer(admin))
      .send({ sku: 'YEN-1', priceAdjustment: '100' })
      .expect(201);
    expectRefused(
      await http()
        .patch(`${variants}/${variant.body.id}`)
        .set(bearer(admin))
        .send({ priceAdjustment: '-0.01' }),
      'priceAdjustment',
    );
    const { rows } = await sql.query(`SELECT price_adjustment FROM product_variants WHERE id = $1`, [
      variant.body.id,
    ]);
    expect(rows[0].price_adjustment).toBe('100.00');
  });
});
