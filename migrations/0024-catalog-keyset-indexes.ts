import { MigrationInterface, QueryRunner } from 'typeorm';
import { ConcurrentIndex, createIndexConcurrently, outsideTransaction, withLockTimeout } from './support';

/**
 * The indexes that make the storefront listing cost the same at any depth and any catalog size
 * (src/catalog/storefront-sql.ts; EXPLAIN plans in docs/benchmarks.md):
 *  - every sort has a keyset form read from one index starting at the cursor: newest and the price
 *    sorts already had theirs (0010, 0011); `name` gets (store_id, name, id);
 *  - a category filter reads its category's products newest first instead of filtering the whole
 *    store's newest-first index;
 *  - the variant filters (attributes, price range) and each card's price range and stock probe a
 *    product's active variants: covering them (price adjustment, attributes) makes that probe an
 *    index-only scan instead of a heap visit per variant.
 */
export const CATALOG_KEYSET_INDEXES: ConcurrentIndex[] = [
  {
    name: 'idx_products_store_name',
    definition: 'ON products (store_id, name, id) WHERE is_active',
  },
  {
    name: 'idx_products_store_category_newest',
    definition: 'ON products (store_id, category_id, created_at DESC, id DESC) WHERE is_active',
  },
  {
    name: 'idx_product_variants_product_active',
    definition: 'ON product_variants (product_id) INCLUDE (price_adjustment, attributes) WHERE is_active',
  },
];

/**
 * 0024 — storefront keyset indexes. `transaction = false`: each is built CONCURRENTLY (reads and
 * writes go on), with lock_timeout bounding the waits; a failed build leaves an INVALID index that a
 * re-run drops and rebuilds. Nothing else changes, so `down` only drops them (concurrently too).
 */
export class CatalogKeysetIndexes1000000000024 implements MigrationInterface {
  name = 'CatalogKeysetIndexes1000000000024';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      for (const index of CATALOG_KEYSET_INDEXES) await createIndexConcurrently(q, index);
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, () =>
      withLockTimeout(q, async () => {
        for (const index of [...CATALOG_KEYSET_INDEXES].reverse()) {
          await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${index.name}`);
        }
      }),
    );
  }
}
