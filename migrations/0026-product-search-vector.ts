import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  ConcurrentIndex,
  createIndexConcurrently,
  inOneTransaction,
  outsideTransaction,
  withLockTimeout,
} from './support';

/**
 * The text `?q=` searches, stored on the product: name and description as the `simple` configuration
 * reads them (the same document as 0010's expression index). Checked row by row, the expression cost
 * ~50 µs per product (`to_tsvector` each time): the search's capped total walked 3,450 products for 180 ms
 * at a million products. A stored value costs a comparison.
 */
export const SEARCH_DOCUMENT_SQL = (row: string): string =>
  `to_tsvector('simple'::regconfig, ${row}.name || ' ' || coalesce(${row}.description, ''))`;

const INDEX: ConcurrentIndex = {
  name: 'idx_products_search_vector',
  definition: 'ON products USING GIN (search_vector)',
};

/** 0010's expression index: the storefront no longer searches that expression. */
const OLD_INDEX: ConcurrentIndex = {
  name: 'idx_products_search',
  definition: `ON products USING GIN ((to_tsvector('simple'::regconfig, name || ' ' || coalesce(description, ''))))`,
};

/**
 * A row-level BEFORE trigger: the value is computed from the row being written, in the same statement
 * (raw SQL included), so it can never be stale. `UPDATE OF name, description`: other updates (stock,
 * prices, the price-sort trigger of 0011) do not recompute it.
 */
const TRIGGER_SQL = [
  `ALTER TABLE products ADD COLUMN IF NOT EXISTS search_vector tsvector`,
  `CREATE OR REPLACE FUNCTION maintain_product_search_vector() RETURNS TRIGGER AS $$
   BEGIN
     NEW.search_vector := ${SEARCH_DOCUMENT_SQL('NEW')};
     RETURN NEW;
   END;
   $$ LANGUAGE plpgsql`,
  `DROP TRIGGER IF EXISTS trg_products_search_vector ON products`,
  `CREATE TRIGGER trg_products_search_vector BEFORE INSERT OR UPDATE OF name, description ON products
     FOR EACH ROW EXECUTE FUNCTION maintain_product_search_vector()`,
];

/** Products per backfill transaction: row locks are held for one batch, not for the whole table. */
const BACKFILL_BATCH = 2000;

/**
 * 0026 — `products.search_vector` (tsvector), kept by a trigger, GIN-indexed; replaces 0010's
 * expression index for `?q=`.
 *
 * `transaction = false`: the column (nullable, no default: a catalog change, no rewrite), function and
 * trigger commit together first, under lock_timeout. From then on every write fills the column. Then
 * the existing rows are backfilled in batches by id, each its own transaction. No lock beyond the
 * UPDATE's own is needed: an UPDATE that meets a row changed meanwhile re-evaluates its SET on the new
 * version (READ COMMITTED recheck), so a concurrent rename is never overwritten with the old name's
 * vector. Then the GIN index is built CONCURRENTLY and 0010's expression index dropped CONCURRENTLY.
 * Every step is idempotent: a run that failed half-way can be re-run.
 */
export class ProductSearchVector1000000000026 implements MigrationInterface {
  name = 'ProductSearchVector1000000000026';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await inOneTransaction(q, async () => {
        for (const sql of TRIGGER_SQL) await q.query(sql);
      });
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = (await q.query(`SELECT id FROM products WHERE id > $1 ORDER BY id LIMIT $2`, [
          after,
          BACKFILL_BATCH,
        ])) as Array<{ id: string }>;
        const last = rows.at(-1)?.id;
        if (last === undefined) break;
        await q.query(
          `UPDATE products p SET search_vector = ${SEARCH_DOCUMENT_SQL('p')}
            WHERE p.id = ANY ($1::uuid[]) AND p.search_vector IS NULL`,
          [rows.map((r) => r.id)],
        );
        after = last;
      }
      await createIndexConcurrently(q, INDEX);
      await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${OLD_INDEX.name}`);
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, () =>
      withLockTimeout(q, async () => {
        // The old search index first: searches go on using an index throughout the rollback.
        await createIndexConcurrently(q, OLD_INDEX);
        await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${INDEX.name}`);
        await inOneTransaction(q, async () => {
          await q.query(`DROP TRIGGER IF EXISTS trg_products_search_vector ON products`);
          await q.query(`DROP FUNCTION IF EXISTS maintain_product_search_vector()`);
          await q.query(`ALTER TABLE products DROP COLUMN IF EXISTS search_vector`);
        });
      }),
    );
  }
}
