/** Catalog admin: variants (stock row, SKUs, price rules, in-use deletes) on the real app and database. */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { inventoryViolations } from '../support/invariants';
import { placePendingOrder } from '../support/orders';

describe('catalog admin: variants', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let customer: TestUser;
  let storeA: string;
  let storeB: string;
  let productId: string;
  const http = () => request(app.getHttpServer());
  const variants = (storeId: string, product = productId) =>
    `/api/admin/stores/${storeId}/products/${product}/variants`;
  const auditCount = async () => Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count);
  const create = (body: object, storeId = storeA, product = productId) =>
    http().post(variants(storeId, product)).set(bearer(admin)).send(body);

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    const stores = await sql.query<{ id: string }>(
      `INSERT INTO stores (slug, name) VALUES ('a', 'A'), ('b', 'B') RETURNING id`,
    );
    [storeA, storeB] = stores.rows.map((r) => r.id);
    admin = await createTestUser(app, 'admin');
    customer = await createTestUser(app, 'customer');
    const category = await http()
      .post(`/api/admin/stores/${storeA}/categories`)
      .set(bearer(admin))
      .send({ name: 'T-Shirts' })
      .expect(201);
    const product = await http()
      .post(`/api/admin/stores/${storeA}/products`)
      .set(bearer(admin))
      .send({ name: 'Tee', basePrice: '20.00', categoryId: category.body.id })
      .expect(201);
    productId = product.body.id;
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  let large: string;

  it('creates a variant with its stock row in one go; price = basePrice + priceAdjustment', async () => {
    const before = await auditCount();
    const res = await create({
      attributes: { size: 'L', color: 'Black' },
      priceAdjustment: '-2.5',
      initialQuantity: 7,
    }).expect(201);
    const short = productId.replace(/-/g, '').slice(0, 4).toUpperCase();
    expect(res.body).toEqual(
      expect.objectContaining({
        storeId: storeA,
        productId,
        sku: `PROD-TSHIRT-${short}-BLA-L`,
        name: 'Black / L',
        attributes: { size: 'L', color: 'Black' },
        priceAdjustment: '-2.50',
        price: '17.50',
        isActive: true,
        inventory: { quantity: 7, reserved: 0, available: 7, lowStockThreshold: 10 },
      }),
    );
    large = res.body.id;
    const stock = await sql.query(`SELECT quantity, reserved FROM inventory WHERE variant_id = $1`, [large]);
    expect(stock.rows).toEqual([{ quantity: 7, reserved: 0 }]);
    expect(await auditCount()).toBe(before + 1);
    const log = await sql.query(`SELECT action, store_id FROM logs ORDER BY created_at DESC LIMIT 1`);
    expect(log.rows[0]).toEqual({ action: 'variant.create', store_id: storeA });
  });

  it('generated SKUs: the same attributes again get a suffix; no attributes use the hash form; stock defaults to 0', async () => {
    const again = await create({ attributes: { color: 'Black', size: 'L' }, name: 'Again' }).expect(201);
    const first = await sql.query(`SELECT sku FROM product_variants WHERE id = $1`, [large]);
    expect(again.body.sku).toBe(`${first.rows[0].sku}-2`);
    const plain = await create({}).expect(201);
    expect(plain.body.sku).toMatch(/^PROD-TSHIRT-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(plain.body.name).toBe('Default');
    expect(plain.body.inventory).toEqual({ quantity: 0, reserved: 0, available: 0, lowStockThreshold: 10 });
  });

  it('an SKU is unique per store: 409 SKU_TAKEN (also under concurrency); fine in another store', async () => {
    await create({ sku: 'TEE-RED-M', attributes: { color: 'red' } }).expect(201);
    const before = await auditCount();
    const dup = await create({ sku: 'TEE-RED-M' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('SKU_TAKEN');
    const racers = await Promise.all(
      Array.from({ length: 6 }, () => create({ sku: 'RACE-1', initialQuantity: 1 })),
    );
    expect(racers.filter((r) => r.status === 201)).toHaveLength(1);
    const codes = racers.filter((r) => r.status === 409).map((r) => r.body.code as string);
    expect(codes.filter((code) => code !== 'SKU_TAKEN')).toEqual([]);
    expect(await auditCount()).toBe(before + 1);
    const orphanStock = await sql.query(
      `SELECT count(*)::int AS n FROM product_variants v LEFT JOIN inventory i ON i.variant_id = v.id WHERE i.id IS NULL`,
    );
    expect(orphanStock.rows[0].n).toBe(0);
    const productB = await http()
      .post(`/api/admin/stores/${storeB}/products`)
      .set(bearer(admin))
      .send({ name: 'B tee', basePrice: 5 })
      .expect(201);
    await create({ sku: 'TEE-RED-M' }, storeB, productB.body.id).expect(201);
    const upd = await http()
      .patch(`${variants(storeA)}/${large}`)
      .set(bearer(admin))
      .send({ sku: 'TEE-RED-M' });
    expect(upd.status).toBe(409);
    expect(upd.body.code).toBe('SKU_TAKEN');
  });

  it('a price adjustment that makes the price negative is 400, on create and on update', async () => {
    const before = await auditCount();
    const neg = await create({ priceAdjustment: '-20.01' });
    expect(neg.status).toBe(400);
    expect(neg.body.code).toBe('NEGATIVE_VARIANT_PRICE');
    await create({ sku: 'FREE', priceAdjustment: -20 }).expect(201); // exactly 0.00 is allowed
    const upd = await http()
      .patch(`${variants(storeA)}/${large}`)
      .set(bearer(admin))
      .send({ priceAdjustment: -21 });
    expect(upd.status).toBe(400);
    expect(upd.body.code).toBe('NEGATIVE_VARIANT_PRICE');
    expect(await auditCount()).toBe(before + 1);
  });

  it('lowering the base price under a variant’s negative adjustment is 400 and changes nothing', async () => {
    const before = await auditCount();
    const res = await http()
      .patch(`/api/admin/stores/${storeA}/products/${productId}`)
      .set(bearer(admin))
      .send({ basePrice: '19.99' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('NEGATIVE_VARIANT_PRICE');
    const row = await sql.query(`SELECT base_price FROM products WHERE id = $1`, [productId]);
    expect(row.rows[0].base_price).toBe('20.00');
    await http()
      .patch(`/api/admin/stores/${storeA}/products/${productId}`)
      .set(bearer(admin))
      .send({ basePrice: '25' })
      .expect(200);
    const v = await http()
      .get(`${variants(storeA)}/${large}`)
      .set(bearer(admin))
      .expect(200);
    expect(v.body.price).toBe('22.50');
    expect(await auditCount()).toBe(before + 1);
  });

  it('lowering the base price racing a variant with a negative adjustment: no variant price ever goes below 0', async () => {
    for (let round = 0; round < 5; round++) {
      const p = await http()
        .post(`/api/admin/stores/${storeA}/products`)
        .set(bearer(admin))
        .send({ name: `Race ${round}`, basePrice: 10 })
        .expect(201);
      const [lower, variant] = await Promise.all([
        http()
          .patch(`/api/admin/stores/${storeA}/products/${p.body.id}`)
          .set(bearer(admin))
          .send({ basePrice: 1 }),
        create({ priceAdjustment: -5 }, storeA, p.body.id),
      ]);
      // Whichever commits first wins; the other sees it and is refused.
      expect([
        [200, 400],
        [400, 201],
      ]).toContainEqual([lower.status, variant.status]);
      expect([lower, variant].find((r) => r.status === 400)?.body.code).toBe('NEGATIVE_VARIANT_PRICE');
      const negative = await sql.query(
        `SELECT count(*)::int AS n FROM product_variants v JOIN products p ON p.id = v.product_id
          WHERE p.base_price + v.price_adjustment < 0`,
      );
      expect(negative.rows[0].n).toBe(0);
    }
  });

  it.each([
    ['nested attributes', { attributes: { size: { eu: 42 } } }, 'attributes'],
    ['numeric attribute', { attributes: { size: 42 } }, 'attributes'],
    ['array attributes', { attributes: ['L'] }, 'attributes'],
    ['long attribute value', { attributes: { note: 'x'.repeat(101) } }, 'attributes'],
    ['money with 3 decimals', { priceAdjustment: '1.005' }, 'priceAdjustment'],
    ['bad image URL', { imageUrl: 'ftp//nope' }, 'imageUrl'],
    ['negative initial stock', { initialQuantity: -1 }, 'initialQuantity'],
    ['unknown field', { quantity: 5 }, 'quantity'],
    ['bad sku', { sku: 'has space' }, 'sku'],
    ['null price adjustment', { priceAdjustment: null }, 'priceAdjustment'],
    ['null attributes', { attributes: null }, 'attributes'],
  ])('variant validation (%s) → 400 naming %s, nothing written', async (_label, body, field) => {
    const before = await auditCount();
    const count = await sql.query(`SELECT count(*)::int AS n FROM product_variants`);
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.details)).toContain(field);
    expect(await auditCount()).toBe(before);
    expect((await sql.query(`SELECT count(*)::int AS n FROM product_variants`)).rows[0].n).toBe(
      count.rows[0].n,
    );
  });

  it('store isolation: another store’s id, another product’s id, unknown and malformed ids', async () => {
    await http()
      .get(`${variants(storeB)}/${large}`)
      .set(bearer(admin))
      .expect(404);
    await http().get(variants(storeB)).set(bearer(admin)).expect(404);
    await create({ sku: 'X' }, storeB).expect(404);
    await http()
      .patch(`${variants(storeB)}/${large}`)
      .set(bearer(admin))
      .send({ name: 'Hijack' })
      .expect(404);
    await http()
      .delete(`${variants(storeB)}/${large}`)
      .set(bearer(admin))
      .expect(404);
    const other = await http()
      .post(`/api/admin/stores/${storeA}/products`)
      .set(bearer(admin))
      .send({ name: 'Other', basePrice: 1 })
      .expect(201);
    await http()
      .get(`${variants(storeA, other.body.id)}/${large}`)
      .set(bearer(admin))
      .expect(404);
    await http()
      .get(`${variants(storeA)}/not-a-uuid`)
      .set(bearer(admin))
      .expect(400);
    const name = await sql.query(`SELECT name FROM product_variants WHERE id = $1`, [large]);
    expect(name.rows[0].name).toBe('Black / L');
  });

  it('a variant on an order cannot be deleted (409 VARIANT_IN_USE) but can be deactivated; nor its product', async () => {
    const order = await placePendingOrder(app, {
      storeId: storeA,
      userId: customer.id,
      productId,
      lines: [{ variantId: large, quantity: 2 }],
    });
    expect(order.id).toBeDefined();
    const before = await auditCount();
    const res = await http()
      .delete(`${variants(storeA)}/${large}`)
      .set(bearer(admin));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('VARIANT_IN_USE');
    const product = await http()
      .delete(`/api/admin/stores/${storeA}/products/${productId}`)
      .set(bearer(admin));
    expect(product.status).toBe(409);
    expect(product.body.code).toBe('PRODUCT_IN_USE');
    expect(await auditCount()).toBe(before);
    const off = await http()
      .patch(`${variants(storeA)}/${large}`)
      .set(bearer(admin))
      .send({ isActive: false })
      .expect(200);
    expect(off.body.isActive).toBe(false);
    expect(off.body.inventory).toEqual(expect.objectContaining({ quantity: 7, reserved: 2, available: 5 }));
    const list = await http()
      .get(`${variants(storeA)}?limit=100`)
      .set(bearer(admin))
      .expect(200);
    expect(list.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: large, isActive: false })]),
    );
    expect(await inventoryViolations(sql)).toEqual([]);
  });

  it('an unused variant is deleted with its stock row; audited once', async () => {
    const v = await create({ sku: 'GONE', initialQuantity: 3 }).expect(201);
    const before = await auditCount();
    await http()
      .delete(`${variants(storeA)}/${v.body.id}`)
      .set(bearer(admin))
      .expect(204);
    const rows = await sql.query(`SELECT count(*)::int AS n FROM inventory WHERE variant_id = $1`, [
      v.body.id,
    ]);
    expect(rows.rows[0].n).toBe(0);
    expect(await auditCount()).toBe(before + 1);
    const log = await sql.query(`SELECT action, details FROM logs ORDER BY created_at DESC LIMIT 1`);
    expect(log.rows[0]).toEqual({
      action: 'variant.delete',
      details: expect.objectContaining({ sku: 'GONE' }),
    });
    await http()
      .delete(`${variants(storeA)}/${v.body.id}`)
      .set(bearer(admin))
      .expect(404);
  });
});
