/**
 * The storefront's database work: a fixed number of SQL statements per request whatever the page size
 * and filters (no N+1), and plans that use the search and attribute indexes on a realistically sized
 * store (seeded with the same code as `npm run db:seed`).
 */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { seedCatalog } from '../../scripts/seed-catalog';
import {
  buildProductDetailQuery,
  buildProductListQuery,
  PRODUCT_SORTS,
  ProductListFilter,
  searchQueryText,
  SqlStatement,
} from '../../src/catalog/storefront-sql';
import { priceVariantsStatement } from '../../src/catalog/catalog-pricing-sql';
import { PreparedSqlStatement, WRITTEN_OUT_LIST_MAX } from '../../src/common/sql-statement';
import { availableStockStatement } from '../../src/inventory/inventory-sql';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function indexNames(node: PlanNode): string[] {
  const own = node['Index Name'] ? [node['Index Name']] : [];
  return own.concat(...(node.Plans ?? []).map(indexNames));
}

function describePlan(node: PlanNode, depth = 0): string {
  const line = `${'  '.repeat(depth)}${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`;
  return [line, ...(node.Plans ?? []).map((child) => describePlan(child, depth + 1))].join('\n');
}

describe('storefront queries', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  /** Every statement the app sends through TypeORM while `counting` is on. */
  const statements: string[] = [];
  let counting = false;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    // 4,000 products × 4 variants in the store under test, and a second store so that per-store
    // conditions have something to exclude.
    await seedCatalog(sql, { products: 4000, variantsPerProduct: 4, storeSlug: 'big', seed: 7 });
    await seedCatalog(sql, { products: 500, variantsPerProduct: 2, storeSlug: 'other', seed: 8 });
    // Plans depend on statistics: take them now, as autovacuum would on a live database (otherwise the
    // plans below depend on whether it happened to run yet).
    await sql.query('ANALYZE');

    // No background work (event dispatch, webhook sends): the counter counts every statement of the app.
    app = await createTestApp(db.url, { EVENTS_DISPATCH: 'false' });
    const dataSource = app.get(DataSource);
    const logger = dataSource.logger;
    // Every query TypeORM runs passes through logQuery first (PostgresQueryRunner.query), whatever
    // the logging settings: counting there sees exactly what reaches the database through TypeORM.
    const counter = Object.create(logger) as TypeOrmLogger;
    counter.logQuery = (query, parameters, runner) => {
      if (counting) statements.push(query);
      logger.logQuery(query, parameters, runner);
    };
    Object.defineProperty(dataSource, 'logger', { value: counter, configurable: true, writable: true });
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
  });

  async function statementsFor(path: string): Promise<{ count: number; body: unknown }> {
    statements.length = 0;
    counting = true;
    try {
      const res = await http().get(path).expect(200);
      return { count: statements.length, body: res.body };
    } finally {
      counting = false;
    }
  }

  describe('one statement per request', () => {
    const list = '/api/stores/big/products';
    const allFilters =
      '?category=apparel&tag=bestseller&q=cotton&minPrice=1&maxPrice=400&attr.color=red&attr.size=M&sort=-price';

    it.each([
      ['limit 1', `${list}?limit=1`, 1],
      ['limit 24', `${list}?limit=24`, 24],
      ['limit 100', `${list}?limit=100`, 100],
      ['a deep page', `${list}?limit=100&page=30`, 100],
      ['every sort', `${list}?limit=100&sort=price`, 100],
      [
        'category + attribute + price',
        `${list}?limit=100&category=apparel&attr.color=red&minPrice=20&maxPrice=200`,
        100,
      ],
    ])('listing, %s: exactly one statement', async (_name, path, expectedItems) => {
      const { count, body } = await statementsFor(path);
      const page = body as { items: unknown[]; total: number };
      // A full page where the matches allow it: page size must not change the statement count.
      expect(page.items).toHaveLength(Math.min(expectedItems, page.total));
      expect(page.items.length).toBeGreaterThanOrEqual(Math.min(expectedItems, 50));
      expect(count).toBe(1);
    });

    it('listing with every filter at once: one statement', async () => {
      const { count } = await statementsFor(`${list}${allFilters}&limit=100`);
      expect(count).toBe(1);
    });

    it('product detail and category tree: one statement each', async () => {
      const { rows } = await sql.query<{ slug: string }>(
        `SELECT p.slug FROM products p JOIN stores s ON s.id = p.store_id
          WHERE s.slug = 'big' AND p.is_active ORDER BY p.slug LIMIT 1`,
      );
      const detail = await statementsFor(`${list}/${rows[0].slug}`);
      expect((detail.body as { variants: unknown[] }).variants.length).toBeGreaterThan(0);
      expect(detail.count).toBe(1);
      expect((await statementsFor('/api/stores/big/categories')).count).toBe(1);
    });

    it('the counter really counts (a request that issues none would pass the tests above)', async () => {
      const { count } = await statementsFor('/api/health');
      expect(count).toBeGreaterThanOrEqual(1);
    });
  });

  describe('query plans on a 4,000-product store', () => {
    async function plan(statement: { sql: string; params: unknown[] }): Promise<PlanNode> {
      const { rows } = await sql.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (FORMAT JSON) ${statement.sql}`,
        statement.params,
      );
      return rows[0]['QUERY PLAN'][0].Plan;
    }
    async function expectIndex(statement: { sql: string; params: unknown[] }, index: string): Promise<void> {
      const root = await plan(statement);
      if (!indexNames(root).includes(index)) {
        throw new Error(`Expected the plan to use ${index}, but it is:\n${describePlan(root)}`);
      }
    }
    const base = { storeSlug: 'big', sort: 'newest' as const, limit: 24, offset: 0 };

    it('q finds rare words through idx_products_search_vector (GIN), common ones in the newest index', async () => {
      await expectIndex(
        buildProductListQuery({ ...base, searchQuery: searchQueryText('classic cott') }),
        'idx_products_search_vector',
      );
      // A word no product has: found absent through the index, not by walking the whole store.
      await expectIndex(
        buildProductListQuery({ ...base, searchQuery: searchQueryText('zebra') }),
        'idx_products_search_vector',
      );
      // A common word (~7 % of the products): the page's 25 are met walking newest first.
      await expectIndex(
        buildProductListQuery({ ...base, searchQuery: searchQueryText('cotton') }),
        'idx_products_store_newest',
      );
    });

    it('attr uses idx_product_variants_attributes (the GIN jsonb index)', async () => {
      await expectIndex(
        buildProductListQuery({ ...base, attributes: { color: 'teal', size: 'XS' } }),
        'idx_product_variants_attributes',
      );
    });

    it('the default listing reads idx_products_store_newest instead of sorting the store', async () => {
      await expectIndex(buildProductListQuery(base), 'idx_products_store_newest');
    });

    it('the price sorts read idx_products_store_price instead of aggregating the store’s variants', async () => {
      for (const sort of ['price', '-price'] as const) {
        const root = await plan(buildProductListQuery({ ...base, sort }));
        if (!indexNames(root).includes('idx_products_store_price')) {
          throw new Error(
            `Expected ${sort} to use idx_products_store_price, but the plan is:\n${describePlan(root)}`,
          );
        }
      }
    });

    it('the product page finds its product by (store_id, slug)', async () => {
      await expectIndex(buildProductDetailQuery('big', 'no-such-product'), 'uq_products_store_slug');
    });

    // Named statements are prepared: after five runs PostgreSQL may keep one generic plan for all
    // values, so that plan must still use the indexes.
    async function genericPlan(statement: SqlStatement): Promise<PlanNode> {
      const name = `generic_${statement.name}`;
      await sql.query(`PREPARE ${name} AS ${statement.sql}`);
      try {
        await sql.query('SET plan_cache_mode = force_generic_plan');
        // EXECUTE takes literals, not bind parameters: inline the (test-controlled) values.
        const literals = statement.params.map((v) => `'${String(v).replace(/'/g, "''")}'`);
        const { rows } = await sql.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
          `EXPLAIN (FORMAT JSON) EXECUTE ${name}(${literals.join(', ')})`,
        );
        return rows[0]['QUERY PLAN'][0].Plan;
      } finally {
        await sql.query('RESET plan_cache_mode');
        await sql.query(`DEALLOCATE ${name}`);
      }
    }

    it.each([
      ['the default listing', buildProductListQuery(base), 'idx_products_store_newest'],
      [
        'a category page',
        buildProductListQuery({ ...base, categorySlug: 'apparel' }),
        'idx_products_store_category_newest',
      ],
      [
        'the default listing by offset',
        buildProductListQuery({ ...base, offset: 48 }),
        'idx_products_store_newest',
      ],
      ['the product page', buildProductDetailQuery('big', 'no-such-product'), 'uq_products_store_slug'],
    ])('%s keeps its index in the generic plan', async (_name, statement, index) => {
      expect(statement.name).toBeDefined();
      const root = await genericPlan(statement);
      if (!indexNames(root).includes(index)) {
        throw new Error(`Expected the generic plan to use ${index}, but it is:\n${describePlan(root)}`);
      }
    });
    it('in its default mode PostgreSQL settles on the generic plan for the product page', async () => {
      const { rows: products } = await sql.query<{ slug: string }>(
        `SELECT p.slug FROM products p JOIN stores s ON s.id = p.store_id WHERE s.slug = 'big' LIMIT 8`,
      );
      for (const product of products) {
        const statement = buildProductDetailQuery('big', product.slug);
        await sql.query({ name: statement.name, text: statement.sql, values: statement.params });
      }
      const { rows } = await sql.query<{ generic_plans: string; custom_plans: string }>(
        `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'storefront_product_detail'`,
      );
      // Five custom plans to learn what planning for the values costs, then the generic one, reused.
      expect(Number(rows[0].custom_plans)).toBe(5);
      expect(Number(rows[0].generic_plans)).toBe(3);
    });

    it('browsing pages of a common size from the top or a cursor settle on a generic plan too; others are planned per run', async () => {
      const { rows: stores } = await sql.query<{ slug: string }>(`SELECT slug FROM stores LIMIT 3`);
      const runs = async (filter: Partial<ProductListFilter>) => {
        let name: string | undefined;
        for (let i = 0; i < 8; i++) {
          // Other stores too: the plan must not have been made for one store's values.
          const statement = buildProductListQuery({
            ...base,
            ...filter,
            storeSlug: stores[i % stores.length].slug,
          });
          name = statement.name;
          await sql.query({ name: statement.name, text: statement.sql, values: statement.params });
        }
        const { rows } = await sql.query<{ generic_plans: string; custom_plans: string }>(
          `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1`,
          [name],
        );
        return { generic: Number(rows[0].generic_plans), custom: Number(rows[0].custom_plans) };
      };
      expect(await runs({})).toEqual({ generic: 3, custom: 5 });
      expect(await runs({ categorySlug: 'apparel', limit: 12 })).toEqual({ generic: 3, custom: 5 });
      expect(
        await runs({
          after: { key: '2100-01-01T00:00:00.000000Z', id: '00000000-0000-0000-0000-000000000000' },
        }),
      ).toEqual({
        generic: 3,
        custom: 5,
      });
      // LIMIT and OFFSET as parameters: the generic plan is estimated for a tenth of the store.
      expect(await runs({ limit: 24, offset: 48 })).toEqual({ generic: 0, custom: 8 });
      // An uncommon size from the top is that same parameterised statement: eight more custom plans.
      expect(await runs({ limit: 7 })).toEqual({ generic: 0, custom: 16 });
    });
  });

  describe('prepared statements', () => {
    const base = { storeSlug: 'big', sort: 'newest' as const, limit: 24, offset: 0 };

    it('one statement name never stands for two texts (pg refuses a name reused with another text)', () => {
      const VALUE_FILTERS: Array<Partial<ProductListFilter>> = [
        {},
        { searchQuery: searchQueryText('cotton') },
        { attributes: { color: 'red' } },
        { attributes: { color: 'red', size: 'M' } },
        { minPrice: 100 },
        { maxPrice: 9000 },
      ];
      const shapes: Array<Partial<ProductListFilter>> = [];
      for (const sort of PRODUCT_SORTS)
        for (const categorySlug of [undefined, 'apparel', 'home'])
          for (const tagSlug of [undefined, 'sale', 'new'])
            for (const featured of [false, true])
              for (const extra of VALUE_FILTERS)
                for (const page of [
                  { limit: 24, offset: 0 },
                  { limit: 100, offset: 300 },
                ])
                  shapes.push({ sort, categorySlug, tagSlug, featured, ...extra, ...page });
      const textByName = new Map<string, string>();
      let named = 0;
      for (const shape of shapes) {
        const statement = buildProductListQuery({ ...base, ...shape });
        if (statement.name === undefined) continue;
        named++;
        const seen = textByName.get(statement.name);
        if (seen !== undefined) expect(statement.sql).toBe(seen);
        textByName.set(statement.name, statement.sql);
      }
      // Browsing shapes: 2 sorts × category × tag × featured, each with the common size written out
      // (limit 24 from the top) and with LIMIT and OFFSET as parameters.
      expect(textByName.size).toBe(2 * 2 * 2 * 2 * 2);
      expect(named).toBeGreaterThan(textByName.size);
      expect(new Set(textByName.values()).size).toBe(textByName.size);
      // The product page has one text too, whatever the slugs.
      expect(buildProductDetailQuery('a', 'b').sql).toBe(buildProductDetailQuery('other', 'x').sql);
    });

    it('the cart’s price and stock lookups settle on a generic plan for a few variants (the count is in the text)', async () => {
      const { rows: variants } = await sql.query<{ id: string; store_id: string }>(
        `SELECT v.id, v.store_id FROM product_variants v JOIN stores s ON s.id = v.store_id
          WHERE s.slug = 'big' ORDER BY v.id LIMIT 24`,
      );
      const storeId = variants[0].store_id;
      const plansOf = async (build: (ids: string[]) => PreparedSqlStatement, count: number) => {
        let name = '';
        for (let run = 0; run < 8; run++) {
          const ids = variants.slice(run, run + count).map((v) => v.id);
          const statement = build(ids);
          name = statement.name;
          const { rows } = await sql.query({ name, text: statement.text, values: statement.values });
          expect(rows).toHaveLength(count);
        }
        const { rows } = await sql.query<{ generic_plans: string }>(
          `SELECT generic_plans FROM pg_prepared_statements WHERE name = $1`,
          [name],
        );
        return Number(rows[0].generic_plans);
      };
      for (const count of [1, 3, WRITTEN_OUT_LIST_MAX]) {
        expect(await plansOf((ids) => priceVariantsStatement(storeId, ids), count)).toBe(3);
        expect(await plansOf((ids) => availableStockStatement(ids), count)).toBe(3);
      }
      // Longer lists go as one array, whose generic plan assumes ten elements: fine for a dozen…
      expect(await plansOf((ids) => priceVariantsStatement(storeId, ids), WRITTEN_OUT_LIST_MAX + 4)).toBe(3);
      // …but dearer than planning for one, which is why one or a few are written out.
      const asArray = (ids: string[]): PreparedSqlStatement => {
        const many = priceVariantsStatement(storeId, [...ids, ...variants.slice(12).map((v) => v.id)]);
        return { name: 'price_one_as_array', text: many.text, values: [storeId, ids] };
      };
      expect(await plansOf(asArray, 1)).toBe(0);
    });

    it('value-dependent filters and the price sorts are not prepared', () => {
      expect(buildProductListQuery({ ...base, searchQuery: searchQueryText('cotton') }).name).toBeUndefined();
      expect(buildProductListQuery({ ...base, attributes: { color: 'red' } }).name).toBeUndefined();
      expect(buildProductListQuery({ ...base, minPrice: 100 }).name).toBeUndefined();
      expect(buildProductListQuery({ ...base, maxPrice: 100 }).name).toBeUndefined();
      expect(buildProductListQuery({ ...base, sort: 'price' }).name).toBeUndefined();
      expect(buildProductListQuery({ ...base, sort: '-price' }).name).toBeUndefined();
    });

    it('prepared pages answer what the unprepared statement answers, past the switch to a generic plan', async () => {
      const paths = [
        '/api/stores/big/products?limit=5',
        '/api/stores/big/products?limit=5&page=40&sort=name',
        '/api/stores/big/products?limit=5&category=apparel',
        '/api/stores/big/products?limit=5&tag=bestseller&featured=true',
        // Common sizes: the LIMIT is in the text.
        '/api/stores/big/products?limit=12',
        '/api/stores/big/products?limit=12&sort=name&category=apparel',
      ];
      for (const path of paths) {
        const first = (await http().get(path).expect(200)).body as { items: Array<{ slug: string }> };
        expect(first.items.length).toBeGreaterThan(0);
        // Ten more runs on the (at most ten) pooled connections: later runs may use the generic plan.
        const again = await Promise.all(Array.from({ length: 10 }, () => http().get(path).expect(200)));
        for (const res of again) expect(res.body).toEqual(first);
      }
      // And the same answers for other values of the same shapes.
      const page2 = (await http().get('/api/stores/big/products?limit=5&page=2').expect(200)).body as {
        items: Array<{ slug: string }>;
      };
      const page1 = (await http().get('/api/stores/big/products?limit=5').expect(200)).body as {
        items: Array<{ slug: string }>;
      };
      expect(page2.items.map((i) => i.slug)).not.toEqual(page1.items.map((i) => i.slug));
      const { rows } = await sql.query<{ slug: string }>(
        `SELECT p.slug FROM products p JOIN stores s ON s.id = p.store_id
          WHERE s.slug = 'big' AND p.is_active ORDER BY p.created_at DESC, p.id DESC LIMIT 5 OFFSET 5`,
      );
      expect(page2.items.map((i) => i.slug)).toEqual(rows.map((r) => r.slug));
    });
  });
});
