/**
 * Metadata on products and variants (API.md "Events, webhooks and metadata"): every breach is 400
 * METADATA_INVALID and writes nothing, updates merge (null removes a key, unsent keys stay), concurrent
 * merges of different keys all survive and never pass 50 keys, admin routes and the public detail
 * return it (listings do not), and the admin mutation's audit row says which keys changed.
 */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';

const keys = (count: number, prefix = 'k') =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `v${i}`]));

const COUNTS = `SELECT (SELECT count(*) FROM products) AS p, (SELECT count(*) FROM product_variants) AS v`;

/** Each breach, with a word its message must contain. */
const BREACHES: Array<[string, unknown, string]> = [
  ['51 keys', keys(51), 'at most 50 keys'],
  ['a 41-character key', { ['k'.repeat(41)]: 'v' }, '1-40 characters'],
  ['an empty key', { '': 'v' }, '1-40 characters'],
  ['a 501-character value', { note: 'x'.repeat(501) }, 'at most 500 characters'],
  ['a number value', { count: 3 }, 'must be a string'],
  ['a boolean value', { flag: true }, 'must be a string'],
  ['an array value', { list: ['a'] }, 'must be a string'],
  ['a nested object', { nested: { a: 'b' } }, 'must be a string'],
  ['an array', ['a', 'b'], 'must be an object'],
  ['a string', 'erp=1', 'must be an object'],
  ['a number', 7, 'must be an object'],
  ['null', null, 'must be an object'],
];

describe('metadata on products and variants', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let storeId: string;
  const http = () => request(app.getHttpServer());
  const products = () => `/api/admin/stores/${storeId}/products`;
  const variants = (productId: string) => `${products()}/${productId}/variants`;
  const auditCount = async () => Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count);
  const lastAudit = async (action: string) =>
    (
      await sql.query<{ details: Record<string, unknown> }>(
        `SELECT details FROM logs WHERE action = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
        [action],
      )
    ).rows[0]?.details;
  let seq = 0;
  const newProduct = async (body: object = {}) =>
    (
      await http()
        .post(products())
        .set(bearer(admin))
        .send({ name: `Product ${++seq}`, basePrice: '10.00', ...body })
        .expect(201)
    ).body as { id: string; slug: string; name: string; metadata: Record<string, string> };
  const patchProduct = (id: string, body: object) =>
    http().patch(`${products()}/${id}`).set(bearer(admin)).send(body);
  const storedMetadata = async (table: string, id: string) =>
    (
      await sql.query<{ metadata: Record<string, string> }>(`SELECT metadata FROM ${table} WHERE id = $1`, [
        id,
      ])
    ).rows[0].metadata;

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    storeId = (
      await sql.query<{ id: string }>(`INSERT INTO stores (slug, name) VALUES ('meta', 'M') RETURNING id`)
    ).rows[0].id;
    admin = await createTestUser(app, 'admin');
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  describe('validation', () => {
    let productId: string;
    let variantId: string;

    beforeAll(async () => {
      productId = (await newProduct({ metadata: { keep: 'me' } })).id;
      const variant = await http()
        .post(variants(productId))
        .set(bearer(admin))
        .send({ sku: 'META-V1', metadata: { keep: 'me' } })
        .expect(201);
      variantId = variant.body.id;
    });

    it.each(BREACHES)(
      '%s → 400 METADATA_INVALID naming the breach, on every route',
      async (_, metadata, words) => {
        const before = await auditCount();
        const counts = await sql.query(COUNTS);
        const attempts = [
          http().post(products()).set(bearer(admin)).send({ name: 'Bad', basePrice: '1.00', metadata }),
          patchProduct(productId, { name: 'Renamed', metadata }),
          http().post(variants(productId)).set(bearer(admin)).send({ sku: 'META-BAD', metadata }),
          http()
            .patch(`${variants(productId)}/${variantId}`)
            .set(bearer(admin))
            .send({ name: 'Renamed', metadata }),
        ];
        for (const res of await Promise.all(attempts)) {
          expect(res.status).toBe(400);
          expect(res.body.code).toBe('METADATA_INVALID');
          expect(res.body.message).toContain(words);
          expect(res.body.message).toMatch(/^metadata /);
          expect(res.body.details).toEqual([{ field: 'metadata', errors: [res.body.message] }]);
        }
        // Nothing half-written: no row, no rename, no metadata change, no audit row.
        expect((await sql.query(COUNTS)).rows).toEqual(counts.rows);
        const product = await sql.query(`SELECT name, metadata FROM products WHERE id = $1`, [productId]);
        expect(product.rows[0].name).not.toBe('Renamed');
        expect(product.rows[0].metadata).toEqual({ keep: 'me' });
        const variant = await sql.query(`SELECT name, metadata FROM product_variants WHERE id = $1`, [
          variantId,
        ]);
        expect(variant.rows[0].name).not.toBe('Renamed');
        expect(variant.rows[0].metadata).toEqual({ keep: 'me' });
        expect(await auditCount()).toBe(before);
      },
    );

    it('accepts the limits themselves: 50 keys, a 40-character key, a 500-character value', async () => {
      const limits = { ...keys(48), ['k'.repeat(40)]: 'v', note: 'x'.repeat(500) };
      const created = await newProduct({ metadata: limits });
      expect(created.metadata).toEqual(limits);
      expect(await storedMetadata('products', created.id)).toEqual(limits);
    });

    it('the database refuses a metadata that is not an object (CHECK)', async () => {
      await expect(
        sql.query(`UPDATE products SET metadata = '[]' WHERE id = $1`, [productId]),
      ).rejects.toThrow(/chk_products_metadata/);
      await expect(
        sql.query(`UPDATE product_variants SET metadata = '"x"' WHERE id = $1`, [variantId]),
      ).rejects.toThrow(/chk_product_variants_metadata/);
    });
  });

  describe('products', () => {
    let product: { id: string; slug: string; metadata: Record<string, string> };

    it('create keeps the string keys (a null is simply not set) and audits the metadata', async () => {
      product = await newProduct({ metadata: { erp_id: 'A-1', season: 'SS26', unset: null } });
      expect(product.metadata).toEqual({ erp_id: 'A-1', season: 'SS26' });
      expect(await lastAudit('product.create')).toEqual(
        expect.objectContaining({ metadata: { erp_id: 'A-1', season: 'SS26' } }),
      );
      const plain = await newProduct();
      expect(plain.metadata).toEqual({});
    });

    it('update merges: sent keys set, null keys removed, unsent keys kept; the audit row names each change', async () => {
      const res = await patchProduct(product.id, {
        metadata: { season: 'AW26', color: 'red', erp_id: null },
      }).expect(200);
      expect(res.body.metadata).toEqual({ season: 'AW26', color: 'red' });
      expect(await lastAudit('product.update')).toEqual({
        metadata: {
          color: { before: null, after: 'red' },
          erp_id: { before: 'A-1', after: null },
          season: { before: 'SS26', after: 'AW26' },
        },
      });
      const unsent = await patchProduct(product.id, { name: 'Renamed tee' }).expect(200);
      expect(unsent.body.metadata).toEqual({ season: 'AW26', color: 'red' });
      expect(await lastAudit('product.update')).toEqual({
        name: expect.objectContaining({ after: 'Renamed tee' }),
      });
    });

    it('a patch that changes nothing (same values, absent keys removed, {}) writes no audit row', async () => {
      const before = await auditCount();
      await patchProduct(product.id, { metadata: {} }).expect(200);
      await patchProduct(product.id, { metadata: { color: 'red', never_set: null } }).expect(200);
      expect(await auditCount()).toBe(before);
      expect(await storedMetadata('products', product.id)).toEqual({ season: 'AW26', color: 'red' });
    });

    it('more than 50 keys after the merge → 400 METADATA_INVALID, and the rest of the PATCH is not written', async () => {
      const full = await newProduct({ metadata: keys(49) });
      const before = await auditCount();
      const res = await patchProduct(full.id, { name: 'Too many', metadata: { a: '1', b: '2' } }).expect(400);
      expect(res.body.code).toBe('METADATA_INVALID');
      expect(res.body.message).toMatch(/at most 50 keys after the merge.*51/);
      const row = await sql.query(`SELECT name, metadata FROM products WHERE id = $1`, [full.id]);
      expect(row.rows[0].name).toBe(full.name);
      expect(Object.keys(row.rows[0].metadata)).toHaveLength(49);
      expect(await auditCount()).toBe(before);
      // Removing keys in the same patch makes room.
      const ok = await patchProduct(full.id, { metadata: { a: '1', b: '2', k0: null } }).expect(200);
      expect(Object.keys(ok.body.metadata)).toHaveLength(50);
    });

    it('is returned by the admin get and list, and the public detail, but not the public listing', async () => {
      const admin1 = await http().get(`${products()}/${product.id}`).set(bearer(admin)).expect(200);
      expect(admin1.body.metadata).toEqual({ season: 'AW26', color: 'red' });
      const list = await http().get(`${products()}?q=renamed`).set(bearer(admin)).expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: product.id, metadata: { season: 'AW26', color: 'red' } }),
      ]);
      const detail = await http().get(`/api/stores/meta/products/${product.slug}`).expect(200);
      expect(detail.body.metadata).toEqual({ season: 'AW26', color: 'red' });
      const listing = await http().get(`/api/stores/meta/products`).expect(200);
      expect(listing.body.items.length).toBeGreaterThan(0);
      for (const item of listing.body.items as object[]) expect(item).not.toHaveProperty('metadata');
    });

    it('concurrent PATCHes of different keys all survive', async () => {
      const target = await newProduct({ metadata: { base: 'x' } });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => patchProduct(target.id, { metadata: { [`c${i}`]: `v${i}` } })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
      expect(await storedMetadata('products', target.id)).toEqual({ base: 'x', ...keys(8, 'c') });
      // One audit row per PATCH, each naming only its own key.
      const rows = await sql.query<{ details: { metadata: object } }>(
        `SELECT details FROM logs WHERE action = 'product.update' AND entity_id = $1`,
        [target.id],
      );
      expect(
        rows.rows
          .map((r) => Object.keys(r.details.metadata))
          .flat()
          .sort(),
      ).toEqual(Object.keys(keys(8, 'c')));
    });

    it('concurrent PATCHes never take a product past 50 keys', async () => {
      const target = await newProduct({ metadata: keys(46) });
      const results = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          patchProduct(target.id, { metadata: { [`x${i}a`]: 'a', [`x${i}b`]: 'b' } }),
        ),
      );
      const ok = results.filter((r) => r.status === 200).length;
      expect(results.filter((r) => r.status === 400).every((r) => r.body.code === 'METADATA_INVALID')).toBe(
        true,
      );
      expect(ok).toBe(2);
      expect(Object.keys(await storedMetadata('products', target.id))).toHaveLength(50);
    });
  });

  describe('variants', () => {
    let productId: string;
    let variant: { id: string };
    const variantUrl = () => `${variants(productId)}/${variant.id}`;

    beforeAll(async () => {
      productId = (await newProduct()).id;
    });

    it('create stores it and audits it; admin get and list return it; the public detail does not show it', async () => {
      const res = await http()
        .post(variants(productId))
        .set(bearer(admin))
        .send({ sku: 'META-V2', metadata: { barcode: '4006381333931', gone: null } })
        .expect(201);
      variant = res.body;
      expect(res.body.metadata).toEqual({ barcode: '4006381333931' });
      expect(await lastAudit('variant.create')).toEqual(
        expect.objectContaining({ metadata: { barcode: '4006381333931' } }),
      );
      const got = await http().get(variantUrl()).set(bearer(admin)).expect(200);
      expect(got.body.metadata).toEqual({ barcode: '4006381333931' });
      const list = await http().get(variants(productId)).set(bearer(admin)).expect(200);
      expect(list.body.items[0].metadata).toEqual({ barcode: '4006381333931' });
      const product = await sql.query<{ slug: string }>(`SELECT slug FROM products WHERE id = $1`, [
        productId,
      ]);
      const detail = await http().get(`/api/stores/meta/products/${product.rows[0].slug}`).expect(200);
      expect(detail.body.variants).toEqual([expect.objectContaining({ id: variant.id })]);
      expect(detail.body.variants[0]).not.toHaveProperty('metadata');
    });

    it('update merges and the audit row names each changed key (with the other fields changed)', async () => {
      const res = await http()
        .patch(variantUrl())
        .set(bearer(admin))
        .send({ name: 'Renamed', metadata: { barcode: null, supplier: 'ACME' } })
        .expect(200);
      expect(res.body.metadata).toEqual({ supplier: 'ACME' });
      expect(await lastAudit('variant.update')).toEqual({
        name: expect.objectContaining({ after: 'Renamed' }),
        metadata: {
          barcode: { before: '4006381333931', after: null },
          supplier: { before: null, after: 'ACME' },
        },
      });
      const other = await http().patch(variantUrl()).set(bearer(admin)).send({ isActive: true }).expect(200);
      expect(other.body.metadata).toEqual({ supplier: 'ACME' });
    });

    it('concurrent PATCHes of different keys all survive', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          http()
            .patch(variantUrl())
            .set(bearer(admin))
            .send({ metadata: { [`c${i}`]: `v${i}` } }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
      expect(await storedMetadata('product_variants', variant.id)).toEqual({
        supplier: 'ACME',
        ...keys(6, 'c'),
      });
    });
  });
});
