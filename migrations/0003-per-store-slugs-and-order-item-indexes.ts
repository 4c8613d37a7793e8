import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  findViolations,
  refusalMessage,
  SLUG_DUPLICATE_CHECKS,
} from '../src/database/integrity/integrity-checks';
import {
  ConcurrentIndex,
  createIndexConcurrently,
  sqlQuery,
  withLockTimeout,
  outsideTransaction,
} from './support';

const INDEXES: ConcurrentIndex[] = [
  { name: 'uq_categories_store_slug', definition: 'ON categories (store_id, slug)', unique: true },
  { name: 'uq_tags_store_slug', definition: 'ON tags (store_id, slug)', unique: true },
  { name: 'uq_products_store_slug', definition: 'ON products (store_id, slug)', unique: true },
  // Also serves lookups by order_id alone (leading column).
  { name: 'idx_order_items_order_product', definition: 'ON order_items (order_id, product_id)' },
  { name: 'idx_order_items_variant', definition: 'ON order_items (variant_id)' },
];

/**
 * 0003 — unique slugs per store and the order_items indexes (seed task 1.3).
 *
 * Every index is built CONCURRENTLY (reads and writes go on during the build) with lock_timeout set,
 * so the migration never queues traffic behind it; hence `transaction = false`. Refuses up front when
 * duplicate slugs exist, instead of failing half-way and leaving an invalid index.
 */
export class PerStoreSlugsAndOrderItemIndexes1000000000003 implements MigrationInterface {
  name = 'PerStoreSlugsAndOrderItemIndexes1000000000003';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    const duplicates = await findViolations(sqlQuery(q), SLUG_DUPLICATE_CHECKS);
    if (duplicates.length > 0) {
      throw new Error(refusalMessage('Migration 0003 (unique slugs per store)', duplicates));
    }
    await withLockTimeout(q, async () => {
      for (const index of INDEXES) await createIndexConcurrently(q, index);
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, () => this.revert(q));
  }

  private async revert(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      for (const index of [...INDEXES].reverse()) {
        await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${index.name}`);
      }
    });
  }
}
