import { MigrationInterface, QueryRunner } from 'typeorm';
import { withLockTimeout } from './support';

/** Stores per INSERT … SELECT of the backfill: bounds each statement however many stores and admins there are. */
const BACKFILL_STORES_PER_BATCH = 500;

/**
 * 0022 — store staff (src/staff): `store_memberships` (admin × store × role) and `store_invitations`
 * (which store and role an outstanding admin invitation is for). Then every existing `admin` becomes
 * `owner` of every existing store, so nothing that worked before stops working (API.md, "Store staff").
 *
 * New tables only; their indexes are built inline while empty. The foreign keys take SHARE ROW
 * EXCLUSIVE on stores, profiles and admin_invitations for the CREATE TABLE (milliseconds; writes to them
 * wait that long, reads continue), bounded by lock_timeout. The backfill walks the stores by id in
 * batches (keyset), idempotent (ON CONFLICT DO NOTHING), so a re-run or a large platform is safe.
 */
export class StoreStaff1000000000022 implements MigrationInterface {
  name = 'StoreStaff1000000000022';

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`
        CREATE TABLE store_memberships (
          store_id UUID NOT NULL,
          profile_id UUID NOT NULL,
          role TEXT NOT NULL,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          CONSTRAINT store_memberships_pkey PRIMARY KEY (store_id, profile_id),
          CONSTRAINT fk_store_memberships_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
          CONSTRAINT fk_store_memberships_profile FOREIGN KEY (profile_id) REFERENCES profiles (id) ON DELETE CASCADE,
          CONSTRAINT chk_store_memberships_role CHECK (role IN ('owner', 'manager', 'staff'))
        )`);
      // "Which stores is this admin in": every admin request asks it.
      await q.query(`CREATE INDEX idx_store_memberships_profile ON store_memberships (profile_id)`);
      await q.query(`
        CREATE TABLE store_invitations (
          invitation_id UUID NOT NULL,
          store_id UUID NOT NULL,
          role TEXT NOT NULL,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          CONSTRAINT store_invitations_pkey PRIMARY KEY (invitation_id),
          CONSTRAINT fk_store_invitations_invitation FOREIGN KEY (invitation_id) REFERENCES admin_invitations (id) ON DELETE CASCADE,
          CONSTRAINT fk_store_invitations_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
          CONSTRAINT chk_store_invitations_role CHECK (role IN ('owner', 'manager', 'staff'))
        )`);
      await q.query(`CREATE INDEX idx_store_invitations_store ON store_invitations (store_id)`);

      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = (await q.query(
          `WITH batch AS (
             SELECT id FROM stores WHERE id > $1 ORDER BY id LIMIT ${BACKFILL_STORES_PER_BATCH}
           ), inserted AS (
             INSERT INTO store_memberships (store_id, profile_id, role)
             SELECT b.id, p.id, 'owner' FROM batch b CROSS JOIN profiles p WHERE p.role = 'admin'
             ON CONFLICT DO NOTHING
           )
           SELECT max(id::text) AS last FROM batch`,
          [after],
        )) as Array<{ last: string | null }>;
        if (!rows[0]?.last) break;
        after = rows[0].last;
      }
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`DROP TABLE IF EXISTS store_invitations`);
      await q.query(`DROP TABLE IF EXISTS store_memberships`);
    });
  }
}
