import { MigrationInterface, QueryRunner } from 'typeorm';
import { findViolations, ORPHAN_CHECKS, refusalMessage } from '../src/database/integrity/integrity-checks';
import {
  constraintExists,
  constraintValidated,
  inBriefLockTransaction,
  sqlQuery,
  withLockTimeout,
  outsideTransaction,
} from './support';

interface ForeignKey {
  table: string;
  name: string;
  column: string;
  references: string;
  onDelete: 'CASCADE' | 'RESTRICT';
}

const FOREIGN_KEYS: ForeignKey[] = [
  {
    table: 'categories',
    name: 'fk_categories_store',
    column: 'store_id',
    references: 'stores',
    onDelete: 'CASCADE',
  },
  { table: 'tags', name: 'fk_tags_store', column: 'store_id', references: 'stores', onDelete: 'CASCADE' },
  {
    table: 'products',
    name: 'fk_products_store',
    column: 'store_id',
    references: 'stores',
    onDelete: 'CASCADE',
  },
  {
    table: 'product_variants',
    name: 'fk_product_variants_store',
    column: 'store_id',
    references: 'stores',
    onDelete: 'CASCADE',
  },
  {
    table: 'product_variants',
    name: 'fk_product_variants_product',
    column: 'product_id',
    references: 'products',
    onDelete: 'CASCADE',
  },
  {
    table: 'order_items',
    name: 'fk_order_items_order',
    column: 'order_id',
    references: 'orders',
    onDelete: 'CASCADE',
  },
  {
    table: 'order_items',
    name: 'fk_order_items_product',
    column: 'product_id',
    references: 'products',
    onDelete: 'RESTRICT',
  },
  {
    table: 'order_items',
    name: 'fk_order_items_variant',
    column: 'variant_id',
    references: 'product_variants',
    onDelete: 'RESTRICT',
  },
];

/**
 * 0002 — foreign keys for the store-scoped catalog and order lines (seed task 1.2).
 *
 * Refuses to start while orphan rows exist (same checks as `npm run db:verify`). Each key is added
 * NOT VALID (a brief lock; new writes are checked from then on) and validated afterwards in its own
 * statement, which scans the table without blocking reads or writes. Runs outside a transaction so
 * those locks are released statement by statement; every step is idempotent, so a run that stopped
 * half-way can simply be repeated.
 *
 * Under live writes (docs/migrations.md, "The legacy upgrade under live traffic"): ADD FOREIGN KEY
 * takes SHARE ROW EXCLUSIVE on the table and then on its parent, one after the other; a writer that
 * holds the parent (an order) and inserts into the child (its lines) waited for it with the migration
 * waiting for the writer: a deadlock, found only after deadlock_timeout (1 s). So each key is one
 * brief transaction that first takes both locks in one LOCK TABLE, parent first (the order writers
 * take them in), with a short lock_timeout, and is retried on timeout or deadlock.
 */
export class StoreForeignKeys1000000000002 implements MigrationInterface {
  name = 'StoreForeignKeys1000000000002';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    const violations = await findViolations(sqlQuery(q), ORPHAN_CHECKS);
    if (violations.length > 0) {
      throw new Error(refusalMessage('Migration 0002 (store foreign keys)', violations));
    }
    for (const fk of FOREIGN_KEYS) {
      if (await constraintExists(q, fk.table, fk.name)) continue;
      await inBriefLockTransaction(q, async () => {
        await q.query(`LOCK TABLE ${fk.references}, ${fk.table} IN SHARE ROW EXCLUSIVE MODE`);
        await q.query(
          `ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} FOREIGN KEY (${fk.column})
           REFERENCES ${fk.references} (id) ON DELETE ${fk.onDelete} NOT VALID`,
        );
      });
    }
    // SHARE UPDATE EXCLUSIVE on the table, ROW SHARE on the parent: reads and writes go on.
    await withLockTimeout(q, async () => {
      for (const fk of FOREIGN_KEYS) {
        if (await constraintValidated(q, fk.table, fk.name)) continue;
        await q.query(`ALTER TABLE ${fk.table} VALIDATE CONSTRAINT ${fk.name}`);
      }
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, () => this.revert(q));
  }

  private async revert(q: QueryRunner): Promise<void> {
    // Dropping a key drops its triggers on both tables: both locks up front, as in up.
    for (const fk of [...FOREIGN_KEYS].reverse()) {
      if (!(await constraintExists(q, fk.table, fk.name))) continue;
      await inBriefLockTransaction(q, async () => {
        await q.query(`LOCK TABLE ${fk.references}, ${fk.table} IN ACCESS EXCLUSIVE MODE`);
        await q.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT IF EXISTS ${fk.name}`);
      });
    }
  }
}
