import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  constraintExists,
  constraintValidated,
  inOneTransaction,
  outsideTransaction,
  withLockTimeout,
} from './support';

/**
 * 0020 — tax by destination (src/tax): `tax_rates` (a store's rate per country, optional region and
 * tax class; unique on `(store_id, country, COALESCE(region, ''), tax_class)` so two country-wide rows
 * of a class collide), `products.tax_class` (default 'standard', CHECK in the three classes),
 * `stores.prices_include_tax` and `stores.tax_shipping` (both default false).
 *
 * The new table is empty: its indexes are built inline. Its foreign key to stores takes SHARE ROW
 * EXCLUSIVE on stores for the CREATE TABLE (milliseconds). The columns have constant defaults, a
 * catalog-only change since PostgreSQL 11 (nothing rewritten), so each ALTER holds its ACCESS EXCLUSIVE
 * lock for milliseconds, bounded by lock_timeout. The products CHECK is added NOT VALID in that short
 * transaction and VALIDATEd in one of its own (a scan under SHARE UPDATE EXCLUSIVE: reads and writes go
 * on). `transaction = false`; every step is idempotent, so a stopped run can be re-run.
 */
export class Tax1000000000020 implements MigrationInterface {
  name = 'Tax1000000000020';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await inOneTransaction(q, async () => {
        await q.query(`
          CREATE TABLE IF NOT EXISTS tax_rates (
            id UUID NOT NULL DEFAULT gen_random_uuid(),
            store_id UUID NOT NULL,
            country CHAR(2) NOT NULL,
            region TEXT,
            tax_class TEXT NOT NULL,
            rate NUMERIC(5, 2) NOT NULL,
            created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            CONSTRAINT tax_rates_pkey PRIMARY KEY (id),
            CONSTRAINT fk_tax_rates_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
            CONSTRAINT chk_tax_rates_country CHECK (country ~ '^[A-Z]{2}$'),
            CONSTRAINT chk_tax_rates_region CHECK (region IS NULL OR (region <> '' AND region = upper(btrim(region)))),
            CONSTRAINT chk_tax_rates_class CHECK (tax_class IN ('standard', 'reduced', 'zero')),
            CONSTRAINT chk_tax_rates_rate CHECK (rate >= 0 AND rate <= 100 AND (tax_class <> 'zero' OR rate = 0))
          )`);
        // Also the lookup of TaxService.ratesFor (store_id, country, then region).
        await q.query(
          `CREATE UNIQUE INDEX IF NOT EXISTS uq_tax_rates_destination
             ON tax_rates (store_id, country, COALESCE(region, ''), tax_class)`,
        );
        await q.query(`DROP TRIGGER IF EXISTS trg_tax_rates_updated_at ON tax_rates`);
        await q.query(
          `CREATE TRIGGER trg_tax_rates_updated_at BEFORE UPDATE ON tax_rates
             FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()`,
        );
      });
      await inOneTransaction(q, async () => {
        await q.query(
          `ALTER TABLE stores
             ADD COLUMN IF NOT EXISTS prices_include_tax BOOLEAN NOT NULL DEFAULT false,
             ADD COLUMN IF NOT EXISTS tax_shipping BOOLEAN NOT NULL DEFAULT false`,
        );
      });
      await inOneTransaction(q, async () => {
        await q.query(
          `ALTER TABLE products ADD COLUMN IF NOT EXISTS tax_class TEXT NOT NULL DEFAULT 'standard'`,
        );
        if (!(await constraintExists(q, 'products', 'chk_products_tax_class'))) {
          await q.query(
            `ALTER TABLE products ADD CONSTRAINT chk_products_tax_class
               CHECK (tax_class IN ('standard', 'reduced', 'zero')) NOT VALID`,
          );
        }
      });
      if (!(await constraintValidated(q, 'products', 'chk_products_tax_class'))) {
        await q.query(`ALTER TABLE products VALIDATE CONSTRAINT chk_products_tax_class`);
      }
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, () =>
      withLockTimeout(q, async () => {
        // Dropping a column drops its CHECK with it; one short ACCESS EXCLUSIVE lock per table.
        await q.query(
          `ALTER TABLE products DROP CONSTRAINT IF EXISTS chk_products_tax_class, DROP COLUMN IF EXISTS tax_class`,
        );
        await q.query(
          `ALTER TABLE stores DROP COLUMN IF EXISTS tax_shipping, DROP COLUMN IF EXISTS prices_include_tax`,
        );
        await q.query(`DROP TABLE IF EXISTS tax_rates`);
      }),
    );
  }
}
