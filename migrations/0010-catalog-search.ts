import { MigrationInterface, QueryRunner } from 'typeorm';
import { ConcurrentIndex, createIndexConcurrently, outsideTransaction, withLockTimeout } from './support';

const INDEXES: ConcurrentIndex[] = [
  // Full-text search over name and description (`?q=`). The storefront query (src/catalog/storefront-sql.ts)
  // repeats this expression exactly, or the planner could not match it to the index. `simple`: stores are
  // not all in English, and one language's stemming would mangle the others; the query matches words as
  // prefixes (`tee:*` finds "tees"), which covers plurals well enough.
  {
    name: 'idx_products_search',
    definition: `ON products USING GIN ((to_tsvector('simple'::regconfig, name || ' ' || coalesce(description, ''))))`,
  },
  // The default storefront order (newest first) of a store's visible products, read in index order
  // instead of sorting the whole store on every page.
  {
    name: 'idx_products_store_newest',
    definition: 'ON products (store_id, created_at DESC, id DESC) WHERE is_active',
  },
];

/**
 * Number of active products per store, kept by statement-level triggers on `products` in the same
 * transaction as every insert, update, delete or truncate (raw SQL included). The unfiltered storefront
 * listing reads its total here: counting ten thousand rows on every page view cost more than the rest
 * of the page. Filtered listings count their (smaller) matches directly.
 */
const COUNTS_SQL = [
  `CREATE TABLE IF NOT EXISTS store_product_counts (
     store_id UUID NOT NULL,
     active_products INTEGER NOT NULL DEFAULT 0,
     CONSTRAINT store_product_counts_pkey PRIMARY KEY (store_id),
     CONSTRAINT fk_store_product_counts_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
     CONSTRAINT chk_store_product_counts_active CHECK (active_products >= 0)
   )`,
  // Transition tables (new_rows/old_rows) make one bulk statement one counter update per store. A delete
  // cascading from a deleted store finds its counter row gone already (also cascaded): nothing to do.
  `CREATE OR REPLACE FUNCTION maintain_store_product_counts() RETURNS TRIGGER AS $$
   BEGIN
     IF TG_OP = 'INSERT' THEN
       INSERT INTO store_product_counts AS c (store_id, active_products)
       SELECT n.store_id, count(*) FROM new_rows n WHERE n.is_active GROUP BY n.store_id
       ON CONFLICT (store_id) DO UPDATE SET active_products = c.active_products + EXCLUDED.active_products;
     ELSIF TG_OP = 'UPDATE' THEN
       -- Not one INSERT … ON CONFLICT: its proposed row (store, -1) fails the CHECK before the conflict
       -- is even looked at. Existing counters take the delta; a store without one (its first active
       -- product) gets it inserted, and a counter created meanwhile by another transaction is caught
       -- by ON CONFLICT. A negative delta always finds a counter: an active product had been counted.
       WITH d AS (
         SELECT store_id, sum(delta)::int AS delta
           FROM (SELECT store_id, 1 AS delta FROM new_rows WHERE is_active
                 UNION ALL
                 SELECT store_id, -1 FROM old_rows WHERE is_active) changes
          GROUP BY store_id
         HAVING sum(delta) <> 0
       ), updated AS (
         UPDATE store_product_counts c SET active_products = c.active_products + d.delta
           FROM d WHERE c.store_id = d.store_id
         RETURNING c.store_id
       )
       INSERT INTO store_product_counts AS c (store_id, active_products)
       SELECT d.store_id, d.delta FROM d JOIN stores s ON s.id = d.store_id
        WHERE d.delta > 0 AND d.store_id NOT IN (SELECT store_id FROM updated)
       ON CONFLICT (store_id) DO UPDATE SET active_products = c.active_products + EXCLUDED.active_products;
     ELSIF TG_OP = 'DELETE' THEN
       UPDATE store_product_counts c SET active_products = c.active_products - d.removed
         FROM (SELECT store_id, count(*) AS removed FROM old_rows WHERE is_active GROUP BY store_id) d
        WHERE c.store_id = d.store_id;
     ELSE
       UPDATE store_product_counts SET active_products = 0 WHERE active_products <> 0;
     END IF;
     RETURN NULL;
   END;
   $$ LANGUAGE plpgsql`,
  `DROP TRIGGER IF EXISTS trg_products_count_insert ON products`,
  `CREATE TRIGGER trg_products_count_insert AFTER INSERT ON products REFERENCING NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION maintain_store_product_counts()`,
  `DROP TRIGGER IF EXISTS trg_products_count_update ON products`,
  `CREATE TRIGGER trg_products_count_update AFTER UPDATE ON products
     REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION maintain_store_product_counts()`,
  `DROP TRIGGER IF EXISTS trg_products_count_delete ON products`,
  `CREATE TRIGGER trg_products_count_delete AFTER DELETE ON products REFERENCING OLD TABLE AS old_rows
     FOR EACH STATEMENT EXECUTE FUNCTION maintain_store_product_counts()`,
  `DROP TRIGGER IF EXISTS trg_products_count_truncate ON products`,
  `CREATE TRIGGER trg_products_count_truncate AFTER TRUNCATE ON products
     FOR EACH STATEMENT EXECUTE FUNCTION maintain_store_product_counts()`,
  // CREATE TRIGGER holds a lock that blocks writes to products until commit, so this count is exact.
  `INSERT INTO store_product_counts (store_id, active_products)
   SELECT store_id, count(*) FROM products WHERE is_active GROUP BY store_id
   ON CONFLICT (store_id) DO UPDATE SET active_products = EXCLUDED.active_products`,
];

/**
 * 0010 — the public catalog's search and listing support: a full-text index (`q`), the newest-first
 * index, and the per-store count of active products.
 *
 * `transaction = false` because the indexes are built CONCURRENTLY (writes go on during the build);
 * the counter table, its triggers and its backfill run in their own transaction first, so they appear
 * together or not at all. Every step is idempotent, so a run that failed half-way can simply be re-run.
 */
export class CatalogSearch1000000000010 implements MigrationInterface {
  name = 'CatalogSearch1000000000010';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.startTransaction();
      try {
        for (const sql of COUNTS_SQL) await q.query(sql);
        await q.commitTransaction();
      } catch (error) {
        await q.rollbackTransaction();
        throw error;
      }
      for (const index of INDEXES) await createIndexConcurrently(q, index);
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, () =>
      withLockTimeout(q, async () => {
        for (const index of [...INDEXES].reverse()) {
          await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${index.name}`);
        }
        await q.startTransaction();
        try {
          for (const op of ['truncate', 'delete', 'update', 'insert']) {
            await q.query(`DROP TRIGGER IF EXISTS trg_products_count_${op} ON products`);
          }
          await q.query(`DROP FUNCTION IF EXISTS maintain_store_product_counts()`);
          await q.query(`DROP TABLE IF EXISTS store_product_counts`);
          await q.commitTransaction();
        } catch (error) {
          await q.rollbackTransaction();
          throw error;
        }
      }),
    );
  }
}
