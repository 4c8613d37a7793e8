/** Public catalog (categories, product list, product detail) on the real app and database. */
import { INestApplication } from '@nestjs/common';
import { Client, Pool } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { TestDatabase } from '../support/database';
import { insertCategory, insertProduct, insertStore, insertTag } from './storefront-fixtures';

describe('storefront catalog', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  const http = () => request(app.getHttpServer());
  const list = (store: string, query = '') => http().get(`/api/stores/${store}/products${query}`);
  /** Slugs of a list response, in order. */
  const slugs = async (query: string, store = 'shop-a'): Promise<string[]> => {
    const res = await list(store, query).expect(200);
    return slugsOf(res.body);
  };
  const ids: Record<string, string> = {};
  const slugsOf = (body: { items: Array<{ slug: string }> }): string[] => body.items.map((item) => item.slug);

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());

    const a = await insertStore(sql, 'shop-a');
    const b = await insertStore(sql, 'shop-b');
    const closed = await insertStore(sql, 'closed', false);
    ids.storeA = a;

    // Store A: home (0), apparel (1) > [hoodies (1), shirts (2) > tees]; hidden (inactive) > orphan.
    const apparel = await insertCategory(sql, a, 'apparel', { displayOrder: 1 });
    const shirts = await insertCategory(sql, a, 'shirts', { parentId: apparel, displayOrder: 2 });
    const tees = await insertCategory(sql, a, 'tees', { parentId: shirts, name: 'T-Shirts' });
    const hoodies = await insertCategory(sql, a, 'hoodies', { parentId: apparel, displayOrder: 1 });
    const home = await insertCategory(sql, a, 'home', { displayOrder: 0 });
    const hidden = await insertCategory(sql, a, 'hidden', { displayOrder: 5, isActive: false });
    await insertCategory(sql, a, 'orphan', { parentId: hidden });
    const sale = await insertTag(sql, a, 'sale');
    const fresh = await insertTag(sql, a, 'new');

    ids.tee = await insertProduct(sql, a, {
      slug: 'classic-tee',
      name: 'Classic Cotton Tee',
      description: 'A soft everyday shirt.',
      basePrice: '10.00',
      categoryId: tees,
      isFeatured: true,
      ageDays: 1,
      tagIds: [sale],
      images: [
        { url: 'https://img.example/tee-2.jpg', altText: 'Back', displayOrder: 1 },
        { url: 'https://img.example/tee-1.jpg', altText: 'Front', displayOrder: 0 },
      ],
      variants: [
        {
          sku: 'TEE-S-RED',
          attributes: { size: 'S', color: 'red' },
          quantity: 5,
          imageUrl: 'https://img.example/red.jpg',
        },
        {
          sku: 'TEE-L-BLUE',
          attributes: { size: 'L', color: 'blue' },
          adjustment: '2.50',
          quantity: 3,
          reserved: 3,
        },
        {
          sku: 'TEE-XL-GREEN',
          attributes: { size: 'XL', color: 'green' },
          adjustment: '100.00',
          quantity: 9,
          isActive: false,
        },
      ],
    });
    await insertProduct(sql, a, {
      slug: 'wool-hoodie',
      name: 'Wool Hoodie',
      basePrice: '40.00',
      categoryId: hoodies,
      ageDays: 2,
      tagIds: [fresh, sale],
      variants: [
        { sku: 'HOOD-M-BLACK', attributes: { size: 'M', color: 'black' }, adjustment: '-5.00', quantity: 0 },
      ],
    });
    await insertProduct(sql, a, {
      slug: 'oxford-shirt',
      name: 'Oxford Shirt',
      basePrice: '25.50',
      categoryId: shirts,
      ageDays: 3,
      variants: [{ sku: 'OX-M-WHITE', attributes: { size: 'M', color: 'white' }, quantity: 10 }],
    });
    await insertProduct(sql, a, {
      slug: 'ceramic-mug',
      name: 'Ceramic Mug',
      description: 'Stoneware for your morning coffee.',
      basePrice: '8.99',
      categoryId: home,
      ageDays: 4,
    });
    await insertProduct(sql, a, {
      slug: 'hidden-category-item',
      name: 'Hidden Category Item',
      basePrice: '5.00',
      categoryId: hidden,
      ageDays: 5,
      variants: [{ sku: 'HID-1', attributes: { size: 'M' }, quantity: 1 }],
    });
    await insertProduct(sql, a, {
      slug: 'secret-tee',
      name: 'Secret Cotton Tee',
      basePrice: '1.00',
      categoryId: tees,
      isActive: false,
      ageDays: 0,
      tagIds: [sale],
      variants: [{ sku: 'SECRET-1', attributes: { size: 'S', color: 'red' }, quantity: 10 }],
    });

    // Store B reuses slugs, names and attribute values: none of it may show under store A.
    const bApparel = await insertCategory(sql, b, 'apparel');
    const bSale = await insertTag(sql, b, 'sale');
    await insertProduct(sql, b, {
      slug: 'classic-tee',
      name: 'Classic Cotton Tee',
      basePrice: '99.00',
      categoryId: bApparel,
      ageDays: 0,
      isFeatured: true,
      tagIds: [bSale],
      variants: [{ sku: 'TEE-S-RED', attributes: { size: 'S', color: 'red' }, quantity: 1 }],
    });
    await insertProduct(sql, closed, {
      slug: 'closed-item',
      name: 'Closed Item',
      basePrice: '3.00',
      ageDays: 0,
    });
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  describe('GET /stores/:storeSlug/categories', () => {
    it('returns the active tree by displayOrder, three levels deep, without inactive subtrees', async () => {
      const res = await http().get('/api/stores/shop-a/categories').expect(200);
      const shape = (nodes: Array<{ slug: string; children: unknown[] }>): unknown =>
        nodes.map((node) => ({ slug: node.slug, children: shape(node.children as typeof nodes) }));
      expect(shape(res.body)).toEqual([
        { slug: 'home', children: [] },
        {
          slug: 'apparel',
          children: [
            { slug: 'hoodies', children: [] },
            { slug: 'shirts', children: [{ slug: 'tees', children: [] }] },
          ],
        },
      ]);
      expect(res.body[1].children[1].children[0]).toEqual({
        id: expect.any(String),
        name: 'T-Shirts',
        slug: 'tees',
        children: [],
      });
    });

    it('shows only the store’s own categories', async () => {
      const res = await http().get('/api/stores/shop-b/categories').expect(200);
      expect(res.body).toEqual([{ id: expect.any(String), name: 'Apparel', slug: 'apparel', children: [] }]);
    });

    it('is 404 for an unknown or inactive store', async () => {
      const unknown = await http().get('/api/stores/nope/categories').expect(404);
      expect(unknown.body.code).toBe('STORE_NOT_FOUND');
      await http().get('/api/stores/closed/categories').expect(404);
    });
  });

  describe('GET /stores/:storeSlug/products', () => {
    it('lists active products newest first with the card shape and money as strings', async () => {
      const res = await list('shop-a').expect(200);
      expect(res.body).toEqual({
        items: expect.any(Array),
        total: 5,
        page: 1,
        limit: 24,
        totalCapped: false,
        hasMore: false,
        nextCursor: null,
      });
      expect(slugsOf(res.body)).toEqual([
        'classic-tee',
        'wool-hoodie',
        'oxford-shirt',
        'ceramic-mug',
        'hidden-category-item',
      ]);
      expect(res.body.items[0]).toEqual({
        id: ids.tee,
        slug: 'classic-tee',
        name: 'Classic Cotton Tee',
        basePrice: '10.00',
        // The inactive 110.00 variant does not count.
        priceRange: { min: '10.00', max: '12.50' },
        category: { slug: 'tees', name: 'T-Shirts' },
        tags: ['sale'],
        image: 'https://img.example/tee-1.jpg',
        inStock: true,
      });
      const [, hoodie, , mug, hiddenCategory] = res.body.items;
      // Variant price = base + adjustment; quantity 0 → not in stock.
      expect(hoodie).toMatchObject({
        priceRange: { min: '35.00', max: '35.00' },
        inStock: false,
        tags: ['new', 'sale'],
      });
      // No variant: the base price is the range, nothing to buy, no image.
      expect(mug).toMatchObject({
        priceRange: { min: '8.99', max: '8.99' },
        inStock: false,
        image: null,
        tags: [],
      });
      // Its category is inactive: the product stays visible, the category is not shown.
      expect(hiddenCategory).toMatchObject({ category: null, inStock: true });
    });

    it('counts stock as quantity − reserved', async () => {
      // Reserve the last red tee: both active variants are now fully reserved.
      await sql.query(
        `UPDATE inventory SET reserved = quantity WHERE variant_id =
                         (SELECT id FROM product_variants WHERE sku = 'TEE-S-RED' AND store_id = $1)`,
        [ids.storeA],
      );
      try {
        const res = await list('shop-a', '?limit=1').expect(200);
        expect(res.body.items[0]).toMatchObject({ slug: 'classic-tee', inStock: false });
      } finally {
        await sql.query(
          `UPDATE inventory SET reserved = 0 WHERE variant_id =
                           (SELECT id FROM product_variants WHERE sku = 'TEE-S-RED' AND store_id = $1)`,
          [ids.storeA],
        );
      }
    });

    it('pages with the total of all matches', async () => {
      const first = await list('shop-a', '?limit=2').expect(200);
      expect(first.body).toMatchObject({ total: 5, page: 1, limit: 2 });
      expect(slugsOf(first.body)).toEqual(['classic-tee', 'wool-hoodie']);
      const third = await list('shop-a', '?limit=2&page=3').expect(200);
      expect(third.body).toMatchObject({ total: 5, page: 3, limit: 2 });
      expect(slugsOf(third.body)).toEqual(['hidden-category-item']);
      const beyond = await list('shop-a', '?limit=2&page=4').expect(200);
      expect(beyond.body).toEqual({
        items: [],
        total: 5,
        page: 4,
        limit: 2,
        totalCapped: false,
        hasMore: false,
        nextCursor: null,
      });
      // A filtered total counts the matches, not the page.
      const filtered = await list('shop-a', '?category=apparel&limit=1').expect(200);
      expect(filtered.body).toMatchObject({ total: 3, page: 1, limit: 1 });
      expect(filtered.body.items).toHaveLength(1);
    });

    it('keeps the unfiltered total right as products are added, hidden, moved and deleted', async () => {
      const total = async (store: string) => (await list(store, '?limit=1').expect(200)).body.total as number;
      const b = (await sql.query<{ id: string }>(`SELECT id FROM stores WHERE slug = 'shop-b'`)).rows[0].id;
      const extra = await insertProduct(sql, ids.storeA, {
        slug: 'extra',
        name: 'Extra',
        basePrice: '1.00',
        ageDays: 9,
      });
      await insertProduct(sql, ids.storeA, {
        slug: 'extra-off',
        name: 'Off',
        basePrice: '1.00',
        ageDays: 9,
        isActive: false,
      });
      expect(await total('shop-a')).toBe(6);
      await sql.query(`UPDATE products SET is_active = false WHERE id = $1`, [extra]);
      expect(await total('shop-a')).toBe(5);
      await sql.query(`UPDATE products SET is_active = true, store_id = $2 WHERE id = $1`, [extra, b]);
      expect([await total('shop-a'), await total('shop-b')]).toEqual([5, 2]);
      await sql.query(`DELETE FROM products WHERE slug IN ('extra', 'extra-off')`);
      expect([await total('shop-a'), await total('shop-b')]).toEqual([5, 1]);
      // A deleted store takes its counter with it (and its products' delete trigger finds nothing to do).
      const gone = await insertStore(sql, 'gone');
      await insertProduct(sql, gone, { slug: 'x', name: 'X', basePrice: '1.00', ageDays: 1 });
      await sql.query(`UPDATE products SET is_active = false WHERE store_id = $1`, [gone]);
      await sql.query(`UPDATE products SET is_active = true WHERE store_id = $1`, [gone]);
      await sql.query(`DELETE FROM stores WHERE id = $1`, [gone]);
      expect(
        (await sql.query(`SELECT 1 FROM store_product_counts WHERE store_id = $1`, [gone])).rowCount,
      ).toBe(0);
      // And the counter agrees with a real count for every store.
      const drift = await sql.query(
        `SELECT s.slug FROM stores s LEFT JOIN store_product_counts c ON c.store_id = s.id
          WHERE coalesce(c.active_products, 0) <> (SELECT count(*) FROM products p WHERE p.store_id = s.id AND p.is_active)`,
      );
      expect(drift.rows).toEqual([]);
    });

    it('filters by category including every level below it', async () => {
      expect(await slugs('?category=apparel')).toEqual(['classic-tee', 'wool-hoodie', 'oxford-shirt']);
      expect(await slugs('?category=shirts')).toEqual(['classic-tee', 'oxford-shirt']);
      expect(await slugs('?category=tees')).toEqual(['classic-tee']);
      expect(await slugs('?category=home')).toEqual(['ceramic-mug']);
      // Unknown and inactive categories match nothing.
      expect(await slugs('?category=nope')).toEqual([]);
      expect(await slugs('?category=hidden')).toEqual([]);
    });

    it('filters by tag', async () => {
      expect(await slugs('?tag=sale')).toEqual(['classic-tee', 'wool-hoodie']);
      expect(await slugs('?tag=new')).toEqual(['wool-hoodie']);
      expect(await slugs('?tag=nope')).toEqual([]);
    });

    it('searches name and description as word prefixes', async () => {
      expect(await slugs('?q=cott')).toEqual(['classic-tee']);
      expect(await slugs('?q=OXFORD%20sh')).toEqual(['oxford-shirt']);
      expect(await slugs('?q=coffee')).toEqual(['ceramic-mug']);
      expect(await slugs('?q=shirt')).toEqual(['classic-tee', 'oxford-shirt']);
      // Every word must match; the inactive "Secret Cotton Tee" never does.
      expect(await slugs('?q=secret')).toEqual([]);
      expect(await slugs('?q=cotton%20mug')).toEqual([]);
      // Operators are not syntax: they are dropped, never a 500.
      expect(await slugs('?q=' + encodeURIComponent("cotton & !| ' :* ("))).toEqual(['classic-tee']);
      expect((await list('shop-a', '?q=%21%21').expect(200)).body.total).toBe(5);
    });

    it('search follows renames and new descriptions (the stored search vector, migration 0026)', async () => {
      const store = await insertStore(sql, 'shop-search');
      const id = await insertProduct(sql, store, {
        slug: 'lamp',
        name: 'Brass Lamp',
        description: 'Warm light.',
        basePrice: '30.00',
        ageDays: 0,
        variants: [{ sku: 'LAMP-1', attributes: {}, quantity: 1 }],
      });
      const found = (q: string) => slugs(`?q=${q}`, 'shop-search');
      expect(await found('brass')).toEqual(['lamp']);
      await sql.query(`UPDATE products SET name = 'Copper Lamp' WHERE id = $1`, [id]);
      expect(await found('brass')).toEqual([]);
      expect(await found('copper')).toEqual(['lamp']);
      await sql.query(`UPDATE products SET description = 'Cold glow.' WHERE id = $1`, [id]);
      expect(await found('warm')).toEqual([]);
      expect(await found('glow')).toEqual(['lamp']);
      await sql.query(`UPDATE products SET description = NULL, base_price = 31 WHERE id = $1`, [id]);
      expect(await found('glow')).toEqual([]);
      expect(await found('copper%20lamp')).toEqual(['lamp']);
    });

    it('filters by variant attributes, all on the same active variant', async () => {
      expect(await slugs('?attr.color=red')).toEqual(['classic-tee']);
      expect(await slugs('?attr.color=blue&attr.size=L')).toEqual(['classic-tee']);
      expect(await slugs('?attr.color=red&attr.size=L')).toEqual([]);
      expect(await slugs('?attr.size=M')).toEqual(['wool-hoodie', 'oxford-shirt', 'hidden-category-item']);
      // Only an inactive variant is green.
      expect(await slugs('?attr.color=green')).toEqual([]);
    });

    it('filters by variant price (base + adjustment), not by base price', async () => {
      expect(await slugs('?minPrice=12')).toEqual(['classic-tee', 'wool-hoodie', 'oxford-shirt']);
      expect(await slugs('?maxPrice=10.00')).toEqual(['classic-tee', 'hidden-category-item']);
      // The hoodie's base is 40.00, its only variant 35.00.
      expect(await slugs('?minPrice=35&maxPrice=35')).toEqual(['wool-hoodie']);
      expect(await slugs('?minPrice=36&maxPrice=40')).toEqual([]);
      // The inactive 110.00 tee is not for sale.
      expect(await slugs('?minPrice=100')).toEqual([]);
      // Combined with an attribute: the blue tee (12.50) is in range, the red one (10.00) is not.
      expect(await slugs('?minPrice=12&attr.color=blue')).toEqual(['classic-tee']);
      expect(await slugs('?minPrice=12&attr.color=red')).toEqual([]);
    });

    it('filters featured products', async () => {
      expect(await slugs('?featured=true')).toEqual(['classic-tee']);
      expect((await list('shop-a', '?featured=false').expect(200)).body.total).toBe(5);
    });

    it('combines filters', async () => {
      expect(
        await slugs('?category=apparel&tag=sale&q=tee&attr.size=S&minPrice=10&maxPrice=10&featured=true'),
      ).toEqual(['classic-tee']);
    });

    it('sorts by price (cheapest variant), -price and name', async () => {
      const byPrice = ['hidden-category-item', 'ceramic-mug', 'classic-tee', 'oxford-shirt', 'wool-hoodie'];
      expect(await slugs('?sort=price')).toEqual(byPrice);
      expect(await slugs('?sort=-price')).toEqual([...byPrice].reverse());
      expect(await slugs('?sort=name')).toEqual([
        'ceramic-mug',
        'classic-tee',
        'hidden-category-item',
        'oxford-shirt',
        'wool-hoodie',
      ]);
      expect(await slugs('?sort=newest&limit=2')).toEqual(['classic-tee', 'wool-hoodie']);
      expect(await slugs('?sort=price&limit=2&page=2')).toEqual(['classic-tee', 'oxford-shirt']);
      // With narrower filters too (the page is then not a plain index range).
      expect(await slugs('?sort=-price&category=apparel')).toEqual([
        'wool-hoodie',
        'oxford-shirt',
        'classic-tee',
      ]);
      expect(await slugs('?sort=price&tag=sale')).toEqual(['classic-tee', 'wool-hoodie']);
      expect(await slugs('?sort=-price&q=shirt')).toEqual(['oxford-shirt', 'classic-tee']);
    });

    it('keeps the price sorts right as variants change, concurrently too (migration 0011 triggers)', async () => {
      /** Products whose stored cheapest adjustment differs from their active variants' real one. */
      const drift = async (): Promise<string[]> =>
        (
          await sql.query<{ slug: string }>(
            `SELECT p.slug FROM products p
              WHERE p.min_variant_adjustment IS DISTINCT FROM
                    (SELECT min(v.price_adjustment) FROM product_variants v WHERE v.product_id = p.id AND v.is_active)`,
          )
        ).rows.map((r) => r.slug);
      expect(await drift()).toEqual([]);

      const shop = await insertStore(sql, 'price-moves');
      const cheap = await insertProduct(sql, shop, {
        slug: 'cheap',
        name: 'Cheap',
        basePrice: '10.00',
        ageDays: 1,
      });
      const dear = await insertProduct(sql, shop, {
        slug: 'dear',
        name: 'Dear',
        basePrice: '20.00',
        ageDays: 2,
      });
      const addVariant = (
        productId: string,
        sku: string,
        adjustment: string,
        client: { query: Client['query'] } = sql,
      ) =>
        client.query<{ id: string }>(
          `INSERT INTO product_variants (store_id, product_id, sku, name, price_adjustment)
           VALUES ($1, $2, $3, $3, $4) RETURNING id`,
          [shop, productId, sku, adjustment],
        );
      const order = () => slugs('?sort=price', 'price-moves');
      // No variants: the base price decides.
      expect(await order()).toEqual(['cheap', 'dear']);
      const pricey = (await addVariant(cheap, 'C-1', '15.00')).rows[0].id; // cheap now from 25.00
      expect(await order()).toEqual(['dear', 'cheap']);
      await addVariant(cheap, 'C-2', '-5.00'); // from 5.00
      expect(await order()).toEqual(['cheap', 'dear']);
      await sql.query(`UPDATE product_variants SET is_active = false WHERE sku = 'C-2' AND store_id = $1`, [
        shop,
      ]);
      expect(await order()).toEqual(['dear', 'cheap']);
      await sql.query(`UPDATE product_variants SET price_adjustment = -1 WHERE id = $1`, [pricey]); // 9.00
      expect(await order()).toEqual(['cheap', 'dear']);
      // A variant moved to the other product changes both.
      await sql.query(`UPDATE product_variants SET product_id = $2 WHERE id = $1`, [pricey, dear]); // dear 19.00
      expect(await order()).toEqual(['cheap', 'dear']);
      await sql.query(`DELETE FROM product_variants WHERE product_id = $1`, [dear]);
      expect(await order()).toEqual(['cheap', 'dear']);
      expect(await slugs('?sort=-price', 'price-moves')).toEqual(['dear', 'cheap']);
      expect(await drift()).toEqual([]);

      // Concurrent transactions changing the same products' variants, each holding its change a moment
      // before committing: the last to commit must still see every other one.
      const pool = new Pool({ connectionString: db.url, max: 12 });
      try {
        await Promise.all(
          Array.from({ length: 36 }, async (_, i) => {
            const client = await pool.connect();
            try {
              await client.query('BEGIN');
              const product = i % 2 === 0 ? cheap : dear;
              const adjustment = (((i * 7) % 13) - 6).toFixed(2);
              await addVariant(product, `RACE-${i}`, adjustment, client);
              if (i % 3 === 0) {
                await client.query(
                  `UPDATE product_variants SET is_active = NOT is_active WHERE sku = $1 AND store_id = $2`,
                  [`RACE-${i}`, shop],
                );
              }
              await client.query('SELECT pg_sleep(0.01)');
              if (i % 5 === 0) {
                await client.query(`DELETE FROM product_variants WHERE sku = $1 AND store_id = $2`, [
                  `RACE-${i}`,
                  shop,
                ]);
              }
              await client.query('COMMIT');
            } finally {
              client.release();
            }
          }),
        );
      } finally {
        await pool.end();
      }
      expect(await drift()).toEqual([]);
    });

    it('never shows another store’s products', async () => {
      const a = await list('shop-a', '?q=classic').expect(200);
      expect(a.body.items).toHaveLength(1);
      expect(a.body.items[0]).toMatchObject({ id: ids.tee, basePrice: '10.00' });
      const b = await list('shop-b').expect(200);
      expect(b.body.total).toBe(1);
      expect(b.body.items[0]).toMatchObject({ slug: 'classic-tee', basePrice: '99.00', tags: ['sale'] });
      expect(b.body.items[0].id).not.toBe(ids.tee);
      // Store B's category, tag and attribute values do not reach store A's products, nor the reverse.
      expect(await slugs('?category=apparel&minPrice=99', 'shop-a')).toEqual([]);
      expect(await slugs('?category=shirts', 'shop-b')).toEqual([]);
      expect(await slugs('?tag=new', 'shop-b')).toEqual([]);
    });

    it('is 404 for an unknown or inactive store', async () => {
      expect((await list('nope').expect(404)).body.code).toBe('STORE_NOT_FOUND');
      await list('closed').expect(404);
    });

    it.each([
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=abc', 'limit'],
      ['?limit=1.5', 'limit'],
      ['?page=0', 'page'],
      ['?page=-1', 'page'],
      ['?page=99999999999', 'page'],
      ['?minPrice=1.999', 'minPrice'],
      ['?minPrice=-1', 'minPrice'],
      ['?maxPrice=abc', 'maxPrice'],
      ['?maxPrice=1e3', 'maxPrice'],
      ['?minPrice=20&maxPrice=10', 'minPrice'],
      ['?sort=foo', 'sort'],
      ['?sort=-name', 'sort'],
      ['?featured=yes', 'featured'],
      ['?foo=bar', 'foo'],
      ['?attributes=x', 'attributes'],
      ['?limit=1&limit=2', 'limit'],
      ['?attr.=red', 'attr.'],
      ['?attr.color=', 'attr.color'],
      ['?attr.co%20lor=red', 'attr.co lor'],
      [`?attr.color=${'x'.repeat(101)}`, 'attr.color'],
      ['?attr.color=red&attr.color=blue', 'attr.color'],
      ['?attr.a=1&attr.b=1&attr.c=1&attr.d=1&attr.e=1&attr.f=1', 'attr.f'],
      [`?q=${'a'.repeat(201)}`, 'q'],
      [`?category=${'a'.repeat(201)}`, 'category'],
      // NUL cannot be stored in PostgreSQL text: a 400 here, not a failed statement.
      ['?category=a%00b', 'category'],
      ['?tag=%00', 'tag'],
      ['?attr.color=re%00d', 'attr.color'],
      ['?q=cotton%00', 'q'],
    ])('rejects %s with 400 naming %s', async (query, field) => {
      const res = await list('shop-a', query).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('answers 404, not 500, for slugs that cannot exist (NUL)', async () => {
      expect((await http().get('/api/stores/shop%00a/products').expect(404)).body.code).toBe(
        'STORE_NOT_FOUND',
      );
      await http().get('/api/stores/shop%00a/categories').expect(404);
      await http().get('/api/stores/shop%00a/products/classic-tee').expect(404);
      const product = await http().get('/api/stores/shop-a/products/classic%00tee').expect(404);
      expect(product.body.code).toBe('PRODUCT_NOT_FOUND');
    });

    it('validates before looking up the store', async () => {
      // Bad input is 400 even for an unknown store: the query is never run.
      await list('nope', '?limit=0').expect(400);
    });

    it('accepts the boundaries', async () => {
      await list('shop-a', '?limit=1').expect(200);
      await list('shop-a', '?limit=100&page=100000').expect(200);
      await list('shop-a', '?minPrice=0&maxPrice=99999999.99').expect(200);
      await list('shop-a', '?attr.a=1&attr.b=1&attr.c=1&attr.d=1&attr.e=1').expect(200);
      await list('shop-a', '?attr.__proto__=x').expect(200);
      await list('shop-a', '?q=').expect(200);
    });
  });

  describe('GET /stores/:storeSlug/products/:productSlug', () => {
    it('returns the product with ordered images and its active variants with price and availability', async () => {
      const res = await http().get('/api/stores/shop-a/products/classic-tee').expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          id: ids.tee,
          slug: 'classic-tee',
          name: 'Classic Cotton Tee',
          description: 'A soft everyday shirt.',
          basePrice: '10.00',
          priceRange: { min: '10.00', max: '12.50' },
          category: { slug: 'tees', name: 'T-Shirts' },
          tags: ['sale'],
          image: 'https://img.example/tee-1.jpg',
          inStock: true,
          images: [
            { url: 'https://img.example/tee-1.jpg', altText: 'Front' },
            { url: 'https://img.example/tee-2.jpg', altText: 'Back' },
          ],
          variants: [
            {
              id: expect.any(String),
              sku: 'TEE-S-RED',
              name: 'S / red',
              attributes: { size: 'S', color: 'red' },
              price: '10.00',
              available: 5,
              imageUrl: 'https://img.example/red.jpg',
            },
            {
              id: expect.any(String),
              sku: 'TEE-L-BLUE',
              name: 'L / blue',
              attributes: { size: 'L', color: 'blue' },
              price: '12.50',
              available: 0,
              imageUrl: null,
            },
          ],
        }),
      );
    });

    it('shows a negative adjustment and a product without variants', async () => {
      const hoodie = await http().get('/api/stores/shop-a/products/wool-hoodie').expect(200);
      expect(hoodie.body.variants).toEqual([expect.objectContaining({ price: '35.00', available: 0 })]);
      const mug = await http().get('/api/stores/shop-a/products/ceramic-mug').expect(200);
      expect(mug.body).toMatchObject({ variants: [], images: [], image: null, inStock: false });
    });

    it('is 404 for an inactive product, an unknown slug, another store’s product and an inactive store', async () => {
      const inactive = await http().get('/api/stores/shop-a/products/secret-tee').expect(404);
      expect(inactive.body.code).toBe('PRODUCT_NOT_FOUND');
      await http().get('/api/stores/shop-a/products/nope').expect(404);
      await http().get('/api/stores/shop-b/products/wool-hoodie').expect(404);
      expect((await http().get('/api/stores/nope/products/classic-tee').expect(404)).body.code).toBe(
        'STORE_NOT_FOUND',
      );
      await http().get('/api/stores/closed/products/closed-item').expect(404);
    });

    it('gives each store its own product for a shared slug', async () => {
      const a = await http().get('/api/stores/shop-a/products/classic-tee').expect(200);
      const b = await http().get('/api/stores/shop-b/products/classic-tee').expect(200);
      expect(a.body.basePrice).toBe('10.00');
      expect(b.body.basePrice).toBe('99.00');
      expect(b.body.variants).toHaveLength(1);
      expect(b.body.variants[0].id).not.toEqual(a.body.variants[0].id);
    });
  });
});
