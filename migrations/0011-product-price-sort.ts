import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  ConcurrentIndex,
  createIndexConcurrently,
  inOneTransaction,
  outsideTransaction,
  withLockTimeout,
} from './support';

/**
 * The storefront's price sorts order products by their cheapest active variant (base price + the
 * smallest price adjustment; the base price when there is none). Computed at read time that meant
 * aggregating every variant of the store on each page (~45 ms for 10,000 products × 4 variants); kept
 * on the product, a page is an index scan.
 */
const INDEX: ConcurrentIndex = {
  name: 'idx_products_store_price',
  definition:
    'ON products (store_id, (base_price + coalesce(min_variant_adjustment, 0)), id) WHERE is_active',
};

/** One statement-level trigger per event; the function reads the transition tables each one names. */
const TRIGGERS = [
  { event: 'insert', transition: 'REFERENCING NEW TABLE AS new_rows' },
  { event: 'update', transition: 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows' },
  { event: 'delete', transition: 'REFERENCING OLD TABLE AS old_rows' },
  { event: 'truncate', transition: '' },
] as const;

/**
 * `products.min_variant_adjustment`: the smallest price_adjustment of the product's active variants
 * (NULL without any), kept by statement-level triggers on product_variants in the same transaction as
 * every variant insert, update, delete or truncate (raw SQL included).
 *
 * Concurrency: the function first locks the affected products (in id order: no deadlock between two
 * such statements), then recomputes in a second statement. Under READ COMMITTED that statement takes a
 * fresh snapshot after the lock was granted, so it sees every variant change whose transaction held the
 * lock before it: of two concurrent changes to one product's variants, the later one recomputes with
 * both. (A single UPDATE … SET = (subquery) would not: when it waits on the row, its recheck still runs
 * the subquery against its old snapshot and writes a stale minimum.) `FOR NO KEY UPDATE`, the lock an
 * UPDATE of non-key columns takes anyway, so inserting order items (a key-share lock on the product)
 * never waits on it.
 */
const TRIGGER_SQL = [
  `ALTER TABLE products ADD COLUMN IF NOT EXISTS min_variant_adjustment DECIMAL(10, 2)`,
  `CREATE OR REPLACE FUNCTION maintain_product_min_variant_adjustment() RETURNS TRIGGER AS $$
   DECLARE
     affected UUID[];
   BEGIN
     IF TG_OP = 'INSERT' THEN
       SELECT array_agg(DISTINCT product_id) INTO affected FROM new_rows;
     ELSIF TG_OP = 'UPDATE' THEN
       -- Only rows whose price, visibility or product changed (a rename or a stock image does not count);
       -- a variant moved to another product changes both.
       SELECT array_agg(DISTINCT product_id) INTO affected FROM (
         SELECT n.product_id FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.price_adjustment, n.is_active, n.product_id)
                IS DISTINCT FROM (o.price_adjustment, o.is_active, o.product_id)
         UNION
         SELECT o.product_id FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE n.product_id IS DISTINCT FROM o.product_id
       ) changed;
     ELSIF TG_OP = 'DELETE' THEN
       SELECT array_agg(DISTINCT product_id) INTO affected FROM old_rows;
     ELSE
       UPDATE products SET min_variant_adjustment = NULL WHERE min_variant_adjustment IS NOT NULL;
       RETURN NULL;
     END IF;
     IF affected IS NULL THEN
       RETURN NULL;
     END IF;
     PERFORM 1 FROM products WHERE id = ANY (affected) ORDER BY id FOR NO KEY UPDATE;
     UPDATE products p SET min_variant_adjustment = m.min_adj
       FROM (SELECT a.id, (SELECT min(v.price_adjustment) FROM product_variants v
                            WHERE v.product_id = a.id AND v.is_active) AS min_adj
               FROM unnest(affected) AS a (id)) m
      WHERE p.id = m.id AND p.min_variant_adjustment IS DISTINCT FROM m.min_adj;
     RETURN NULL;
   END;
   $$ LANGUAGE plpgsql`,
  ...TRIGGERS.flatMap(({ event, transition }) => [
    `DROP TRIGGER IF EXISTS trg_variants_min_price_${event} ON product_variants`,
    `CREATE TRIGGER trg_variants_min_price_${event} AFTER ${event.toUpperCase()} ON product_variants
       ${transition} FOR EACH STATEMENT EXECUTE FUNCTION maintain_product_min_variant_adjustment()`,
  ]),
];

/** Products per backfill transaction: row locks are held for one batch, not for the whole table. */
const BACKFILL_BATCH = 2000;

/**
 * 0011 — the cheapest-variant price on products, for the storefront's price sorts.
 *
 * `transaction = false`: the column, function and triggers commit together first (adding a nullable
 * column without a default is a catalog change, not a rewrite; lock_timeout bounds the wait for the
 * brief exclusive lock). Then the backfill runs in batches, each locking its products before computing
 * (the same rule as the trigger, so a variant change committed meanwhile is never overwritten), and the
 * index is built CONCURRENTLY. Every step is idempotent: a run that failed half-way can be re-run.
 */
export class ProductPriceSort1000000000011 implements MigrationInterface {
  name = 'ProductPriceSort1000000000011';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await inOneTransaction(q, async () => {
        for (const sql of TRIGGER_SQL) await q.query(sql);
      });
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        let last: string | undefined;
        await inOneTransaction(q, async () => {
          const rows = (await q.query(
            `SELECT id FROM products WHERE id > $1 ORDER BY id LIMIT $2 FOR NO KEY UPDATE`,
            [after, BACKFILL_BATCH],
          )) as Array<{ id: string }>;
          last = rows.at(-1)?.id;
          if (last === undefined) return;
          await q.query(
            `UPDATE products p SET min_variant_adjustment = m.min_adj
               FROM (SELECT v.product_id, min(v.price_adjustment) AS min_adj FROM product_variants v
                      WHERE v.product_id = ANY ($1::uuid[]) AND v.is_active GROUP BY v.product_id) m
              WHERE p.id = m.product_id AND p.min_variant_adjustment IS DISTINCT FROM m.min_adj`,
            [rows.map((r) => r.id)],
          );
        });
        if (last === undefined) break;
        after = last;
      }
      await createIndexConcurrently(q, INDEX);
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, () =>
      withLockTimeout(q, async () => {
        await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${INDEX.name}`);
        await inOneTransaction(q, async () => {
          for (const { event } of TRIGGERS) {
            await q.query(`DROP TRIGGER IF EXISTS trg_variants_min_price_${event} ON product_variants`);
          }
          await q.query(`DROP FUNCTION IF EXISTS maintain_product_min_variant_adjustment()`);
          await q.query(`ALTER TABLE products DROP COLUMN IF EXISTS min_variant_adjustment`);
        });
      }),
    );
  }
}
