import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 0006 — what our own authentication needs: password hashes on profiles (null for accounts imported
 * from the legacy auth provider), rotating refresh tokens, invitation tokens stored hashed, and
 * idempotency keys for checkout.
 */
export class AuthTables1000000000006 implements MigrationInterface {
  name = 'AuthTables1000000000006';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE profiles ADD COLUMN password_hash TEXT`);

    // Invitation tokens were stored in clear; keep outstanding ones valid by hashing them in place.
    await q.query(`ALTER TABLE admin_invitations RENAME COLUMN token TO token_hash`);
    await q.query(
      `UPDATE admin_invitations SET token_hash = encode(sha256(convert_to(token_hash, 'UTF8')), 'hex')`,
    );
    await q.query(`ALTER INDEX uq_admin_invitations_token RENAME TO uq_admin_invitations_token_hash`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        user_id UUID NOT NULL,
        family UUID NOT NULL,
        token_hash TEXT NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        used_at TIMESTAMPTZ,
        revoked_at TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id),
        CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES profiles (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_refresh_tokens_token_hash ON refresh_tokens (token_hash)`);
    await q.query(`CREATE INDEX idx_refresh_tokens_family ON refresh_tokens (family)`);
    await q.query(`CREATE INDEX idx_refresh_tokens_user ON refresh_tokens (user_id)`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        user_id UUID NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        response_status INTEGER,
        response_body JSONB,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        completed_at TIMESTAMPTZ,
        CONSTRAINT idempotency_keys_pkey PRIMARY KEY (id),
        CONSTRAINT fk_idempotency_keys_user FOREIGN KEY (user_id) REFERENCES profiles (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_idempotency_keys_user_key ON idempotency_keys (user_id, key)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`ALTER INDEX uq_admin_invitations_token_hash RENAME TO uq_admin_invitations_token`);
    await q.query(`ALTER TABLE admin_invitations RENAME COLUMN token_hash TO token`);
    // A hash cannot be turned back into its token: outstanding invitations end here.
    await q.query(`UPDATE admin_invitations SET expires_at = LEAST(expires_at, NOW()) WHERE used_at IS NULL`);
    await q.query(`ALTER TABLE profiles DROP COLUMN password_hash`);
  }
}
