/** Catalog admin: categories (tree, cycles), tags, products (+ tags), images; isolation, validation, audit. */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';

describe('catalog admin', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  let customer: TestUser;
  let storeA: string;
  let storeB: string;
  const http = () => request(app.getHttpServer());
  const base = (storeId: string, path: string) => `/api/admin/stores/${storeId}/${path}`;
  const auditCount = async () => Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count);
  const post = (storeId: string, path: string, body: object) =>
    http().post(base(storeId, path)).set(bearer(admin)).send(body);
  const patch = (storeId: string, path: string, body: object) =>
    http().patch(base(storeId, path)).set(bearer(admin)).send(body);

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

  describe('categories', () => {
    let root: string;
    let child: string;
    let grandchild: string;

    it('creates a tree: slug from the name, parent in the same store, one audit row each', async () => {
      const before = await auditCount();
      const r = await post(storeA, 'categories', { name: 'Men’s Clothing', displayOrder: 2 }).expect(201);
      expect(r.body).toEqual(
        expect.objectContaining({
          storeId: storeA,
          name: 'Men’s Clothing',
          slug: 'men-s-clothing',
          parentId: null,
          isActive: true,
          displayOrder: 2,
        }),
      );
      root = r.body.id;
      child = (await post(storeA, 'categories', { name: 'Shirts', parentId: root }).expect(201)).body.id;
      grandchild = (await post(storeA, 'categories', { name: 'Tees', parentId: child }).expect(201)).body.id;
      expect(await auditCount()).toBe(before + 3);
      const log = await sql.query(
        `SELECT action, entity_id, store_id, user_id FROM logs ORDER BY created_at DESC LIMIT 1`,
      );
      expect(log.rows[0]).toEqual({
        action: 'category.create',
        entity_id: grandchild,
        store_id: storeA,
        user_id: admin.id,
      });
    });

    it('a parent from another store or unknown is 400 REFERENCE_NOT_FOUND; a duplicate slug 409 SLUG_TAKEN', async () => {
      const before = await auditCount();
      const other = await post(storeB, 'categories', { name: 'B root' }).expect(201);
      const cross = await post(storeA, 'categories', { name: 'X', parentId: other.body.id });
      expect(cross.status).toBe(400);
      expect(cross.body.code).toBe('REFERENCE_NOT_FOUND');
      const moved = await patch(storeA, `categories/${child}`, { parentId: other.body.id });
      expect(moved.status).toBe(400);
      expect(moved.body.code).toBe('REFERENCE_NOT_FOUND');
      const dup = await post(storeA, 'categories', { name: 'Shirts' });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('SLUG_TAKEN');
      // Same slug in another store is fine.
      await post(storeB, 'categories', { name: 'Shirts' }).expect(201);
      expect(await auditCount()).toBe(before + 2);
    });

    it('a move under itself or a descendant is 409 CATEGORY_CYCLE; a legal move is audited with before/after', async () => {
      const before = await auditCount();
      for (const parentId of [root, child, grandchild]) {
        const res = await patch(storeA, `categories/${root}`, { parentId });
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('CATEGORY_CYCLE');
      }
      expect(await auditCount()).toBe(before);
      const ok = await patch(storeA, `categories/${grandchild}`, { parentId: root, displayOrder: 5 }).expect(
        200,
      );
      expect(ok.body).toEqual(expect.objectContaining({ parentId: root, displayOrder: 5 }));
      const log = await sql.query(
        `SELECT details FROM logs WHERE action = 'category.update' AND entity_id = $1`,
        [grandchild],
      );
      expect(log.rows[0].details).toEqual({
        parentId: { before: child, after: root },
        displayOrder: { before: 0, after: 5 },
      });
      expect(await auditCount()).toBe(before + 1);
    });

    it('a concurrent pair of moves that would together form a cycle: at most one succeeds', async () => {
      for (let round = 0; round < 5; round++) {
        const x = (await post(storeA, 'categories', { name: `X${round}` }).expect(201)).body.id as string;
        const y = (await post(storeA, 'categories', { name: `Y${round}` }).expect(201)).body.id as string;
        const [a, b] = await Promise.all([
          patch(storeA, `categories/${x}`, { parentId: y }),
          patch(storeA, `categories/${y}`, { parentId: x }),
        ]);
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        expect([a, b].find((r) => r.status === 409)?.body.code).toBe('CATEGORY_CYCLE');
        const rows = await sql.query(`SELECT id, parent_id FROM categories WHERE id = ANY($1::uuid[])`, [
          [x, y],
        ]);
        expect(rows.rows.filter((r: { parent_id: string | null }) => r.parent_id === null)).toHaveLength(1);
      }
    });

    it('deleting a parent leaves its children at the root (and audits one delete)', async () => {
      const before = await auditCount();
      await http()
        .delete(base(storeA, `categories/${root}`))
        .set(bearer(admin))
        .expect(204);
      const rows = await sql.query(
        `SELECT id, parent_id FROM categories WHERE id = ANY($1::uuid[]) ORDER BY id`,
        [[child, grandchild]],
      );
      expect(rows.rows.map((r: { parent_id: string | null }) => r.parent_id)).toEqual([null, null]);
      expect(await auditCount()).toBe(before + 1);
      await http()
        .get(base(storeA, `categories/${root}`))
        .set(bearer(admin))
        .expect(404);
      await http()
        .delete(base(storeA, `categories/${root}`))
        .set(bearer(admin))
        .expect(404);
      expect(await auditCount()).toBe(before + 1);
    });

    it('lists are paged, ordered by displayOrder, and include inactive categories', async () => {
      await patch(storeA, `categories/${child}`, { isActive: false }).expect(200);
      const list = await http()
        .get(`${base(storeA, 'categories')}?limit=100`)
        .set(bearer(admin))
        .expect(200);
      expect(list.body.total).toBe(list.body.items.length);
      expect(list.body.items).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: child, isActive: false })]),
      );
      const orders = (list.body.items as Array<{ displayOrder: number }>).map((c) => c.displayOrder);
      expect(orders).toEqual([...orders].sort((p, q) => p - q));
      const page = await http()
        .get(`${base(storeA, 'categories')}?limit=2&page=2`)
        .set(bearer(admin))
        .expect(200);
      expect(page.body).toEqual(expect.objectContaining({ page: 2, limit: 2, total: list.body.total }));
      expect(page.body.items).toHaveLength(2);
    });

    it('store isolation: store B’s id with store A’s category is 404; an unknown store is 404', async () => {
      await http()
        .get(base(storeB, `categories/${child}`))
        .set(bearer(admin))
        .expect(404);
      await patch(storeB, `categories/${child}`, { name: 'Hijack' }).expect(404);
      await http()
        .delete(base(storeB, `categories/${child}`))
        .set(bearer(admin))
        .expect(404);
      const unknown = await http()
        .get(base('00000000-0000-0000-0000-000000000000', 'categories'))
        .set(bearer(admin))
        .expect(404);
      expect(unknown.body.code).toBe('STORE_NOT_FOUND');
      await post('00000000-0000-0000-0000-000000000000', 'categories', { name: 'Ghost' }).expect(404);
    });
  });

  describe('tags and products', () => {
    let tagSummer: string;
    let tagSale: string;
    let productId: string;

    it('tags: create, duplicate slug 409, update, delete', async () => {
      tagSummer = (await post(storeA, 'tags', { name: 'Summer' }).expect(201)).body.id;
      const sale = await post(storeA, 'tags', { name: 'On Sale!' }).expect(201);
      expect(sale.body.slug).toBe('on-sale');
      tagSale = sale.body.id;
      const dup = await post(storeA, 'tags', { name: 'summer' });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('SLUG_TAKEN');
      const temp = await post(storeA, 'tags', { name: 'Temp' }).expect(201);
      await patch(storeA, `tags/${temp.body.id}`, { name: 'Temporary', slug: 'temporary' }).expect(200);
      await http()
        .delete(base(storeA, `tags/${temp.body.id}`))
        .set(bearer(admin))
        .expect(204);
      const list = await http().get(base(storeA, 'tags')).set(bearer(admin)).expect(200);
      expect(list.body.total).toBe(2);
    });

    it('creates a product with tags; money as strings; audited once', async () => {
      const before = await auditCount();
      const res = await post(storeA, 'products', {
        name: 'Classic Tee',
        basePrice: '19.9',
        tagIds: [tagSummer, tagSale, tagSummer],
        isActive: false,
      }).expect(201);
      expect(res.body).toEqual(
        expect.objectContaining({
          storeId: storeA,
          slug: 'classic-tee',
          basePrice: '19.90',
          isActive: false,
          isFeatured: false,
          categoryId: null,
        }),
      );
      expect((res.body.tags as Array<{ slug: string }>).map((t) => t.slug).sort()).toEqual([
        'on-sale',
        'summer',
      ]);
      productId = res.body.id;
      expect(await auditCount()).toBe(before + 1);
      const list = await http().get(base(storeA, 'products')).set(bearer(admin)).expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ id: productId, isActive: false })]);
    });

    it('updates fields and tags: the audit row holds the changed fields before/after', async () => {
      const res = await patch(storeA, `products/${productId}`, { basePrice: 25, tagIds: [tagSale] }).expect(
        200,
      );
      expect(res.body.basePrice).toBe('25.00');
      expect(res.body.tags).toEqual([expect.objectContaining({ id: tagSale })]);
      const log = await sql.query(
        `SELECT details FROM logs WHERE action = 'product.update' AND entity_id = $1`,
        [productId],
      );
      expect(log.rows).toHaveLength(1);
      expect(log.rows[0].details).toEqual({
        basePrice: { before: 1990, after: 2500 },
        tagIds: { before: [tagSale, tagSummer].sort(), after: [tagSale] },
      });
    });

    it.each([
      ['3 decimals', { name: 'P', basePrice: '1.999' }, 'basePrice'],
      ['negative price', { name: 'P', basePrice: -1 }, 'basePrice'],
      ['unknown field', { name: 'P', basePrice: 1, owner: 'x' }, 'owner'],
      ['malformed tag id', { name: 'P', basePrice: 1, tagIds: ['nope'] }, 'tagIds'],
      ['malformed category id', { name: 'P', basePrice: 1, categoryId: 'nope' }, 'categoryId'],
      ['bad slug', { name: 'P', basePrice: 1, slug: 'Not A Slug' }, 'slug'],
      ['missing name', { basePrice: 1 }, 'name'],
    ])('product validation (%s) → 400 naming %s, nothing written', async (_label, body, field) => {
      const before = await auditCount();
      const res = await post(storeA, 'products', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.details)).toContain(field);
      expect(await auditCount()).toBe(before);
    });

    it('another store’s tag or category on a product is 400 REFERENCE_NOT_FOUND, nothing written', async () => {
      const before = await auditCount();
      const tagB = await post(storeB, 'tags', { name: 'B tag' }).expect(201);
      const catB = await post(storeB, 'categories', { name: 'B cat' }).expect(201);
      const countBefore = await sql.query(`SELECT count(*)::int AS n FROM products`);
      const t = await post(storeA, 'products', { name: 'P2', basePrice: 1, tagIds: [tagB.body.id] });
      expect(t.status).toBe(400);
      expect(t.body.code).toBe('REFERENCE_NOT_FOUND');
      const c = await patch(storeA, `products/${productId}`, { categoryId: catB.body.id });
      expect(c.status).toBe(400);
      expect(c.body.code).toBe('REFERENCE_NOT_FOUND');
      const countAfter = await sql.query(`SELECT count(*)::int AS n FROM products`);
      expect(countAfter.rows[0].n).toBe(countBefore.rows[0].n);
      expect(await auditCount()).toBe(before + 2);
    });

    it.each([
      [{ name: null }, 'name'],
      [{ basePrice: null }, 'basePrice'],
      [{ isActive: null }, 'isActive'],
      [{ tagIds: null }, 'tagIds'],
      [{ basePrice: '0.001' }, 'basePrice'],
    ])('PATCH product with %j → 400 naming %s; nullable fields still accept null', async (body, field) => {
      const before = await auditCount();
      const res = await patch(storeA, `products/${productId}`, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.details)).toContain(field);
      expect(await auditCount()).toBe(before);
    });

    it('nullable fields accept null on PATCH', async () => {
      const res = await patch(storeA, `products/${productId}`, {
        description: null,
        categoryId: null,
      }).expect(200);
      expect(res.body).toEqual(expect.objectContaining({ description: null, categoryId: null }));
    });

    it('slug conflicts are 409 SLUG_TAKEN on create and on update', async () => {
      await post(storeA, 'products', { name: 'Second', basePrice: 1 }).expect(201);
      const dup = await post(storeA, 'products', { name: 'Classic Tee', basePrice: 1 });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('SLUG_TAKEN');
      const upd = await patch(storeA, `products/${productId}`, { slug: 'second' });
      expect(upd.status).toBe(409);
      expect(upd.body.code).toBe('SLUG_TAKEN');
    });

    it('store isolation and malformed ids for products', async () => {
      await http()
        .get(base(storeB, `products/${productId}`))
        .set(bearer(admin))
        .expect(404);
      await patch(storeB, `products/${productId}`, { name: 'Hijack' }).expect(404);
      await http()
        .delete(base(storeB, `products/${productId}`))
        .set(bearer(admin))
        .expect(404);
      await http()
        .get(base(storeB, `products/${productId}/images`))
        .set(bearer(admin))
        .expect(404);
      const bad = await http().get(base(storeA, 'products/not-a-uuid')).set(bearer(admin)).expect(400);
      expect(bad.body.code).toBe('INVALID_ID');
      await http().get(base('not-a-uuid', 'products')).set(bearer(admin)).expect(400);
      const row = await sql.query(`SELECT name FROM products WHERE id = $1`, [productId]);
      expect(row.rows[0].name).toBe('Classic Tee');
    });

    it('images: URLs validated, ordered by displayOrder, CRUD audited, another store’s product 404', async () => {
      const before = await auditCount();
      const bad = await post(storeA, `products/${productId}/images`, { url: 'not a url' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.details)).toContain('url');
      const js = await post(storeA, `products/${productId}/images`, { url: 'javascript:alert(1)' });
      expect(js.status).toBe(400);
      const second = await post(storeA, `products/${productId}/images`, {
        url: 'https://cdn.example.com/b.jpg',
        displayOrder: 2,
      }).expect(201);
      const first = await post(storeA, `products/${productId}/images`, {
        url: 'https://cdn.example.com/a.jpg',
        altText: 'Front',
        displayOrder: 1,
      }).expect(201);
      expect(first.body).toEqual(
        expect.objectContaining({
          productId,
          url: 'https://cdn.example.com/a.jpg',
          altText: 'Front',
          displayOrder: 1,
        }),
      );
      const list = await http()
        .get(base(storeA, `products/${productId}/images`))
        .set(bearer(admin))
        .expect(200);
      expect((list.body.items as Array<{ id: string }>).map((i) => i.id)).toEqual([
        first.body.id,
        second.body.id,
      ]);
      await patch(storeA, `products/${productId}/images/${second.body.id}`, { displayOrder: 0 }).expect(200);
      await post(storeB, `products/${productId}/images`, { url: 'https://x.example/a.jpg' }).expect(404);
      await http()
        .delete(base(storeB, `products/${productId}/images/${first.body.id}`))
        .set(bearer(admin))
        .expect(404);
      await http()
        .delete(base(storeA, `products/${productId}/images/${first.body.id}`))
        .set(bearer(admin))
        .expect(204);
      expect(await auditCount()).toBe(before + 4);
    });

    it('deleting a product takes its images and tag links with it', async () => {
      const before = await auditCount();
      await http()
        .delete(base(storeA, `products/${productId}`))
        .set(bearer(admin))
        .expect(204);
      const left = await sql.query(
        `SELECT (SELECT count(*) FROM product_images WHERE product_id = $1)::int AS images,
                (SELECT count(*) FROM product_tags WHERE product_id = $1)::int AS tags`,
        [productId],
      );
      expect(left.rows[0]).toEqual({ images: 0, tags: 0 });
      expect(await auditCount()).toBe(before + 1);
      const log = await sql.query(
        `SELECT action FROM logs WHERE entity_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [productId],
      );
      expect(log.rows[0].action).toBe('product.delete');
    });
  });

  it('customers and anonymous callers cannot reach catalog admin routes', async () => {
    await http().get(base(storeA, 'products')).set(bearer(customer)).expect(403);
    await http().post(base(storeA, 'tags')).set(bearer(customer)).send({ name: 'x' }).expect(403);
    await http().get(base(storeA, 'categories')).expect(401);
  });
});
