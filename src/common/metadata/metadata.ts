/**
 * Metadata: a flat map of short strings that integrators attach to products, variants, orders and
 * store customers (API.md, "Events, webhooks and metadata"). Stripe's rules: at most 50 keys of at most
 * 40 characters, string values of at most 500 characters; an update merges (sent keys are set, keys sent
 * as `null` are removed, keys not sent are kept).
 */
export const METADATA_LIMITS = { maxKeys: 50, maxKeyLength: 40, maxValueLength: 500 } as const;

/** What is stored and returned. */
export type Metadata = Record<string, string>;

/** What a request sends: `null` removes the key. */
export type MetadataPatch = Record<string, string | null>;

/** The error code of every breach, whatever the field. */
export const METADATA_INVALID = 'METADATA_INVALID';

/** Why `value` is not a valid metadata patch (a sentence to follow the field name), or null when it is one. */
export function metadataProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `must be an object of strings (got ${describe(value)})`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > METADATA_LIMITS.maxKeys) {
    return `may have at most ${METADATA_LIMITS.maxKeys} keys (got ${entries.length})`;
  }
  for (const [key, item] of entries) {
    if (key.length === 0 || key.length > METADATA_LIMITS.maxKeyLength) {
      return `key "${key.slice(0, 60)}${key.length > 60 ? '…' : ''}" must be 1-${METADATA_LIMITS.maxKeyLength} characters (got ${key.length})`;
    }
    if (item === null) continue;
    if (typeof item !== 'string') {
      return `"${key}" must be a string, or null to remove it (got ${describe(item)})`;
    }
    if (item.length > METADATA_LIMITS.maxValueLength) {
      return `"${key}" must be at most ${METADATA_LIMITS.maxValueLength} characters (got ${item.length})`;
    }
  }
  return null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A patch split into the keys it sets and the keys it removes (the two halves of the SQL merge). */
export function splitMetadataPatch(patch: MetadataPatch): { set: Metadata; removed: string[] } {
  const set: [string, string][] = [];
  const removed: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) removed.push(key);
    else set.push([key, value]);
  }
  // fromEntries defines properties (a "__proto__" key stays a key); assignment would not.
  return { set: Object.fromEntries(set), removed };
}

/** `current` with `patch` applied: sent keys set, null-valued keys removed, unsent keys kept. */
export function mergeMetadata(current: Metadata, patch: MetadataPatch): Metadata {
  const merged = new Map(Object.entries(current));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) merged.delete(key);
    else merged.set(key, value);
  }
  return Object.fromEntries(merged);
}

/**
 * The keys whose value differs, `{ key: { before, after } }` with `null` for an absent key: what the
 * audit row records of a metadata change (not the whole map, which may be 25 kB).
 */
export function metadataChanges(
  before: Metadata,
  after: Metadata,
): Record<string, { before: string | null; after: string | null }> {
  const changes = new Map<string, { before: string | null; after: string | null }>();
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = Object.hasOwn(before, key) ? before[key] : null;
    const now = Object.hasOwn(after, key) ? after[key] : null;
    if (was !== now) changes.set(key, { before: was, after: now });
  }
  return Object.fromEntries([...changes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
