import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  constraintExists,
  constraintValidated,
  inOneTransaction,
  outsideTransaction,
  withLockTimeout,
} from './support';

/**
 * 0019 — shipping zones and methods (src/shipping): `shipping_zones` (a store's destination countries,
 * ISO 3166-1 alpha-2 in a TEXT[], CHECKed for shape) and `shipping_methods` (flat, free_over or weight
 * rates of one zone; CHECKs tie freeOver to free_over and weightTiers to weight), and
 * `product_variants.weight_grams INTEGER NOT NULL DEFAULT 0` (CHECK >= 0).
 *
 * The new tables are empty: their indexes are built inline. Their foreign keys to stores take SHARE ROW
 * EXCLUSIVE on stores for the CREATE TABLE (milliseconds). The variant column has a constant default, a
 * catalog-only change since PostgreSQL 11 (nothing rewritten), so the ALTER holds ACCESS EXCLUSIVE on
 * product_variants for milliseconds, bounded by lock_timeout; its CHECK is added NOT VALID in that short
 * transaction and VALIDATEd in one of its own (a scan under SHARE UPDATE EXCLUSIVE: reads and writes go
 * on). `transaction = false`; every step is idempotent, so a stopped run can be re-run.
 */
export class Shipping1000000000019 implements MigrationInterface {
  name = 'Shipping1000000000019';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await inOneTransaction(q, async () => {
        await q.query(`
          CREATE TABLE IF NOT EXISTS shipping_zones (
            id UUID NOT NULL DEFAULT gen_random_uuid(),
            store_id UUID NOT NULL,
            name TEXT NOT NULL,
            countries TEXT[] NOT NULL,
            created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            CONSTRAINT shipping_zones_pkey PRIMARY KEY (id),
            CONSTRAINT fk_shipping_zones_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
            CONSTRAINT chk_shipping_zones_countries CHECK (
              cardinality(countries) > 0 AND array_to_string(countries, ',') ~ '^[A-Z]{2}(,[A-Z]{2})*$')
          )`);
        await q.query(`CREATE INDEX IF NOT EXISTS idx_shipping_zones_store ON shipping_zones (store_id)`);
        await q.query(`
          CREATE TABLE IF NOT EXISTS shipping_methods (
            id UUID NOT NULL DEFAULT gen_random_uuid(),
            store_id UUID NOT NULL,
            zone_id UUID NOT NULL,
            name TEXT NOT NULL,
            rate_type TEXT NOT NULL,
            amount DECIMAL(10, 2) NOT NULL,
            free_over DECIMAL(10, 2),
            weight_tiers JSONB,
            is_active BOOLEAN NOT NULL DEFAULT true,
            created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            CONSTRAINT shipping_methods_pkey PRIMARY KEY (id),
            CONSTRAINT fk_shipping_methods_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
            CONSTRAINT fk_shipping_methods_zone FOREIGN KEY (zone_id) REFERENCES shipping_zones (id) ON DELETE CASCADE,
            CONSTRAINT chk_shipping_methods_rate_type CHECK (rate_type IN ('flat', 'free_over', 'weight')),
            CONSTRAINT chk_shipping_methods_amount CHECK (amount >= 0),
            CONSTRAINT chk_shipping_methods_free_over CHECK (
              (rate_type = 'free_over') = (free_over IS NOT NULL) AND (free_over IS NULL OR free_over > 0)),
            CONSTRAINT chk_shipping_methods_weight_tiers CHECK (
              (rate_type = 'weight') = (weight_tiers IS NOT NULL)
              AND (weight_tiers IS NULL OR CASE WHEN jsonb_typeof(weight_tiers) = 'array'
                                                THEN jsonb_array_length(weight_tiers) > 0 ELSE false END))
          )`);
        await q.query(`CREATE INDEX IF NOT EXISTS idx_shipping_methods_store ON shipping_methods (store_id)`);
        await q.query(`CREATE INDEX IF NOT EXISTS idx_shipping_methods_zone ON shipping_methods (zone_id)`);
        // updated_at kept by the database, like every other table that has one (0001's function).
        for (const table of ['shipping_zones', 'shipping_methods']) {
          await q.query(`DROP TRIGGER IF EXISTS trg_${table}_updated_at ON ${table}`);
          await q.query(
            `CREATE TRIGGER trg_${table}_updated_at BEFORE UPDATE ON ${table}
               FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()`,
          );
        }
      });
      await inOneTransaction(q, async () => {
        await q.query(
          `ALTER TABLE product_variants ADD COLUMN IF NOT EXISTS weight_grams INTEGER NOT NULL DEFAULT 0`,
        );
        if (!(await constraintExists(q, 'product_variants', 'chk_product_variants_weight'))) {
          await q.query(
            `ALTER TABLE product_variants ADD CONSTRAINT chk_product_variants_weight CHECK (weight_grams >= 0) NOT VALID`,
          );
        }
      });
      if (!(await constraintValidated(q, 'product_variants', 'chk_product_variants_weight'))) {
        await q.query(`ALTER TABLE product_variants VALIDATE CONSTRAINT chk_product_variants_weight`);
      }
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, () =>
      withLockTimeout(q, async () => {
        // Dropping the column drops its CHECK; a short ACCESS EXCLUSIVE lock on product_variants.
        await q.query(`ALTER TABLE product_variants DROP COLUMN IF EXISTS weight_grams`);
        await q.query(`DROP TABLE IF EXISTS shipping_methods`);
        await q.query(`DROP TABLE IF EXISTS shipping_zones`);
      }),
    );
  }
}
