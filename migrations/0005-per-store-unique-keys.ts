import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  findViolations,
  KEY_DUPLICATE_CHECKS,
  refusalMessage,
} from '../src/database/integrity/integrity-checks';
import {
  ConcurrentIndex,
  createIndexConcurrently,
  sqlQuery,
  withLockTimeout,
  outsideTransaction,
} from './support';

const INDEXES: ConcurrentIndex[] = [
  { name: 'uq_product_variants_store_sku', definition: 'ON product_variants (store_id, sku)', unique: true },
  { name: 'uq_discounts_store_code_lower', definition: 'ON discounts (store_id, lower(code))', unique: true },
  { name: 'uq_profiles_email_lower', definition: 'ON profiles (lower(email))', unique: true },
];

/** The legacy global, case-sensitive keys the indexes above replace. */
const LEGACY_UNIQUES = [
  { table: 'product_variants', name: 'product_variants_sku_key', column: 'sku' },
  { table: 'discounts', name: 'discounts_code_key', column: 'code' },
  { table: 'profiles', name: 'profiles_email_key', column: 'email' },
];

/**
 * 0005 — uniqueness where the business needs it: SKUs and discount codes per store (codes
 * case-insensitively), emails case-insensitively. The new unique indexes are built CONCURRENTLY before
 * the old global constraints are dropped, so there is never a moment without a key.
 */
export class PerStoreUniqueKeys1000000000005 implements MigrationInterface {
  name = 'PerStoreUniqueKeys1000000000005';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    const duplicates = await findViolations(sqlQuery(q), KEY_DUPLICATE_CHECKS);
    if (duplicates.length > 0) {
      throw new Error(refusalMessage('Migration 0005 (per-store unique keys)', duplicates));
    }
    await withLockTimeout(q, async () => {
      for (const index of INDEXES) await createIndexConcurrently(q, index);
      for (const legacy of LEGACY_UNIQUES) {
        await q.query(`ALTER TABLE ${legacy.table} DROP CONSTRAINT IF EXISTS ${legacy.name}`);
      }
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, () => this.revert(q));
  }

  private async revert(q: QueryRunner): Promise<void> {
    // Rolling back fails (and changes nothing) if two stores now share a SKU or code: rename first.
    await withLockTimeout(q, async () => {
      for (const legacy of LEGACY_UNIQUES) {
        const exists = (await q.query(`SELECT 1 FROM pg_constraint WHERE conname = $1`, [
          legacy.name,
        ])) as unknown[];
        if (exists.length > 0) continue;
        await createIndexConcurrently(q, {
          name: legacy.name,
          definition: `ON ${legacy.table} (${legacy.column})`,
          unique: true,
        });
        await q.query(
          `ALTER TABLE ${legacy.table} ADD CONSTRAINT ${legacy.name} UNIQUE USING INDEX ${legacy.name}`,
        );
      }
      for (const index of [...INDEXES].reverse()) {
        await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${index.name}`);
      }
    });
  }
}
