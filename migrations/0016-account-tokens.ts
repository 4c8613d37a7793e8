import { MigrationInterface, QueryRunner } from 'typeorm';
import { withLockTimeout } from './support';

/**
 * 0016 — account recovery and verification (src/auth, docs/accounts.md): `account_tokens`, one row per
 * single-use token mailed to a user (email verification, email change with the new address, password
 * reset), stored as its SHA-256 only, with an expiry and `used_at`; and `profiles.deleted_at`, set when
 * an account is closed (anonymised, its orders kept).
 *
 * The new table's indexes are built inline while it is empty. The foreign key to profiles and the new
 * nullable column (no default: a catalogue change, no rewrite) each take a brief lock on `profiles`
 * (milliseconds), bounded by lock_timeout.
 */
export class AccountTokens1000000000016 implements MigrationInterface {
  name = 'AccountTokens1000000000016';

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`
        CREATE TABLE account_tokens (
          id UUID NOT NULL DEFAULT gen_random_uuid(),
          user_id UUID NOT NULL,
          purpose TEXT NOT NULL,
          token_hash TEXT NOT NULL,
          new_email TEXT,
          expires_at TIMESTAMPTZ NOT NULL,
          used_at TIMESTAMPTZ,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          CONSTRAINT account_tokens_pkey PRIMARY KEY (id),
          CONSTRAINT fk_account_tokens_user FOREIGN KEY (user_id) REFERENCES profiles (id) ON DELETE CASCADE,
          CONSTRAINT chk_account_tokens_purpose
            CHECK (purpose IN ('email_verification', 'email_change', 'password_reset')),
          CONSTRAINT chk_account_tokens_new_email CHECK ((purpose = 'email_change') = (new_email IS NOT NULL))
        )`);
      await q.query(`CREATE UNIQUE INDEX uq_account_tokens_token_hash ON account_tokens (token_hash)`);
      await q.query(`CREATE INDEX idx_account_tokens_user ON account_tokens (user_id)`);
      await q.query(`ALTER TABLE profiles ADD COLUMN deleted_at TIMESTAMPTZ`);
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`ALTER TABLE profiles DROP COLUMN IF EXISTS deleted_at`);
      await q.query(`DROP TABLE IF EXISTS account_tokens`);
    });
  }
}
