import { EntityManager } from 'typeorm';

/**
 * Locks the owner rows of a store (in profile id order, so concurrent callers queue instead of
 * deadlocking) and returns their profile ids. Every change that can take an owner away takes these
 * locks first: of two owners removing each other at once, the second waits, then sees one owner left.
 * A row deleted or demoted meanwhile drops out of the result (READ COMMITTED re-checks locked rows).
 */
export async function lockOwners(tx: EntityManager, storeId: string): Promise<string[]> {
  const rows = await tx.query<Array<{ profile_id: string }>>(
    `SELECT profile_id FROM store_memberships WHERE store_id = $1 AND role = 'owner'
      ORDER BY profile_id FOR UPDATE`,
    [storeId],
  );
  return rows.map((r) => r.profile_id);
}
