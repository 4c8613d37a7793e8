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
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client, ClientBase } from 'pg';
import { DataSource } from 'typeorm';
import { generateSku } from '../src/catalog/sku';
import { formatMoney } from '../src/common/money';
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
/** Colour names whose 3-letter SKU codes are all distinct (generateSku abbreviates values). */
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

/** mulberry32: small, fast, deterministic; Math.random would make runs incomparable. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Leaf {
  id: string;
  name: string;
  nouns: string[];
}

interface Batch {
  products: {
    id: string[];
    name: string[];
    slug: string[];
    description: string[];
    categoryId: string[];
    basePrice: string[];
    isActive: boolean[];
    isFeatured: boolean[];
    metaTitle: string[];
    createdAt: string[];
  };
  variants: {
    id: string[];
    productId: string[];
    sku: string[];
    name: string[];
    attributes: string[];
    priceAdjustment: string[];
    isActive: boolean[];
  };
  inventory: { variantId: string[]; quantity: number[]; lowStockThreshold: number[] };
  images: { productId: string[]; url: string[]; altText: string[]; displayOrder: number[] };
  productTags: { productId: string[]; tagId: string[] };
}

function emptyBatch(): Batch {
  return {
    products: {
      id: [],
      name: [],
      slug: [],
      description: [],
      categoryId: [],
      basePrice: [],
      isActive: [],
      isFeatured: [],
      metaTitle: [],
      createdAt: [],
    },
    variants: { id: [], productId: [], sku: [], name: [], attributes: [], priceAdjustment: [], isActive: [] },
    inventory: { variantId: [], quantity: [], lowStockThreshold: [] },
    images: { productId: [], url: [], altText: [], displayOrder: [] },
    productTags: { productId: [], tagId: [] },
  };
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/**
 * Seeds the catalog with the given client (which must not be in a transaction: this opens its own).
 * Reused by the benchmark (scripts/bench-catalog.ts).
 */
export async function seedCatalog(
  client: ClientBase,
  options: SeedCatalogOptions,
  onProgress: SeedProgress = () => undefined,
): Promise<SeedCatalogResult> {
  const started = Date.now();
  const random = prng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const batchSize = options.batchSize ?? 1000;

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

    // Slugs and SKUs must not collide with what the store already has (a second run adds products).
    const offset = Number(
      (await client.query<{ n: string }>(`SELECT count(*) AS n FROM products WHERE store_id = $1`, [storeId]))
        .rows[0].n,
    );
    const skus = new Set(
      (
        await client.query<{ sku: string }>(`SELECT sku FROM product_variants WHERE store_id = $1`, [storeId])
      ).rows.map((r) => r.sku),
    );

    const now = Date.now();
    const sampleProductSlugs: string[] = [];
    let variantCount = 0;
    for (let start = 0; start < options.products; start += batchSize) {
      const batch = emptyBatch();
      const end = Math.min(options.products, start + batchSize);
      for (let i = start; i < end; i++) {
        const leaf = pick(leaves);
        const adjective = pick(ADJECTIVES);
        const material = pick(MATERIALS);
        const noun = pick(leaf.nouns);
        const name = `${adjective} ${material} ${noun}`;
        const slug = `${slugify(name)}-${offset + i + 1}`;
        const productId = randomUUID();
        const isActive = random() >= 0.03;
        if (isActive && sampleProductSlugs.length < 500) sampleProductSlugs.push(slug);
        const basePrice = 500 + Math.floor(random() * 295) * 100 + pick([0, 49, 95, 99]);
        const p = batch.products;
        p.id.push(productId);
        p.name.push(name);
        p.slug.push(slug);
        p.description.push(
          `${adjective} ${noun.toLowerCase()} in ${material.toLowerCase()}. ${pick(SENTENCES)} ${pick(SENTENCES)}`,
        );
        p.categoryId.push(leaf.id);
        p.basePrice.push(formatMoney(basePrice));
        p.isActive.push(isActive);
        p.isFeatured.push(random() < 0.04);
        p.metaTitle.push(name);
        p.createdAt.push(new Date(now - Math.floor(random() * 365 * 86_400_000)).toISOString());

        // Colour × size: enough colours and consecutive sizes to give the wanted number of variants.
        const colorCount = Math.max(1, Math.ceil(Math.sqrt(options.variantsPerProduct)));
        const sizeCount = Math.min(SIZES.length, Math.ceil(options.variantsPerProduct / colorCount));
        const colors = [...SEED_COLORS].sort(() => random() - 0.5).slice(0, colorCount);
        const firstSize = Math.floor(random() * (SIZES.length - sizeCount + 1));
        const sizes = SIZES.slice(firstSize, firstSize + sizeCount);
        let made = 0;
        for (const color of colors) {
          for (const size of sizes) {
            if (made >= options.variantsPerProduct) break;
            made++;
            const attributes = { color, size };
            let sku = generateSku(leaf.name, productId, attributes);
            // generateSku keeps 4 characters of the product id: add a counter when two products share them.
            for (let n = 2; skus.has(sku); n++) sku = `${generateSku(leaf.name, productId, attributes)}-${n}`;
            skus.add(sku);
            const variantId = randomUUID();
            const v = batch.variants;
            v.id.push(variantId);
            v.productId.push(productId);
            v.sku.push(sku);
            v.name.push(`${size} / ${capitalize(color)}`);
            v.attributes.push(JSON.stringify(attributes));
            v.priceAdjustment.push(size === 'XL' || size === 'XXL' ? '2.00' : '0.00');
            v.isActive.push(random() >= 0.03);
            batch.inventory.variantId.push(variantId);
            batch.inventory.quantity.push(random() < 0.08 ? 0 : 1 + Math.floor(random() * 120));
            batch.inventory.lowStockThreshold.push(5);
            variantCount++;
          }
        }
        for (let n = 0; n < 2; n++) {
          batch.images.productId.push(productId);
          batch.images.url.push(`https://images.example.com/catalog/${slug}-${n + 1}.jpg`);
          batch.images.altText.push(n === 0 ? name : `${name}, detail`);
          batch.images.displayOrder.push(n);
        }
        const tagCount = Math.floor(random() * 4);
        for (const tagId of [...tagIds].sort(() => random() - 0.5).slice(0, tagCount)) {
          batch.productTags.productId.push(productId);
          batch.productTags.tagId.push(tagId);
        }
      }
      await insertBatch(client, storeId, batch);
      onProgress(end, options.products);
    }
    await client.query('COMMIT');

    // Outside the transaction (VACUUM cannot run in one): statistics for the planner, and the
    // visibility map that lets counts use index-only scans.
    for (const table of ['products', 'product_variants', 'inventory', 'product_images', 'product_tags']) {
      await client.query(`VACUUM ANALYZE ${table}`);
    }
    return {
      storeId,
      storeSlug: options.storeSlug,
      products: options.products,
      variants: variantCount,
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

async function insertBatch(client: ClientBase, storeId: string, batch: Batch): Promise<void> {
  const p = batch.products;
  await client.query(
    `INSERT INTO products (id, store_id, name, slug, description, category_id, base_price, is_active, is_featured,
                           meta_title, created_at, updated_at)
     SELECT u.id, $1, u.name, u.slug, u.description, u.category_id, u.base_price, u.is_active, u.is_featured,
            u.meta_title, u.created_at, u.created_at
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::numeric[], $8::bool[],
                   $9::bool[], $10::text[], $11::timestamptz[])
         AS u(id, name, slug, description, category_id, base_price, is_active, is_featured, meta_title, created_at)`,
    [
      storeId,
      p.id,
      p.name,
      p.slug,
      p.description,
      p.categoryId,
      p.basePrice,
      p.isActive,
      p.isFeatured,
      p.metaTitle,
      p.createdAt,
    ],
  );
  const v = batch.variants;
  await client.query(
    `INSERT INTO product_variants (id, store_id, product_id, sku, name, attributes, price_adjustment, is_active)
     SELECT u.id, $1, u.product_id, u.sku, u.name, u.attributes, u.price_adjustment, u.is_active
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::jsonb[], $7::numeric[], $8::bool[])
         AS u(id, product_id, sku, name, attributes, price_adjustment, is_active)`,
    [storeId, v.id, v.productId, v.sku, v.name, v.attributes, v.priceAdjustment, v.isActive],
  );
  const i = batch.inventory;
  await client.query(
    `INSERT INTO inventory (variant_id, quantity, low_stock_threshold)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[])`,
    [i.variantId, i.quantity, i.lowStockThreshold],
  );
  const im = batch.images;
  await client.query(
    `INSERT INTO product_images (product_id, image_url, alt_text, display_order)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[])`,
    [im.productId, im.url, im.altText, im.displayOrder],
  );
  const pt = batch.productTags;
  await client.query(
    `INSERT INTO product_tags (product_id, tag_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
    [pt.productId, pt.tagId],
  );
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
