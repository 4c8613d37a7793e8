/**
 * npm run db:seed -- [--products 10000] [--variants 4] [--store bench] [--seed 1]
 *
 * Fills a large, realistic catalog into DATABASE_URL, or without it into the default run's embedded
 * PostgreSQL under DATA_DIR (migrating it first when needed): a category tree,
 * tags, products with descriptions, colour × size variants with stock, images and tags. Creates the store
 * when it does not exist; adds to it otherwise. Rows go in with one `INSERT … SELECT FROM unnest(arrays)`
 * per table and batch, in one transaction (all or nothing), then VACUUM ANALYZE so the planner and
 * index-only scans see the new rows at once. 10,000 × 4 takes about 15 s on 2 busy cores. Progress on
 * stderr.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client, ClientBase } from 'pg';
import { DataSource } from 'typeorm';
import { slugify } from '../src/common/slug';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { EMBEDDED_DATABASE, EmbeddedPostgres } from '../src/dev-postgres';
import { runMigrationsLocked } from '../src/bootstrap/migrate';

export interface SeedCatalogOptions {
  products: number;
  variantsPerProduct: number;
  storeSlug: string;
  /** PRNG seed: the same seed gives the same catalog (names, prices, stock). */
  seed: number;
  /** Products per batch (one INSERT per table per batch). */
  batchSize?: number;
}

export interface SeedCatalogResult {
  storeId: string;
  storeSlug: string;
  products: number;
  variants: number;
  categories: number;
  tags: number;
  /** Slugs of some seeded products (for benchmarks that fetch product pages). */
  sampleProductSlugs: string[];
  /** A top-level category slug and a colour that exist in the data (for filtered listings). */
  sampleCategorySlug: string;
  ms: number;
}

export type SeedProgress = (done: number, total: number) => void;

/** Top-level category → sub-categories → product nouns. Every product sits in a sub-category. */
const CATALOG_TREE: Array<{ name: string; children: Array<{ name: string; nouns: string[] }> }> = [
  {
    name: 'Apparel',
    children: [
      { name: 'T-Shirts', nouns: ['Tee', 'Crew Tee', 'V-Neck Tee', 'Pocket Tee'] },
      { name: 'Shirts', nouns: ['Oxford Shirt', 'Flannel Shirt', 'Overshirt', 'Camp Shirt'] },
      { name: 'Hoodies', nouns: ['Hoodie', 'Zip Hoodie', 'Sweatshirt'] },
      { name: 'Jackets', nouns: ['Jacket', 'Parka', 'Windbreaker', 'Bomber'] },
      { name: 'Trousers', nouns: ['Chinos', 'Joggers', 'Jeans', 'Cargo Pants'] },
    ],
  },
  {
    name: 'Footwear',
    children: [
      { name: 'Sneakers', nouns: ['Sneaker', 'Runner', 'Court Shoe'] },
      { name: 'Boots', nouns: ['Boot', 'Chelsea Boot', 'Hiking Boot'] },
      { name: 'Sandals', nouns: ['Sandal', 'Slide', 'Flip-Flop'] },
    ],
  },
  {
    name: 'Accessories',
    children: [
      { name: 'Bags', nouns: ['Tote', 'Backpack', 'Crossbody Bag', 'Duffel'] },
      { name: 'Hats', nouns: ['Beanie', 'Cap', 'Bucket Hat'] },
      { name: 'Scarves', nouns: ['Scarf', 'Snood', 'Bandana'] },
      { name: 'Belts', nouns: ['Belt', 'Webbing Belt'] },
    ],
  },
  {
    name: 'Home',
    children: [
      { name: 'Mugs', nouns: ['Mug', 'Tumbler', 'Cup'] },
      { name: 'Posters', nouns: ['Poster', 'Print', 'Art Print'] },
      { name: 'Cushions', nouns: ['Cushion', 'Throw Pillow'] },
      { name: 'Candles', nouns: ['Candle', 'Tealight Set'] },
    ],
  },
  {
    name: 'Kitchen',
    children: [
      { name: 'Cookware', nouns: ['Skillet', 'Saucepan', 'Dutch Oven'] },
      { name: 'Knives', nouns: ['Chef Knife', 'Paring Knife', 'Bread Knife'] },
      { name: 'Storage', nouns: ['Jar', 'Canister', 'Lunch Box'] },
    ],
  },
  {
    name: 'Outdoors',
    children: [
      { name: 'Tents', nouns: ['Tent', 'Tarp', 'Shelter'] },
      { name: 'Bottles', nouns: ['Bottle', 'Flask', 'Thermos'] },
      { name: 'Camp Gear', nouns: ['Lantern', 'Camp Chair', 'Hammock'] },
    ],
  },
];

const ADJECTIVES = [
  'Classic',
  'Vintage',
  'Everyday',
  'Premium',
  'Lightweight',
  'Heavyweight',
  'Relaxed',
  'Slim',
  'Organic',
  'Recycled',
  'Essential',
  'Urban',
  'Alpine',
  'Coastal',
  'Heritage',
  'Modern',
  'Minimal',
  'Rugged',
  'Soft',
  'Travel',
];
const MATERIALS = [
  'Cotton',
  'Linen',
  'Wool',
  'Denim',
  'Leather',
  'Canvas',
  'Fleece',
  'Bamboo',
  'Steel',
  'Ceramic',
  'Oak',
  'Hemp',
  'Nylon',
  'Suede',
  'Cashmere',
];
const SENTENCES = [
  'Made to last and easy to care for.',
  'Designed in our studio and produced in small batches.',
  'A wardrobe staple that works with everything.',
  'Tested outdoors through every season.',
  'Finished by hand for a unique look.',
  'Ships in plastic-free packaging.',
  'Backed by our lifetime repair promise.',
  'Pairs well with the rest of the collection.',
];
const TAG_NAMES = [
  'New',
  'Sale',
  'Bestseller',
  'Organic',
  'Limited',
  'Eco',
  'Gift Idea',
  'Handmade',
  'Vegan',
  'Waterproof',
  'Summer',
  'Winter',
  'Staff Pick',
  'Back in Stock',
  'Exclusive',
  'Fair Trade',
];
/** Colour names whose 3-letter SKU codes are all distinct (the SKUs abbreviate them). Twelve: the
 * variants step through them by 5, which visits each once. */
export const SEED_COLORS = [
  'black',
  'white',
  'navy',
  'grey',
  'red',
  'olive',
  'sand',
  'pink',
  'yellow',
  'brown',
  'blue',
  'teal',
];
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];

interface Leaf {
  id: string;
  name: string;
  nouns: string[];
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/**
 * The deterministic "random" number of product `i` for draw `draw`, in [0, m): PostgreSQL's
 * hashint8extended with the run's seed, so the same seed gives the same catalog and no row is made in
 * JavaScript. `i` is a bigint expression, `draw` a small integer distinguishing the draws of one row;
 * `$2` is the seed.
 */
function pick(i: string, draw: number, m: number | string): string {
  return `(((hashint8extended(${i}, $2::bigint * 64 + ${draw}) & 2147483647) % (${m}))::int)`;
}

/**
 * Ids derived from the store (`$1`) and the serial, so variants, stock, images and tags find their
 * product without a round trip; in serial order (a per-store prefix, then the serial in hex), so each
 * batch appends to the right end of the primary-key and foreign-key indexes instead of touching a
 * random page of each (random ids made a large seed several times slower once the indexes outgrew
 * the cache).
 */
function productId(i: string): string {
  return `(left(md5($1::text || ':p'), 12) || lpad(to_hex(${i}), 20, '0'))::uuid`;
}
function variantId(i: string, k: string): string {
  return `(left(md5($1::text || ':v'), 12) || lpad(to_hex(${i} * 64 + ${k}), 20, '0'))::uuid`;
}

/**
 * Product g.i's smallest active price adjustment, drawn exactly as the variants statement draws its
 * sizes and activity: written with the product, so the variant trigger of migration 0011 finds it
 * right and rewrites no product row (a rewrite of every product doubled the seed's time).
 */
const MIN_ADJUSTMENT = `(
  SELECT min(CASE WHEN (s.w->'sizes'->>(o.s0 + k.k % c.sc)) IN ('XL', 'XXL') THEN 2.00 ELSE 0.00 END)
    FROM (SELECT least(6, ceil(s.variants / ceil(sqrt(s.variants))))::int AS sc) c
   CROSS JOIN LATERAL (SELECT ${pick('g.i', 15, '7 - c.sc')} AS s0) o
   CROSS JOIN generate_series(0, s.variants - 1) AS k(k)
   WHERE ${pick('(g.i * 64 + k.k)', 13, 100)} >= 3)`;

/**
 * The products of serials [from, to) and everything hanging off them, each table ONE set-based
 * `INSERT … SELECT FROM generate_series` (nothing is built row by row in Node). The JSON param holds
 * the word lists; `$1` is the store, `$2` the seed, `$3`/`$4` the serials, `$5` variants per product.
 */

function batchStatements(): string[] {
  const params = `(SELECT $1::uuid AS store_id, $2::bigint AS seed, $3::bigint AS lo, $4::bigint AS hi,
                          $5::int AS variants, $6::jsonb AS w) s`;
  // Shared per-product draws: the leaf, its noun, the words.
  const product = `
    SELECT s.store_id, s.seed, g.i,
           ${productId('g.i')} AS id,
           s.w->'leaves'->${pick('g.i', 1, "jsonb_array_length(s.w->'leaves')")}::int AS leaf,
           ${pick('g.i', 2, "jsonb_array_length(s.w->'adjectives')")}::int AS adj,
           ${pick('g.i', 3, "jsonb_array_length(s.w->'materials')")}::int AS mat,
           ${pick('g.i', 4, 1000003)}::int AS noun_draw,
           s.w, s.variants, ${MIN_ADJUSTMENT} AS min_adj
      FROM ${params}, generate_series(s.lo, s.hi - 1) AS g(i)`;
  const named = `
    SELECT x.*, (x.leaf->'nouns'->>(x.noun_draw % jsonb_array_length(x.leaf->'nouns'))) AS noun,
           (x.w->'adjectives'->>x.adj) AS adjective, (x.w->'materials'->>x.mat) AS material
      FROM (${product}) x`;
  return [
    `INSERT INTO products (id, store_id, name, slug, description, category_id, base_price, is_active,
                           is_featured, meta_title, created_at, updated_at, min_variant_adjustment)
     SELECT n.id, n.store_id, n.name,
            (n.w->'adjectiveSlugs'->>n.adj) || '-' || (n.w->'materialSlugs'->>n.mat) || '-' ||
              regexp_replace(lower(n.noun), '[^a-z0-9]+', '-', 'g') || '-' || (n.i + 1),
            n.adjective || ' ' || lower(n.noun) || ' in ' || lower(n.material) || '. ' ||
              (n.w->'sentences'->>${pick('n.i', 5, "jsonb_array_length(n.w->'sentences')")}::int) || ' ' ||
              (n.w->'sentences'->>${pick('n.i', 6, "jsonb_array_length(n.w->'sentences')")}::int),
            (n.leaf->>'id')::uuid,
            (500 + ${pick('n.i', 7, 295)} * 100 + (ARRAY[0, 49, 95, 99])[1 + ${pick('n.i', 8, 4)}]) / 100.0,
            ${pick('n.i', 9, 100)} >= 3,
            ${pick('n.i', 10, 100)} < 4,
            n.name,
            n.created_at, n.created_at, n.min_adj
       FROM (SELECT m.*, m.adjective || ' ' || m.material || ' ' || m.noun AS name,
                    now() - make_interval(secs => ${pick('m.i', 11, 365 * 86400)}
                                                  + ${pick('m.i', 12, 1000000)} / 1e6) AS created_at
               FROM (${named}) m) n`,
    // Colour × size: colorCount colours (distinct: steps of 5 through 12) × consecutive sizes.
    `INSERT INTO product_variants (id, store_id, product_id, sku, name, attributes, price_adjustment, is_active)
     SELECT ${variantId('v.i', 'v.k')}, v.store_id, v.product_id,
            'PROD-' || v.code || '-' || (v.i + 1) || '-' || upper(left(v.color, 3)) || '-' || v.size,
            v.size || ' / ' || initcap(v.color),
            jsonb_build_object('color', v.color, 'size', v.size),
            CASE WHEN v.size IN ('XL', 'XXL') THEN 2.00 ELSE 0.00 END,
            ${pick('(v.i * 64 + v.k)', 13, 100)} >= 3
       FROM (SELECT p.store_id, p.seed, p.i, k.k, p.product_id, p.code,
                    p.w->'colors'->>((p.c0 + (k.k / p.size_count) * 5) % 12) AS color,
                    p.w->'sizes'->>(p.s0 + k.k % p.size_count) AS size
               FROM (SELECT x.*, ${pick('x.i', 14, 12)} AS c0,
                            ${pick('x.i', 15, '7 - x.size_count')} AS s0
                       FROM (SELECT s.store_id, s.seed, s.w, g.i, s.variants,
                                    ${productId('g.i')} AS product_id,
                                    s.w->'leaves'->${pick('g.i', 1, "jsonb_array_length(s.w->'leaves')")}::int->>'code' AS code,
                                    least(6, ceil(s.variants / ceil(sqrt(s.variants))))::int AS size_count
                               FROM ${params}, generate_series(s.lo, s.hi - 1) AS g(i)) x) p
               CROSS JOIN LATERAL generate_series(0, p.variants - 1) AS k(k)) v`,
    `INSERT INTO inventory (variant_id, quantity, low_stock_threshold)
     SELECT ${variantId('g.i', 'k.k')},
            CASE WHEN ${pick('(g.i * 64 + k.k)', 16, 100)} < 8 THEN 0 ELSE 1 + ${pick('(g.i * 64 + k.k)', 17, 120)} END,
            5
       FROM ${params}, generate_series(s.lo, s.hi - 1) AS g(i), generate_series(0, s.variants - 1) AS k(k)`,
    `INSERT INTO product_images (product_id, image_url, alt_text, display_order)
     SELECT p.id, 'https://images.example.com/catalog/' || p.slug || '-' || (n.n + 1) || '.jpg',
            CASE WHEN n.n = 0 THEN p.name ELSE p.name || ', detail' END, n.n
       FROM ${params}
      CROSS JOIN generate_series(s.lo, s.hi - 1) AS g(i)
       JOIN products p ON p.id = ${productId('g.i')}
      CROSS JOIN generate_series(0, 1) AS n(n)`,
    // 0-3 distinct tags (steps of 3 through 16 tags).
    `INSERT INTO product_tags (product_id, tag_id)
     SELECT ${productId('g.i')},
            (s.w->'tags'->>((${pick('g.i', 18, 1000003)} + t.t * 3) % jsonb_array_length(s.w->'tags')))::uuid
       FROM ${params}, generate_series(s.lo, s.hi - 1) AS g(i),
            generate_series(0, 2) AS t(t)
      WHERE t.t < ${pick('g.i', 19, 4)} AND jsonb_array_length(s.w->'tags') > 0`,
  ];
}

/**
 * Seeds the catalog with the given client (which must not be in a transaction: this opens its own).
 * Reused by the benchmark (scripts/bench-catalog.ts) and the storefront query tests.
 */
export async function seedCatalog(
  client: ClientBase,
  options: SeedCatalogOptions,
  onProgress: SeedProgress = () => undefined,
): Promise<SeedCatalogResult> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 25_000;

  await client.query('BEGIN');
  try {
    const storeName = options.storeSlug
      .split('-')
      .map((word) => capitalize(word))
      .join(' ');
    await client.query(
      `INSERT INTO stores (slug, name, currency, tax_rate, shipping_flat) VALUES ($1, $2, 'USD', 0.0825, 4.95)
       ON CONFLICT (slug) DO NOTHING`,
      [options.storeSlug, storeName],
    );
    const storeId = (
      await client.query<{ id: string }>(`SELECT id FROM stores WHERE slug = $1`, [options.storeSlug])
    ).rows[0].id;

    // Categories: top level first, then children pointing at them. Existing ones are reused.
    const leaves: Leaf[] = [];
    let categoryCount = 0;
    for (const [index, top] of CATALOG_TREE.entries()) {
      const parentId = await upsertCategory(client, storeId, top.name, null, index);
      categoryCount++;
      for (const [childIndex, child] of top.children.entries()) {
        leaves.push({
          id: await upsertCategory(client, storeId, child.name, parentId, childIndex),
          name: child.name,
          nouns: child.nouns,
        });
        categoryCount++;
      }
    }
    await client.query(
      `INSERT INTO tags (store_id, name, slug) SELECT $1, n, s FROM unnest($2::text[], $3::text[]) AS t(n, s)
       ON CONFLICT (store_id, slug) DO NOTHING`,
      [storeId, TAG_NAMES, TAG_NAMES.map((name) => slugify(name))],
    );
    const tagIds = (
      await client.query<{ id: string }>(`SELECT id FROM tags WHERE store_id = $1 ORDER BY slug`, [storeId])
    ).rows.map((r) => r.id);

    // Serials continue after what the store already has (a second run adds products): slugs, SKUs
    // and ids carry the serial, so they never collide with the first run's.
    const offset = Number(
      (await client.query<{ n: string }>(`SELECT count(*) AS n FROM products WHERE store_id = $1`, [storeId]))
        .rows[0].n,
    );
    const words = JSON.stringify({
      leaves: leaves.map((leaf) => ({
        id: leaf.id,
        nouns: leaf.nouns,
        code: leaf.name
          .replace(/[^A-Za-z0-9]/g, '')
          .toUpperCase()
          .slice(0, 6),
      })),
      adjectives: ADJECTIVES,
      adjectiveSlugs: ADJECTIVES.map((word) => slugify(word)),
      materials: MATERIALS,
      materialSlugs: MATERIALS.map((word) => slugify(word)),
      sentences: SENTENCES,
      colors: SEED_COLORS,
      sizes: SIZES,
      tags: tagIds,
    });
    const statements = batchStatements();
    for (let start = 0; start < options.products; start += batchSize) {
      const end = Math.min(options.products, start + batchSize);
      const values = [storeId, options.seed, offset + start, offset + end, options.variantsPerProduct, words];
      for (const statement of statements) await client.query(statement, values);
      onProgress(end, options.products);
    }
    await client.query('COMMIT');

    // Outside the transaction (VACUUM cannot run in one): statistics for the planner, and the
    // visibility map that lets counts use index-only scans.
    for (const table of ['products', 'product_variants', 'inventory', 'product_images', 'product_tags']) {
      await client.query(`VACUUM ANALYZE ${table}`);
    }
    const sampleProductSlugs = (
      await client.query<{ slug: string }>(
        `SELECT slug FROM products WHERE store_id = $1 AND is_active ORDER BY id LIMIT 500`,
        [storeId],
      )
    ).rows.map((r) => r.slug);
    return {
      storeId,
      storeSlug: options.storeSlug,
      products: options.products,
      variants: options.products * options.variantsPerProduct,
      categories: categoryCount,
      tags: tagIds.length,
      sampleProductSlugs,
      sampleCategorySlug: slugify(CATALOG_TREE[0].name),
      ms: Date.now() - started,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function upsertCategory(
  client: ClientBase,
  storeId: string,
  name: string,
  parentId: string | null,
  displayOrder: number,
): Promise<string> {
  const slug = slugify(name);
  await client.query(
    `INSERT INTO categories (store_id, name, slug, parent_id, display_order) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (store_id, slug) DO NOTHING`,
    [storeId, name, slug, parentId, displayOrder],
  );
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM categories WHERE store_id = $1 AND slug = $2`,
    [storeId, slug],
  );
  return rows[0].id;
}

/** Migrates the database at `url` (locked, like the app does at start-up). */
export async function migrateDatabase(url: string): Promise<void> {
  const dataSource = new DataSource(
    buildDataSourceOptions(url, { poolSize: 2, applicationName: 'catalog-seed', systemContext: true }),
  );
  await dataSource.initialize();
  try {
    await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** `[██████░░░░]  60%  6000/10000 products  1.8 s` on one stderr line (a line per 10 % when not a TTY). */
export function progressBar(label: string): SeedProgress {
  const started = Date.now();
  let lastTenth = -1;
  return (done, total) => {
    const ratio = total === 0 ? 1 : done / total;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const width = 30;
    const filled = Math.round(ratio * width);
    const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%  ${done}/${total} ${label}  ${seconds} s`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
    } else if (Math.floor(ratio * 10) > lastTenth) {
      lastTenth = Math.floor(ratio * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

interface CliOptions {
  products: number;
  variants: number;
  store: string;
  seed: number;
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { products: 10_000, variants: 4, store: 'bench', seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    const integer = (min: number, max: number): number => {
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        throw new Error(`${arg} needs an integer between ${min} and ${max}`);
      }
      i++;
      return Number(value);
    };
    if (arg === '--products') options.products = integer(1, 1_000_000);
    else if (arg === '--variants') options.variants = integer(1, 36);
    else if (arg === '--seed') options.seed = integer(0, 2 ** 31);
    else if (arg === '--store') {
      if (value === undefined || slugify(value) !== value)
        throw new Error('--store needs a slug like "bench"');
      options.store = value;
      i++;
    } else {
      throw new Error(
        `Unknown option ${arg}. Usage: npm run db:seed -- [--products N] [--variants N] [--store slug] [--seed N]`,
      );
    }
  }
  return options;
}

/**
 * The embedded cluster of the default run (DATA_DIR) when `npm start` is running it: its URL, so the
 * seed writes next to the running app instead of starting a second server on the same data directory
 * (EmbeddedPostgres.start() would take the live server for a crashed leftover and stop it).
 */
export async function liveEmbeddedUrl(dataDir: string): Promise<string | undefined> {
  let lines: string[];
  let password: string;
  try {
    lines = fs.readFileSync(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n');
    password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  } catch {
    return undefined;
  }
  // postmaster.pid: pid, data directory, start time, port, …
  const port = Number(lines[3]);
  if (!Number.isInteger(port) || port <= 0) return undefined;
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    return url;
  } catch {
    return undefined;
  } finally {
    await probe.end().catch(() => undefined);
  }
}

/**
 * DATABASE_URL when set; otherwise the default run's embedded PostgreSQL under DATA_DIR (default
 * `.data`): the running one, or one started for the seed and stopped afterwards.
 */
async function openTarget(): Promise<{ url: string; describe: string; stop: () => Promise<void> }> {
  // Not loadAppConfig(): it also insists on app-only settings (JWT_SECRET) that a seed does not need.
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (databaseUrl) {
    return { url: databaseUrl, describe: 'DATABASE_URL', stop: async () => undefined };
  }
  const dataDir = path.resolve(process.env.DATA_DIR?.trim() || '.data');
  const live = await liveEmbeddedUrl(dataDir);
  if (live !== undefined) {
    return {
      url: live,
      describe: `the running embedded PostgreSQL (${dataDir})`,
      stop: async () => undefined,
    };
  }
  const postgres = new EmbeddedPostgres({
    dataDir: dataDir,
    onLog: (message) => process.stderr.write(`${message}\n`),
  });
  const { url } = await postgres.start();
  return { url, describe: `the embedded PostgreSQL (${dataDir})`, stop: () => postgres.stop() };
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const target = await openTarget();
  try {
    process.stderr.write(`Seeding into ${target.describe}\n`);
    await migrateDatabase(target.url);
    const client = new Client({ connectionString: target.url, application_name: 'catalog-seed' });
    await client.connect();
    try {
      const result = await seedCatalog(
        client,
        {
          products: options.products,
          variantsPerProduct: options.variants,
          storeSlug: options.store,
          seed: options.seed,
        },
        progressBar('products'),
      );
      process.stdout.write(
        `Seeded store "${result.storeSlug}": ${result.products} products, ${result.variants} variants, ` +
          `${result.categories} categories, ${result.tags} tags in ${(result.ms / 1000).toFixed(1)} s\n`,
      );
    } finally {
      await client.end();
    }
  } finally {
    await target.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
