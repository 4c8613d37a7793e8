import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  constraintExists,
  constraintValidated,
  inOneTransaction,
  outsideTransaction,
  withLockTimeout,
} from './support';

/** The tables that get `metadata`; each CHECK is named `chk_<table>_metadata` (MetadataColumn). */
const TABLES = ['products', 'product_variants', 'orders', 'store_customers'] as const;

/**
 * 0013 — `metadata JSONB NOT NULL DEFAULT '{}'` on products, product_variants, orders and
 * store_customers (src/common/metadata), and a CHECK that it is a JSON object.
 *
 * Adding a column with a constant default is a catalog-only change since PostgreSQL 11: the default is
 * stored once in pg_attribute and existing rows read it, nothing is rewritten, so the ACCESS EXCLUSIVE
 * lock lasts milliseconds (bounded by lock_timeout). The CHECK is added NOT VALID in the same short
 * transaction (no scan under that lock) and VALIDATEd in a transaction of its own, which scans under
 * SHARE UPDATE EXCLUSIVE only (reads and writes go on). One table per transaction, so a busy table never
 * holds another's lock. `transaction = false`; every step is idempotent, so a stopped run can be re-run.
 * The 50-key limit is not in the CHECK: the merging UPDATE enforces it (src/common/metadata/metadata.sql.ts).
 */
export class Metadata1000000000013 implements MigrationInterface {
  name = 'Metadata1000000000013';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      for (const table of TABLES) {
        const check = `chk_${table}_metadata`;
        await inOneTransaction(q, async () => {
          await q.query(
            `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS metadata JSONB NOT NULL DEFAULT '{}'::jsonb`,
          );
          if (!(await constraintExists(q, table, check))) {
            await q.query(
              `ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (jsonb_typeof(metadata) = 'object') NOT VALID`,
            );
          }
        });
        if (!(await constraintValidated(q, table, check))) {
          await q.query(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${check}`);
        }
      }
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, () =>
      withLockTimeout(q, async () => {
        // Dropping the column drops its CHECK with it; one short ACCESS EXCLUSIVE lock per table.
        for (const table of [...TABLES].reverse()) {
          await q.query(
            `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS chk_${table}_metadata, DROP COLUMN IF EXISTS metadata`,
          );
        }
      }),
    );
  }
}
