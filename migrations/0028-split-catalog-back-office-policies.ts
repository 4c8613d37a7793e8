import { MigrationInterface, QueryRunner } from 'typeorm';
import { inBriefLockTransaction, outsideTransaction } from './support';

/** The tables whose public read admits active rows beside the back office's FOR ALL (0023's catalog() and discounts). */
const TABLES = ['categories', 'products', 'product_variants', 'shipping_methods', 'discounts'] as const;

const VISIBLE = 'app_store_visible(store_id)';

/**
 * The back office's writes, one policy per command, instead of 0023's `FOR ALL`. The `ALL` policy also
 * applied to SELECT, where it added nothing (`is_active OR visible` already admits every visible
 * row) but its inlined CASE: each scan of these tables carried the same expression twice, and the
 * executor builds a prepared statement's expressions again on every run — about 30 µs of PostgreSQL
 * CPU per product page as the app's role against 166 µs as the owner (docs/benchmarks.md, 2026-12-03).
 * What each command may touch is unchanged: INSERT checks `visible`; UPDATE and DELETE reach only
 * visible rows (UPDATE's new row checked too), and the rows they read are filtered by the public read
 * as before (PostgreSQL applies the SELECT policies to the rows an UPDATE or DELETE reads).
 */
function writePolicies(table: string): Array<{ name: string; sql: string }> {
  const policy = (command: 'INSERT' | 'UPDATE' | 'DELETE', clauses: string) => {
    const name = `${table}_back_office_${command.toLowerCase()}`;
    return { name, sql: `CREATE POLICY ${name} ON ${table} FOR ${command} TO PUBLIC ${clauses}` };
  };
  return [
    policy('INSERT', `WITH CHECK (${VISIBLE})`),
    policy('UPDATE', `USING (${VISIBLE}) WITH CHECK (${VISIBLE})`),
    policy('DELETE', `USING (${VISIBLE})`),
  ];
}

/**
 * 0028 — the catalog tables' back-office policy split by command. Each table in a brief transaction of
 * its own (its ACCESS EXCLUSIVE lock taken first with a short lock_timeout and retried, as in 0023):
 * the old policy dropped and the three new ones created together, so a table never lacks the
 * back office's writes. Idempotent: an interrupted run is finished by running it again.
 */
export class SplitCatalogBackOfficePolicies1000000000028 implements MigrationInterface {
  name = 'SplitCatalogBackOfficePolicies1000000000028';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, async () => {
      for (const table of TABLES) {
        await inBriefLockTransaction(q, async () => {
          await q.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
          await q.query(`DROP POLICY IF EXISTS ${table}_back_office ON ${table}`);
          for (const { name, sql } of writePolicies(table)) {
            await q.query(`DROP POLICY IF EXISTS ${name} ON ${table}`);
            await q.query(sql);
          }
        });
      }
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, async () => {
      for (const table of TABLES) {
        await inBriefLockTransaction(q, async () => {
          await q.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
          for (const { name } of writePolicies(table))
            await q.query(`DROP POLICY IF EXISTS ${name} ON ${table}`);
          await q.query(`DROP POLICY IF EXISTS ${table}_back_office ON ${table}`);
          await q.query(
            `CREATE POLICY ${table}_back_office ON ${table} FOR ALL TO PUBLIC USING (${VISIBLE}) WITH CHECK (${VISIBLE})`,
          );
        });
      }
    });
  }
}
