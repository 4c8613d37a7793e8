import { EntityManager } from 'typeorm';
import {
  Metadata,
  METADATA_LIMITS,
  MetadataPatch,
  mergeMetadata,
  metadataChanges,
  splitMetadataPatch,
} from './metadata';
import { metadataInvalid } from './metadata.validator';

/** The tables with a `metadata` column (migration 0013). A closed list: the name goes into the SQL. */
export type MetadataTable = 'products' | 'product_variants' | 'orders' | 'store_customers';

export interface MetadataUpdate {
  before: Metadata;
  after: Metadata;
  /** `{ key: { before, after } }` of the keys that changed (empty: nothing was written). */
  changes: ReturnType<typeof metadataChanges>;
}

/**
 * Applies a patch to one row's metadata inside the caller's transaction; null when no row has `id`.
 *
 * The merge is done by the UPDATE itself, `(metadata || set) - removed`, with the key limit in its
 * WHERE: under READ COMMITTED a concurrent writer's change is re-read before the new value is computed,
 * so two patches of different keys both survive and the limit holds after both, whatever the caller
 * read earlier. The row is locked first (FOR NO KEY UPDATE, as the UPDATE would) so that `before`, and
 * so the audit's changes, are exactly what this UPDATE replaced. Over the limit → 400 METADATA_INVALID,
 * and the caller's transaction rolls back with everything else it wrote.
 */
export async function applyMetadataPatch(
  tx: EntityManager,
  table: MetadataTable,
  id: string,
  patch: MetadataPatch,
): Promise<MetadataUpdate | null> {
  const locked = await tx.query<Array<{ metadata: Metadata }>>(
    `SELECT metadata FROM ${table} WHERE id = $1 FOR NO KEY UPDATE`,
    [id],
  );
  if (locked.length === 0) return null;
  const before = locked[0].metadata;
  const expected = mergeMetadata(before, patch);
  if (Object.keys(metadataChanges(before, expected)).length === 0)
    return { before, after: before, changes: {} };

  const { set, removed } = splitMetadataPatch(patch);
  // An UPDATE answers [rows, affected] through TypeORM's query().
  const [rows] = await tx.query<[Array<{ metadata: Metadata }>, number]>(
    `UPDATE ${table}
        SET metadata = (metadata || $2::jsonb) - $3::text[], updated_at = now()
      WHERE id = $1
        AND (SELECT count(*) FROM jsonb_object_keys((metadata || $2::jsonb) - $3::text[])) <= $4
      RETURNING metadata`,
    [id, JSON.stringify(set), removed, METADATA_LIMITS.maxKeys],
  );
  if (rows.length === 0) {
    throw metadataInvalid(
      'metadata',
      `may have at most ${METADATA_LIMITS.maxKeys} keys after the merge (this change would make ${Object.keys(expected).length})`,
    );
  }
  const after = rows[0].metadata;
  return { before, after, changes: metadataChanges(before, after) };
}
