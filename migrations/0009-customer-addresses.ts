import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  constraintExists,
  constraintValidated,
  createIndexConcurrently,
  outsideTransaction,
  withLockTimeout,
} from './support';

const ONE_DEFAULT_INDEX = {
  name: 'uq_addresses_one_default',
  definition: 'ON addresses (user_id) WHERE is_default',
  unique: true,
};
const COUNTRY_CHECK = 'chk_addresses_country';

/**
 * 0009 — address rules the database enforces: at most one default address per user (a partial unique
 * index; the app keeps it at exactly one while the user has addresses) and `country` as two upper-case
 * letters (ISO 3166-1 alpha-2).
 *
 * Existing data is repaired first: a user with several defaults keeps the newest one; countries that
 * only differ by case or surrounding spaces ("us ") are upper-cased. Any other country value (e.g.
 * "USA") cannot be guessed, so the migration refuses and lists the rows before changing anything.
 * The index is built CONCURRENTLY and the CHECK is added NOT VALID then validated, so writes go on
 * meanwhile (hence `transaction = false`); every step is idempotent, so a stopped run can be repeated.
 * `down` drops both; the repaired data stays repaired.
 */
export class CustomerAddresses1000000000009 implements MigrationInterface {
  name = 'CustomerAddresses1000000000009';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    const unfixable = (await q.query(
      `SELECT id::text AS id, country FROM addresses
        WHERE upper(btrim(country)) !~ '^[A-Z]{2}$' ORDER BY id LIMIT 20`,
    )) as Array<{ id: string; country: string }>;
    if (unfixable.length > 0) {
      throw new Error(
        [
          'Migration 0009 (customer addresses) refused: some addresses have a country that is not a 2-letter code.',
          ...unfixable.map((r) => `  - address ${r.id}: country ${JSON.stringify(r.country)}`),
          'Set these to ISO 3166-1 alpha-2 codes (e.g. "US"), then run the migrations again.',
        ].join('\n'),
      );
    }

    await withLockTimeout(q, async () => {
      // One statement each, so each repair is atomic on its own.
      await q.query(`UPDATE addresses SET country = upper(btrim(country)) WHERE country !~ '^[A-Z]{2}$'`);
      await q.query(
        `UPDATE addresses a SET is_default = FALSE
          WHERE a.is_default
            AND EXISTS (SELECT 1 FROM addresses b
                         WHERE b.user_id = a.user_id AND b.is_default
                           AND (b.created_at, b.id) > (a.created_at, a.id))`,
      );
      await createIndexConcurrently(q, ONE_DEFAULT_INDEX);

      if (!(await constraintExists(q, 'addresses', COUNTRY_CHECK))) {
        await q.query(
          `ALTER TABLE addresses ADD CONSTRAINT ${COUNTRY_CHECK} CHECK (country ~ '^[A-Z]{2}$') NOT VALID`,
        );
      }
      if (!(await constraintValidated(q, 'addresses', COUNTRY_CHECK))) {
        await q.query(`ALTER TABLE addresses VALIDATE CONSTRAINT ${COUNTRY_CHECK}`);
      }
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, () => this.revert(q));
  }

  private async revert(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`ALTER TABLE addresses DROP CONSTRAINT IF EXISTS ${COUNTRY_CHECK}`);
      await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${ONE_DEFAULT_INDEX.name}`);
    });
  }
}
