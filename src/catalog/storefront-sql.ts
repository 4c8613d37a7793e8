import { Money } from '../common/money';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/page-size';

/**
 * The SQL of the public catalog, as plain builders so that the benchmark's bare baseline server runs
 * exactly the same statements as the app. Every public read is ONE statement whatever the page size or
 * filters: the page, its total and each product's variants, stock, tags, category and first image come
 * back together as JSON built by PostgreSQL. Money leaves the database as integer minor units.
 */

export const PRODUCT_SORTS = ['newest', 'price', '-price', 'name'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export interface ProductListFilter {
  storeSlug: string;
  categorySlug?: string;
  tagSlug?: string;
  /** A `to_tsquery` text built by `searchQueryText`, never raw user input. */
  searchQuery?: string;
  minPrice?: Money;
  maxPrice?: Money;
  /** Variant attributes that one active variant must all have (`attr.color=red`). */
  attributes?: Record<string, string>;
  featured?: boolean;
  sort: ProductSort;
  limit: number;
  offset: number;
  /** Keyset pagination: the page starts right after this position of `sort` (offset is then 0). */
  after?: SortKeyPosition;
}

/** A place in a sort order: the sort key of a product (as the statement writes it) and its id. */
export interface SortKeyPosition {
  key: string;
  id: string;
}

/**
 * Filtered totals are counted up to this many matches and no further: an exact count reads every
 * product the filter touches, linear in the catalog. Counting stops after TOTAL_CAP + 1 matches, so its
 * cost is bounded by TOTAL_CAP / (the filter's selectivity) whatever the store's size; above it the
 * response says `total: TOTAL_CAP, totalCapped: true` (Elasticsearch's `track_total_hits` with
 * `relation: gte`). Small, because the count probes each product's variants: ten pages of 25 cost
 * about ten times the page itself. The unfiltered total comes from a trigger-kept counter, always exact.
 */
export const TOTAL_CAP = 250;

export interface SqlStatement {
  sql: string;
  params: unknown[];
  /**
   * Set when the statement should run as this named prepared statement: its text is fixed for the
   * name. Each pooled connection parses it once; after five runs PostgreSQL keeps one generic plan when
   * that is estimated no dearer than planning for the values. The product page gets one (its planning
   * cost 3× its execution); the listings, whose LIMIT and OFFSET are parameters, go on being planned per
   * execution and only save the parse.
   */
  name?: string;
}

/** What the list statement returns: one row, or none when the store is unknown or inactive. */
export interface ProductListRow {
  store_id: string;
  /** Exact, or TOTAL_CAP when there are more filtered matches than that (then total_capped). */
  total: number;
  total_capped: boolean;
  items: ProductCardRow[];
  /** The last item's position when another page follows, else null. */
  next_key: string | null;
  next_id: string | null;
}

export interface ProductCardRow {
  id: string;
  slug: string;
  name: string;
  /** Minor units. */
  basePrice: number;
  minPrice: number;
  maxPrice: number;
  category: { slug: string; name: string } | null;
  tags: string[];
  image: string | null;
  inStock: boolean;
}

export interface ProductDetailRow {
  store_id: string;
  /** Null when the store exists but has no visible product with that slug. */
  product:
    | (ProductCardRow & {
        description: string | null;
        metaTitle: string | null;
        metaDescription: string | null;
        featured: boolean;
        metadata: Record<string, string>;
        images: Array<{ url: string; altText: string | null }>;
        variants: Array<{
          id: string;
          sku: string;
          name: string;
          attributes: Record<string, string>;
          price: number;
          available: number;
          imageUrl: string | null;
        }>;
      })
    | null;
}

export interface CategoryTreeRow {
  store_id: string;
  categories: Array<{
    id: string;
    name: string;
    slug: string;
    parentId: string | null;
    displayOrder: number;
  }>;
}

/**
 * `"cotton tee"` → `cotton:* & tee:*` (every word, as a prefix), or undefined when the text has no word.
 * Only letters and digits survive, so the result is always valid tsquery syntax.
 */
export function searchQueryText(text: string): string | undefined {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return undefined;
  return words
    .slice(0, 10)
    .map((word) => `${word}:*`)
    .join(' & ');
}

/**
 * The text `q` searches: name and description as `to_tsvector('simple', …)` reads them, stored on the
 * product by a trigger (migration 0026) and indexed by idx_products_search_vector (GIN; a test checks the
 * plan). Stored, checking a product walked in the sort's order is a comparison, not a `to_tsvector` call.
 */
const SEARCH_DOCUMENT = 'p.search_vector';

/** Per-product variant aggregates shared by the card and the detail: price range and stock. */
const VARIANT_SUMMARY = `
  LEFT JOIN LATERAL (
    SELECT min(v.price_adjustment) AS min_adj, max(v.price_adjustment) AS max_adj,
           coalesce(bool_or(i.quantity > i.reserved), false) AS in_stock
      FROM product_variants v LEFT JOIN inventory i ON i.variant_id = v.id
     WHERE v.product_id = p.id AND v.is_active
  ) vs ON TRUE
  LEFT JOIN categories c ON c.id = p.category_id AND c.is_active
  LEFT JOIN LATERAL (
    SELECT json_agg(t.slug ORDER BY t.slug) AS slugs
      FROM product_tags pt JOIN tags t ON t.id = pt.tag_id
     WHERE pt.product_id = p.id
  ) tg ON TRUE
  LEFT JOIN LATERAL (
    SELECT pi.image_url FROM product_images pi
     WHERE pi.product_id = p.id ORDER BY pi.display_order, pi.created_at, pi.id LIMIT 1
  ) im ON TRUE`;

/** The card fields of one product (alias p with VARIANT_SUMMARY joined), money in minor units. */
const CARD_FIELDS = `
  'id', p.id, 'slug', p.slug, 'name', p.name,
  'basePrice', (p.base_price * 100)::bigint,
  'minPrice', ((p.base_price + coalesce(vs.min_adj, 0)) * 100)::bigint,
  'maxPrice', ((p.base_price + coalesce(vs.max_adj, 0)) * 100)::bigint,
  'category', CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('slug', c.slug, 'name', c.name) END,
  'tags', coalesce(tg.slugs, '[]'::json),
  'image', im.image_url,
  'inStock', vs.in_stock`;

/**
 * The price sorts order by the cheapest active variant (the base price when there is none). The
 * smallest adjustment is kept on the product by triggers (migration 0011), and this is the expression of
 * idx_products_store_price, so a store's page by price is read in index order instead of aggregating
 * every variant of the store first.
 */
const SORT_PRICE = 'p.base_price + coalesce(p.min_variant_adjustment, 0)';

/** Placeholder for the variant condition in the WHERE list (written per use, see conditionsWith). */
const VARIANT_EXISTS = '<variant exists>';

/**
 * Per sort: the page order inside (on products), the same order outside (on the page's rows, where the
 * price is the computed sort_price), the key as text for the cursor, and the keyset condition that
 * continues after a position. Each order is read from one index in index order, starting at the cursor
 * (migrations 0010, 0011, 0024: store_id, key, id; ties broken by id in the direction of the sort).
 */
const SORTS: Record<
  ProductSort,
  { inner: string; outer: string; key: string; after: (key: string, id: string) => string }
> = {
  newest: {
    inner: 'p.created_at DESC, p.id DESC',
    outer: 'p.created_at DESC, p.id DESC',
    // Microseconds, UTC: a JavaScript Date would lose the last three digits and repeat or skip rows.
    key: `to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    after: (key, id) => `(p.created_at, p.id) < (${key}::timestamptz, ${id}::uuid)`,
  },
  name: {
    inner: 'p.name, p.id',
    outer: 'p.name, p.id',
    key: 'p.name',
    after: (key, id) => `(p.name, p.id) > (${key}::text, ${id}::uuid)`,
  },
  price: {
    inner: `${SORT_PRICE}, p.id`,
    outer: 'p.sort_price, p.id',
    key: 'p.sort_price::text',
    after: (key, id) => `(${SORT_PRICE}, p.id) > (${key}::numeric, ${id}::uuid)`,
  },
  // Ties newest-id-first too: the index is then read backwards, in exactly this order.
  '-price': {
    inner: `${SORT_PRICE} DESC, p.id DESC`,
    outer: 'p.sort_price DESC, p.id DESC',
    key: 'p.sort_price::text',
    after: (key, id) => `(${SORT_PRICE}, p.id) < (${key}::numeric, ${id}::uuid)`,
  },
};

/**
 * The public product list: one statement returning `{ store_id, total, items, next_key, next_id }`
 * (ProductListRow). It reads one row more than the page to know whether another page follows, and
 * gives the last item's sort key then (the cursor's content). With `after`, the page starts behind
 * that position in the sort's index: page 10,000 by cursor costs what page 1 costs.
 */
export function buildProductListQuery(filter: ProductListFilter): SqlStatement {
  const params: unknown[] = [filter.storeSlug];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };

  const visible = ['p.store_id = st.id', 'p.is_active'];
  const where = [...visible];
  let categoryTree = '';
  if (filter.categorySlug !== undefined) {
    // The category and every active descendant (UNION, not UNION ALL: a cycle cannot loop forever).
    categoryTree = `, tree AS (
        SELECT c.id FROM categories c JOIN st ON c.store_id = st.id
         WHERE c.slug = ${param(filter.categorySlug)} AND c.is_active
        UNION
        SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id JOIN st ON c.store_id = st.id
         WHERE c.is_active
      )`;
    // An array computed once, so each product is checked by a comparison before its variants are
    // probed (as `IN (SELECT …)` the planner made it a semi join after the variant probe).
    where.push('p.category_id = ANY (ARRAY(SELECT id FROM tree))');
  }
  if (filter.tagSlug !== undefined) {
    where.push(`p.id IN (SELECT pt.product_id FROM product_tags pt JOIN tags t ON t.id = pt.tag_id
                          WHERE t.store_id = st.id AND t.slug = ${param(filter.tagSlug)})`);
  }
  if (filter.searchQuery !== undefined) {
    // The stored document of idx_products_search_vector (migration 0026), so the GIN index answers it.
    where.push(`${SEARCH_DOCUMENT} @@ to_tsquery('simple'::regconfig, ${param(filter.searchQuery)})`);
  }
  if (filter.featured) where.push('p.is_featured');

  let variantExists: ((probe: boolean) => string) | undefined;
  const hasAttributes = filter.attributes !== undefined && Object.keys(filter.attributes).length > 0;
  if (hasAttributes || filter.minPrice !== undefined || filter.maxPrice !== undefined) {
    // One active variant must match every attribute and the price bounds at once. `@>` on the
    // attributes is what idx_product_variants_attributes (GIN) serves.
    const variantWhere = ['v.product_id = p.id', 'v.is_active'];
    if (hasAttributes)
      variantWhere.push(`v.attributes @> ${param(JSON.stringify(filter.attributes))}::jsonb`);
    if (filter.minPrice !== undefined) {
      variantWhere.push(`p.base_price + v.price_adjustment >= ${param(filter.minPrice)}::numeric / 100`);
    }
    if (filter.maxPrice !== undefined) {
      variantWhere.push(`p.base_price + v.price_adjustment <= ${param(filter.maxPrice)}::numeric / 100`);
    }
    variantExists = (probe: boolean) =>
      `EXISTS (SELECT 1 FROM product_variants v WHERE ${variantWhere.join(' AND ')}${probe ? ' OFFSET 0' : ''})`;
    where.push(VARIANT_EXISTS);
  }

  const order = SORTS[filter.sort];
  const byPrice = filter.sort === 'price' || filter.sort === '-price';
  // The page lets the planner choose how to match variants: a rare attribute is found through the GIN
  // index, a common one by probing products in the sort's order until the page is full. The capped
  // count always probes (OFFSET 0: the planner does not flatten such a subquery): flattened, the
  // planner hashed every matching variant of the store against every product of the category
  // (0.5 s at 100,000 products, linear), where probing in order stops after TOTAL_CAP + 1 matches.
  const conditionsWith = (probe: boolean) =>
    where
      .map((c) => (c === VARIANT_EXISTS && variantExists ? variantExists(probe) : c))
      .join('\n       AND ');
  const conditions = conditionsWith(false);
  // Unfiltered, the total is every active product of the store: the trigger-kept counter (migration
  // 0010) answers that without counting the whole store on every page view. Filtered, the matches are
  // counted up to TOTAL_CAP + 1 and no further (a constant, so the planner sees the LIMIT), in no
  // particular order: how many of the first TOTAL_CAP + 1 matches exist does not depend on which come
  // first, and unordered the planner may read the filter's own index (a category's products through
  // idx_products_store_category_newest: 2,557 products visited instead of the store's 11,391 newest
  // at 100,000 products) or scan the table, not only the sort's index.
  const counted = where.length !== visible.length;
  const total = counted
    ? `SELECT least(m.n, ${TOTAL_CAP}) AS n, m.n > ${TOTAL_CAP} AS capped, m.ids
         FROM (SELECT count(*)::int AS n, array_agg(c.id) AS ids
                 FROM (SELECT p.id FROM products p WHERE ${conditionsWith(true)}
                        LIMIT ${TOTAL_CAP + 1}) c) m`
    : `SELECT coalesce((SELECT spc.active_products FROM store_product_counts spc
                         WHERE spc.store_id = st.id), 0) AS n, false AS capped`;
  const after =
    filter.after === undefined ? undefined : order.after(param(filter.after.key), param(filter.after.id));
  const pageConditions = after === undefined ? conditions : `${conditions}\n       AND ${after}`;
  const name = listStatementName(filter);
  const limit = `${param(filter.limit)}::int`;
  // A named page with a common size that starts at the top or at a cursor has its LIMIT written out
  // and no OFFSET: the planner then sees how few rows the page reads and keeps one generic plan per
  // connection. With LIMIT $n it assumes a tenth of the store, so it planned every execution anew
  // (2.7–4.0 ms of planning as commerce_app, the policies included, against 1.0–1.7 ms of execution).
  const planned = name !== undefined && literalLimit(filter);
  const pageLimit = planned ? `${filter.limit + 1}` : `${limit} + 1`;
  const offset = filter.after === undefined && !planned ? ` OFFSET ${param(filter.offset)}::int` : '';
  const pageOf = (source: string) => `
              SELECT p.*, ${byPrice ? SORT_PRICE : 'NULL::numeric'} AS sort_price
                FROM products p
               WHERE ${source}
               ORDER BY ${order.inner}
               LIMIT ${pageLimit}${offset}`;
  // Counted and not capped, the count has every match (at most TOTAL_CAP, in this statement's snapshot):
  // the page is sorted out of those by primary key. Walking the sort's index instead is what the planner
  // picks when it misjudges how rare the matches are (a word in 0.3 % of the products: 7,500 products
  // walked for 25 at 100,000), or all of the store when there is no match at all. Only a capped count
  // (a common match) leaves the page to the planner, which then walks the index in order.
  const page = counted
    ? `(${pageOf(`tot.capped AND ${pageConditions}`)})
              UNION ALL
              (${pageOf(`NOT tot.capped AND p.id = ANY (tot.ids)${after === undefined ? '' : ` AND ${after}`}`)})`
    : pageOf(pageConditions);

  const sql = `
    WITH RECURSIVE st AS (SELECT id FROM stores WHERE slug = $1 AND is_active)${categoryTree}
    SELECT st.id AS store_id, tot.n AS total, tot.capped AS total_capped,
      pg.items, pg.next_key, pg.next_id
    FROM st
    CROSS JOIN LATERAL (${total}) tot
    CROSS JOIN LATERAL (
      SELECT coalesce(json_agg(json_build_object(${CARD_FIELDS}) ORDER BY p.n)
                        FILTER (WHERE p.n <= ${limit}), '[]'::json) AS items,
             CASE WHEN count(*) > ${limit} THEN min(${order.key}) FILTER (WHERE p.n = ${limit}) END AS next_key,
             CASE WHEN count(*) > ${limit} THEN min(p.id::text) FILTER (WHERE p.n = ${limit}) END AS next_id
        FROM (
          SELECT p.*, row_number() OVER (ORDER BY ${order.outer}) AS n
            FROM (${page}
            ) p
        ) p
        ${VARIANT_SUMMARY}
    ) pg`;
  return { sql, params, name: planned ? `${name}_limit${filter.limit}` : name };
}

/**
 * The page sizes whose LIMIT is written into the statement text (the default, half, double and the
 * most): each is another prepared statement per browsing shape and pooled connection, so a client
 * walking through every size from 1 to 100 cannot make PostgreSQL hold a hundred plans of each.
 */
const LITERAL_LIMIT_PAGE_SIZES: ReadonlySet<number> = new Set([
  DEFAULT_PAGE_SIZE / 2,
  DEFAULT_PAGE_SIZE,
  DEFAULT_PAGE_SIZE * 2,
  MAX_PAGE_SIZE,
]);

function literalLimit(filter: ProductListFilter): boolean {
  const fromTheTop = filter.after !== undefined || filter.offset === 0;
  return fromTheTop && Number.isSafeInteger(filter.limit) && LITERAL_LIMIT_PAGE_SIZES.has(filter.limit);
}

/**
 * Browsing pages (a store, a category, a tag, featured; newest or by name; any page) are the bulk of the
 * traffic and come in a few dozen shapes, each with a fixed text: those are prepared, one name per shape.
 * Search, attribute and price filters are not: their best plan depends on the values (a generic plan
 * was measured 10–40 % slower for attributes and price ranges). Nor are the price sorts (yet): they were
 * an aggregate over the store's variants until migration 0011 and have not been measured prepared.
 */
function listStatementName(filter: ProductListFilter): string | undefined {
  const hasAttributes = filter.attributes !== undefined && Object.keys(filter.attributes).length > 0;
  const valueDependent =
    filter.searchQuery !== undefined ||
    hasAttributes ||
    filter.minPrice !== undefined ||
    filter.maxPrice !== undefined ||
    filter.sort === 'price' ||
    filter.sort === '-price';
  if (valueDependent) return undefined;
  const parts = ['storefront_products', filter.sort];
  if (filter.after !== undefined) parts.push('after');
  if (filter.categorySlug !== undefined) parts.push('category');
  if (filter.tagSlug !== undefined) parts.push('tag');
  if (filter.featured) parts.push('featured');
  return parts.join('_');
}

/**
 * One visible product by slug with images and active variants: one statement (ProductDetailRow). Its
 * text never changes, so it is prepared (planning costs about 3× its execution).
 */
export function buildProductDetailQuery(storeSlug: string, productSlug: string): SqlStatement {
  const sql = `
    SELECT s.id AS store_id,
      (SELECT json_build_object(${CARD_FIELDS},
                'description', p.description, 'metaTitle', p.meta_title,
                'metaDescription', p.meta_description, 'featured', p.is_featured, 'metadata', p.metadata,
                'images', (SELECT coalesce(json_agg(json_build_object('url', pi.image_url, 'altText', pi.alt_text)
                                                    ORDER BY pi.display_order, pi.created_at, pi.id), '[]'::json)
                             FROM product_images pi WHERE pi.product_id = p.id),
                'variants', (SELECT coalesce(json_agg(json_build_object(
                                 'id', v.id, 'sku', v.sku, 'name', v.name, 'attributes', v.attributes,
                                 'price', ((p.base_price + v.price_adjustment) * 100)::bigint,
                                 'available', greatest(coalesce(i.quantity - i.reserved, 0), 0),
                                 'imageUrl', v.image_url) ORDER BY v.created_at, v.sku), '[]'::json)
                               FROM product_variants v LEFT JOIN inventory i ON i.variant_id = v.id
                              WHERE v.product_id = p.id AND v.is_active))
         FROM products p
         ${VARIANT_SUMMARY}
        WHERE p.store_id = s.id AND p.slug = $2 AND p.is_active) AS product
    FROM stores s
    WHERE s.slug = $1 AND s.is_active`;
  return { sql, params: [storeSlug, productSlug], name: 'storefront_product_detail' };
}

/** The active categories of an active store, flat (the caller builds the tree): one statement. */
export function buildCategoryTreeQuery(storeSlug: string): SqlStatement {
  const sql = `
    SELECT s.id AS store_id,
      (SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'slug', c.slug,
                                                  'parentId', c.parent_id, 'displayOrder', c.display_order)
                                ORDER BY c.display_order, c.name, c.id), '[]'::json)
         FROM categories c WHERE c.store_id = s.id AND c.is_active) AS categories
    FROM stores s
    WHERE s.slug = $1 AND s.is_active`;
  return { sql, params: [storeSlug] };
}
