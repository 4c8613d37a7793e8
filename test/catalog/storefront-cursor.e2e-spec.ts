/**
 * Keyset pagination of the storefront listing (`cursor` / `nextCursor`) and the capped filtered total,
 * on the real app and database: every sort walked to its end by cursor, with ties on every sort key,
 * products added and removed between pages, filters, and cursors that were not issued by the API.
 */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { PRODUCT_SORTS, ProductSort, TOTAL_CAP } from '../../src/catalog/storefront-sql';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { insertCategory, insertProduct, insertStore } from './storefront-fixtures';

interface Card {
  id: string;
  slug: string;
  name: string;
  priceRange: { min: string; max: string };
}
interface Page {
  items: Card[];
  total: number;
  page: number;
  limit: number;
  totalCapped: boolean;
  hasMore: boolean;
  nextCursor: string | null;
}

describe('storefront cursor pagination', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let storeId: string;
  let shirtsId: string;
  const http = () => request(app.getHttpServer());
  const list = (query: string, store = 'cursors') => http().get(`/api/stores/${store}/products?${query}`);

  /** Every page of `query` by cursor; `between` runs after each page (to change the catalog). */
  async function walk(query: string, between?: (pageIndex: number) => Promise<void>): Promise<Page[]> {
    const pages: Page[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 200; i++) {
      const res = await list(`${query}${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      const page = res.body as Page;
      pages.push(page);
      expect(page.hasMore).toBe(page.nextCursor !== null);
      if (!page.nextCursor) return pages;
      cursor = page.nextCursor;
      if (between) await between(i);
    }
    throw new Error('no last page after 200 pages');
  }

  /** The store's active products in `sort` order, straight from the database (the oracle). */
  async function expectedOrder(sort: ProductSort, where = 'TRUE'): Promise<string[]> {
    const order = {
      newest: 'p.created_at DESC, p.id DESC',
      name: 'p.name, p.id',
      price: 'p.base_price + coalesce(p.min_variant_adjustment, 0), p.id',
      '-price': 'p.base_price + coalesce(p.min_variant_adjustment, 0) DESC, p.id DESC',
    }[sort];
    const { rows } = await sql.query<{ id: string }>(
      `SELECT p.id FROM products p WHERE p.store_id = $1 AND p.is_active AND ${where} ORDER BY ${order}`,
      [storeId],
    );
    return rows.map((r) => r.id);
  }

  let serial = 0;
  /** A product; names, prices and ages repeat on purpose so that every sort has ties to break by id. */
  async function addProduct(options: { categoryId?: string; color?: string; isActive?: boolean } = {}) {
    const n = serial++;
    return insertProduct(sql, storeId, {
      slug: `p-${n}`,
      name: `Item ${String(n % 7).padStart(2, '0')}`,
      basePrice: `${10 + (n % 5)}.00`,
      ageDays: n % 4,
      categoryId: options.categoryId ?? null,
      isActive: options.isActive ?? true,
      variants: [{ sku: `SKU-${n}`, attributes: { color: options.color ?? 'blue' }, adjustment: '0' }],
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url, { EVENTS_DISPATCH: 'false' });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    storeId = await insertStore(sql, 'cursors');
    const apparel = await insertCategory(sql, storeId, 'apparel');
    shirtsId = await insertCategory(sql, storeId, 'shirts', { parentId: apparel });
    for (let i = 0; i < 40; i++) {
      await addProduct({ categoryId: i % 3 === 0 ? shirtsId : undefined, color: i % 2 ? 'red' : 'blue' });
    }
    await addProduct({ isActive: false });
    // Exact ties on the newest key too (same microsecond): only the id orders these.
    await sql.query(
      `UPDATE products SET created_at = '2026-01-01T00:00:00.123456Z' WHERE slug IN ('p-1', 'p-2', 'p-3')`,
    );
    const other = await insertStore(sql, 'other');
    await insertProduct(sql, other, { slug: 'elsewhere', name: 'Item 00', basePrice: '10.00', ageDays: 0 });
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
  });

  it.each(PRODUCT_SORTS.map((sort) => [sort]))(
    'walks every page of sort=%s by cursor: each product exactly once, in order',
    async (sort) => {
      const pages = await walk(`sort=${sort}&limit=7`);
      const seen = pages.flatMap((page) => page.items.map((item) => item.id));
      expect(seen).toEqual(await expectedOrder(sort));
      expect(new Set(seen).size).toBe(seen.length);
      expect(pages.length).toBe(Math.ceil(40 / 7));
      expect(pages.at(-1)).toMatchObject({ hasMore: false, nextCursor: null });
      for (const page of pages) expect(page).toMatchObject({ total: 40, totalCapped: false, limit: 7 });
    },
  );

  it('gives the same pages by cursor as by page number, and a cursor from any page-number page', async () => {
    const byCursor = await walk('sort=price&limit=6');
    for (const [index, page] of byCursor.entries()) {
      const byNumber = (await list(`sort=price&limit=6&page=${index + 1}`).expect(200)).body as Page;
      expect(byNumber.items).toEqual(page.items);
      expect(byNumber.nextCursor).toBe(page.nextCursor);
    }
    // The cursor wins over page (page only echoes).
    const third = (await list(`sort=price&limit=6&page=3`).expect(200)).body as Page;
    const both = (await list(`sort=price&limit=6&page=1&cursor=${third.nextCursor}`).expect(200))
      .body as Page;
    expect(both.items).toEqual(byCursor[3].items);
    expect(both.page).toBe(1);
  });

  it.each(PRODUCT_SORTS.map((sort) => [sort]))(
    'never repeats or skips a product that stays while products are added and removed between pages (sort=%s)',
    async (sort) => {
      const before = new Set(await expectedOrder(sort));
      const removed = new Set<string>();
      const pages = await walk(`sort=${sort}&limit=5`, async (pageIndex) => {
        // Newcomers land all over the order (names, prices and ages repeat), one product disappears.
        await addProduct();
        await addProduct({ categoryId: shirtsId });
        if (pageIndex === 2) {
          const { rows } = await sql.query<{ id: string }>(
            `UPDATE products SET is_active = false
              WHERE id = (SELECT id FROM products WHERE store_id = $1 AND is_active ORDER BY id DESC LIMIT 1)
             RETURNING id`,
            [storeId],
          );
          removed.add(rows[0].id);
        }
      });
      const seen = pages.flatMap((page) => page.items.map((item) => item.id));
      expect(new Set(seen).size).toBe(seen.length);
      const stayed = [...before].filter((id) => !removed.has(id));
      for (const id of stayed) expect(seen).toContain(id);
      // In order: what was seen is a subsequence of the final order.
      const finalOrder = await expectedOrder(sort);
      const positions = seen.filter((id) => finalOrder.includes(id)).map((id) => finalOrder.indexOf(id));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      await sql.query(`UPDATE products SET is_active = true WHERE id = ANY($1::uuid[])`, [[...removed]]);
    },
  );

  it('combines a cursor with filters: the filtered list, each match once, in order', async () => {
    const query = 'category=apparel&attr.color=red&minPrice=10&maxPrice=12.99&sort=-price&limit=2';
    const pages = await walk(query);
    const seen = pages.flatMap((page) => page.items.map((item) => item.id));
    const expected = await expectedOrder(
      '-price',
      `p.category_id = '${shirtsId}' AND p.base_price BETWEEN 10 AND 12.99 AND EXISTS (
         SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND v.is_active
            AND v.attributes @> '{"color":"red"}')`,
    );
    expect(expected.length).toBeGreaterThan(2);
    expect(seen).toEqual(expected);
    for (const page of pages) expect(page).toMatchObject({ total: expected.length, totalCapped: false });
  });

  it('answers 400 INVALID_CURSOR for a malformed, edited, foreign or other-sort cursor', async () => {
    const first = (await list('sort=name&limit=3').expect(200)).body as Page;
    const cursor = first.nextCursor as string;
    const bytes = Buffer.from(cursor, 'base64url');
    const payload = JSON.parse(bytes.subarray(12).toString('utf8')) as unknown[];
    // Same MAC, another position: a forgery.
    const forged = Buffer.concat([
      bytes.subarray(0, 12),
      Buffer.from(JSON.stringify([payload[0], payload[1], 'A', payload[3]])),
    ]).toString('base64url');
    const unsigned = Buffer.from(JSON.stringify(payload)).toString('base64url');
    const flipped = Buffer.from(bytes.map((b, i) => (i === 5 ? b ^ 1 : b))).toString('base64url');
    for (const bad of ['x', '!!!', 'a'.repeat(2000), forged, unsigned, flipped, `${cursor}AAAA`]) {
      const res = await list(`sort=name&cursor=${encodeURIComponent(bad)}`);
      expect({ bad, status: res.status, code: res.body.code }).toEqual({
        bad,
        status: 400,
        code: 'INVALID_CURSOR',
      });
    }
    // A name cursor is no price cursor.
    const other = await list(`sort=price&cursor=${cursor}`).expect(400);
    expect(other.body).toMatchObject({
      code: 'INVALID_CURSOR',
      message: expect.stringContaining('sort=name'),
    });
    // Checked before the store is looked up, like every other parameter.
    expect((await list(`cursor=${forged}`, 'no-such-store').expect(400)).body.code).toBe('INVALID_CURSOR');
    await list('cursor=a&cursor=b').expect(400);
    // The real one still works.
    await list(`sort=name&cursor=${cursor}`).expect(200);
  });

  it('caps a filtered total: exact up to the cap, then the cap with totalCapped', async () => {
    // A second store with more matches than the cap (set-based: the cap is in the hundreds).
    const big = await insertStore(sql, 'big-filter');
    await sql.query(
      `INSERT INTO products (store_id, name, slug, base_price, created_at)
       SELECT $1, 'Bulk ' || g, 'bulk-' || g, 10, now() - make_interval(secs => g)
         FROM generate_series(1, $2::int) g`,
      [big, TOTAL_CAP + 20],
    );
    await sql.query(
      `INSERT INTO product_variants (store_id, product_id, sku, name, attributes, price_adjustment)
       SELECT $1, p.id, 'B-' || p.slug, 'v', CASE WHEN p.slug ~ '[02468]$' THEN '{"color":"red"}'::jsonb
                                                  ELSE '{"color":"blue"}'::jsonb END, 0
         FROM products p WHERE p.store_id = $1`,
      [big],
    );
    const unfiltered = (await list('limit=1', 'big-filter').expect(200)).body as Page;
    expect(unfiltered).toMatchObject({ total: TOTAL_CAP + 20, totalCapped: false, hasMore: true });
    const over = (await list('limit=1&minPrice=5', 'big-filter').expect(200)).body as Page;
    expect(over).toMatchObject({ total: TOTAL_CAP, totalCapped: true, hasMore: true });
    const under = (await list('limit=1&attr.color=red', 'big-filter').expect(200)).body as Page;
    expect(under).toMatchObject({ total: (TOTAL_CAP + 20) / 2, totalCapped: false });
    // Capped, the page walks the sort's index; not capped, it is sorted out of the counted matches. Either
    // way, by cursor or by page number: every match once, newest first.
    const { rows: newest } = await sql.query<{ slug: string }>(
      `SELECT slug FROM products WHERE store_id = $1 ORDER BY created_at DESC, id DESC`,
      [big],
    );
    for (const [filter, expected] of [
      ['minPrice=5', newest.map((r) => r.slug)],
      ['attr.color=red', newest.map((r) => r.slug).filter((slug) => /[02468]$/.test(slug))],
    ] as const) {
      const slugsOf = (page: Page) => page.items.map((item) => item.slug);
      const byCursor: string[] = [];
      let next: string | null = null;
      do {
        const cursor: string = next ? `&cursor=${next}` : '';
        const page = (await list(`limit=100&${filter}${cursor}`, 'big-filter').expect(200)).body as Page;
        byCursor.push(...slugsOf(page));
        next = page.nextCursor;
      } while (next);
      const byNumber: string[] = [];
      for (let n = 1; n <= 3; n++) {
        byNumber.push(
          ...slugsOf((await list(`limit=100&page=${n}&${filter}`, 'big-filter').expect(200)).body as Page),
        );
      }
      expect({ filter, byCursor }).toEqual({ filter, byCursor: expected });
      expect({ filter, byNumber }).toEqual({ filter, byNumber: expected });
    }
    // Exactly at the cap is still exact.
    await sql.query(
      `UPDATE products SET is_active = false WHERE store_id = $1 AND slug IN
         (SELECT slug FROM products WHERE store_id = $1 ORDER BY slug LIMIT 20)`,
      [big],
    );
    const at = (await list('limit=1&minPrice=5', 'big-filter').expect(200)).body as Page;
    expect(at).toMatchObject({ total: TOTAL_CAP, totalCapped: false });
    // The list walks to its end by cursor whatever its total.
    let seen = 0;
    let cursor: string | null = null;
    do {
      const res = await list(`limit=100&minPrice=5${cursor ? `&cursor=${cursor}` : ''}`, 'big-filter');
      const page = res.body as Page;
      seen += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toBe(TOTAL_CAP);
  });
});
