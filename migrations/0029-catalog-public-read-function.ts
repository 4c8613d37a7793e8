import { MigrationInterface, QueryRunner } from 'typeorm';
import { inBriefLockTransaction, outsideTransaction } from './support';

/**
 * The same answer as app_store_visible(store) (0027), in PL/pgSQL so that the planner cannot inline
 * it: a policy calling it carries one function call instead of the CASE over two current_setting()s.
 * The executor builds a prepared statement's expressions again on every run, so each scan of a table
 * paid for building that CASE although `is_active` answers the public read first and it never runs
 * for an active row: about 25 µs of PostgreSQL CPU per product page as the app's role (docs/
 * benchmarks.md, 2026-12-03). It runs only for the rows that are not active, for the back office.
 * pg_catalog is searched first whatever the search_path: current_setting cannot be another function.
 */
const FUNCTION = `CREATE OR REPLACE FUNCTION app_sees_inactive(store uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  RETURN CASE COALESCE(NULLIF(current_setting('app.role', true), ''), 'anonymous')
           WHEN 'system' THEN true
           WHEN 'super_admin' THEN true
           WHEN 'admin' THEN store = ANY (COALESCE(NULLIF(current_setting('app.store_ids', true), ''), '{}')::uuid[])
           ELSE false
         END;
END $$`;

/** The public reads that admit a row when it is active or in the context's back office. */
const PUBLIC_READS = [
  { table: 'stores', store: 'id' },
  { table: 'categories', store: 'store_id' },
  { table: 'products', store: 'store_id' },
  { table: 'product_variants', store: 'store_id' },
  { table: 'shipping_methods', store: 'store_id' },
  { table: 'discounts', store: 'store_id' },
] as const;

/**
 * 0029 — the storefront tables' public read policies call app_sees_inactive() instead of the inlined
 * app_store_visible(). Who reads what is unchanged. Each table in a brief transaction of its own
 * (ALTER POLICY takes its ACCESS EXCLUSIVE lock; `lock_timeout` 500 ms, retried as in 0028); the
 * function is created first, so a policy never names a missing one. Idempotent.
 */
export class CatalogPublicReadFunction1000000000029 implements MigrationInterface {
  name = 'CatalogPublicReadFunction1000000000029';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, async () => {
      await inBriefLockTransaction(q, async () => {
        await q.query(FUNCTION);
      });
      for (const { table, store } of PUBLIC_READS) {
        await this.readPolicy(q, table, `is_active OR app_sees_inactive(${store})`);
      }
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, async () => {
      for (const { table, store } of PUBLIC_READS) {
        await this.readPolicy(q, table, `is_active OR app_store_visible(${store})`);
      }
      await inBriefLockTransaction(q, async () => {
        await q.query('DROP FUNCTION IF EXISTS app_sees_inactive(uuid)');
      });
    });
  }

  private async readPolicy(q: QueryRunner, table: string, using: string): Promise<void> {
    await inBriefLockTransaction(q, async () => {
      await q.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      await q.query(`ALTER POLICY ${table}_public_read ON ${table} USING (${using})`);
    });
  }
}
