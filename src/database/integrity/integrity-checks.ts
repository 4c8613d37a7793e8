/**
 * Integrity checks of the store-scoped schema (seed task 1.1), shared by `npm run db:verify`
 * (scripts/verify-integrity.ts) and the migrations that need clean data before they can add
 * constraints (0002 foreign keys, 0003 and 0005 unique keys).
 *
 * Everything here is plain SQL over a minimal query function, so it works with a TypeORM QueryRunner
 * inside a migration and with a bare `pg` client in the script.
 */

/** Runs one SQL statement and returns its rows. */
export type SqlQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/** A column that must point at an existing parent row. */
export interface OrphanCheck {
  kind: 'orphan';
  table: string;
  column: string;
  parentTable: string;
}

/** A key that must be unique (per store) before a unique index can be built on it. */
export interface DuplicateCheck {
  kind: 'duplicate';
  table: string;
  /** What the report shows as the column, e.g. `(store_id, slug)`. */
  column: string;
  /** SQL expressions forming the key, e.g. `['store_id', 'lower(code)']`. */
  key: string[];
  /** The index that needs the key unique, for the message. */
  index: string;
}

export type IntegrityCheck = OrphanCheck | DuplicateCheck;

/** Rows whose parent is missing: the foreign keys of migration 0002 cannot be validated over them. */
export const ORPHAN_CHECKS: OrphanCheck[] = [
  { kind: 'orphan', table: 'categories', column: 'store_id', parentTable: 'stores' },
  { kind: 'orphan', table: 'tags', column: 'store_id', parentTable: 'stores' },
  { kind: 'orphan', table: 'products', column: 'store_id', parentTable: 'stores' },
  { kind: 'orphan', table: 'product_variants', column: 'store_id', parentTable: 'stores' },
  { kind: 'orphan', table: 'product_variants', column: 'product_id', parentTable: 'products' },
  { kind: 'orphan', table: 'order_items', column: 'order_id', parentTable: 'orders' },
  { kind: 'orphan', table: 'order_items', column: 'product_id', parentTable: 'products' },
  { kind: 'orphan', table: 'order_items', column: 'variant_id', parentTable: 'product_variants' },
];

/** Keys that migrations 0003 (slugs) and 0005 (SKUs, codes, emails) make unique. */
export const SLUG_DUPLICATE_CHECKS: DuplicateCheck[] = ['categories', 'tags', 'products'].map((table) => ({
  kind: 'duplicate',
  table,
  column: '(store_id, slug)',
  key: ['store_id', 'slug'],
  index: `uq_${table}_store_slug`,
}));

export const KEY_DUPLICATE_CHECKS: DuplicateCheck[] = [
  {
    kind: 'duplicate',
    table: 'product_variants',
    column: '(store_id, sku)',
    key: ['store_id', 'sku'],
    index: 'uq_product_variants_store_sku',
  },
  {
    kind: 'duplicate',
    table: 'discounts',
    column: '(store_id, lower(code))',
    key: ['store_id', 'lower(code)'],
    index: 'uq_discounts_store_code_lower',
  },
  {
    kind: 'duplicate',
    table: 'profiles',
    column: 'lower(email)',
    key: ['lower(email)'],
    index: 'uq_profiles_email_lower',
  },
];

export const ALL_CHECKS: IntegrityCheck[] = [
  ...ORPHAN_CHECKS,
  ...SLUG_DUPLICATE_CHECKS,
  ...KEY_DUPLICATE_CHECKS,
];

export interface Violation {
  kind: IntegrityCheck['kind'];
  table: string;
  column: string;
  /** Parent table (orphans) or the index that needs the key unique (duplicates). */
  target: string;
  violations: number;
  /** Up to `sampleSize` ids of offending rows. */
  sampleIds: string[];
}

/** SQL condition over the row alias `alias`, so it can be nested at any depth. */
type RowPredicate = (alias: string) => string;

function orphanPredicate(check: OrphanCheck): RowPredicate {
  return (alias) => `${alias}.${check.column} IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM ${check.parentTable} ${alias}_parent WHERE ${alias}_parent.id = ${alias}.${check.column})`;
}

async function tableExists(query: SqlQuery, table: string): Promise<boolean> {
  const rows = await query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS "exists"`, [
    `public.${table}`,
  ]);
  return rows[0]?.exists === true;
}

async function runOrphanCheck(query: SqlQuery, check: OrphanCheck, sampleSize: number): Promise<Violation> {
  const [count] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${check.table} t WHERE ${orphanPredicate(check)('t')}`,
  );
  const samples = await query<{ id: string }>(
    `SELECT t.id::text AS id FROM ${check.table} t WHERE ${orphanPredicate(check)('t')} ORDER BY t.id LIMIT $1`,
    [sampleSize],
  );
  return {
    kind: 'orphan',
    table: check.table,
    column: check.column,
    target: check.parentTable,
    violations: count?.n ?? 0,
    sampleIds: samples.map((s) => s.id),
  };
}

async function runDuplicateCheck(
  query: SqlQuery,
  check: DuplicateCheck,
  sampleSize: number,
): Promise<Violation> {
  const key = check.key.join(', ');
  // Rows beyond the first of each duplicate group: the rows to rename before the index can be built.
  const rows = await query<{ n: number; ids: string[] | null }>(
    `WITH ranked AS (
       SELECT id, row_number() OVER (PARTITION BY ${key} ORDER BY created_at, id) AS rn FROM ${check.table}
     )
     SELECT count(*)::int AS n, (array_agg(id::text ORDER BY id))[1:$1] AS ids FROM ranked WHERE rn > 1`,
    [sampleSize],
  );
  return {
    kind: 'duplicate',
    table: check.table,
    column: check.column,
    target: check.index,
    violations: rows[0]?.n ?? 0,
    sampleIds: rows[0]?.ids ?? [],
  };
}

/** Runs the checks (all by default) and returns one entry per check, violations or not. */
export async function runChecks(
  query: SqlQuery,
  checks: IntegrityCheck[] = ALL_CHECKS,
  sampleSize = 5,
): Promise<Violation[]> {
  const results: Violation[] = [];
  for (const check of checks) {
    if (!(await tableExists(query, check.table))) continue;
    results.push(
      check.kind === 'orphan'
        ? await runOrphanCheck(query, check, sampleSize)
        : await runDuplicateCheck(query, check, sampleSize),
    );
  }
  return results;
}

/** Only the checks that found something. */
export async function findViolations(
  query: SqlQuery,
  checks: IntegrityCheck[] = ALL_CHECKS,
  sampleSize = 5,
): Promise<Violation[]> {
  return (await runChecks(query, checks, sampleSize)).filter((v) => v.violations > 0);
}

/** A fixed-width table: table | column | references | violations | sample ids. */
export function formatViolationTable(results: Violation[]): string {
  const header = ['table', 'column', 'problem', 'violations', 'sample ids'];
  const rows = results.map((r) => [
    r.table,
    r.column,
    r.kind === 'orphan' ? `no parent row in ${r.target}` : `duplicate (blocks ${r.target})`,
    String(r.violations),
    r.sampleIds.join(', '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)].join('\n');
}

/**
 * The message a migration stops with when the data is not clean: each violation, and the commands
 * that list and fix them.
 */
export function refusalMessage(migration: string, violations: Violation[]): string {
  const lines = violations.map(
    (v) =>
      `  - ${v.table}.${v.column}: ${v.violations} ${
        v.kind === 'orphan'
          ? `row(s) pointing at a missing ${v.target}`
          : `duplicate row(s) (blocks ${v.target})`
      } (e.g. ${v.sampleIds.join(', ')})`,
  );
  const hasOrphans = violations.some((v) => v.kind === 'orphan');
  const hasDuplicates = violations.some((v) => v.kind === 'duplicate');
  return [
    `${migration} refused: the data violates the constraints it adds.`,
    ...lines,
    'List them with `npm run db:verify`.',
    ...(hasOrphans
      ? ['Move orphan rows aside (copied to the quarantine schema) with `npm run db:verify -- --quarantine`.']
      : []),
    ...(hasDuplicates
      ? ['Rename or merge the duplicate rows listed above (they are never moved automatically).']
      : []),
    'Then run the migrations again. See docs/migrations.md.',
  ].join('\n');
}

export interface QuarantineSummary {
  /** Rows moved per table, including rows that a delete would have cascaded to. */
  moved: Record<string, number>;
  total: number;
  passes: number;
}

interface CascadeChild {
  child_table: string;
  child_column: string;
  parent_column: string;
}

const QUARANTINE_DDL = [
  `CREATE SCHEMA IF NOT EXISTS quarantine`,
  `CREATE TABLE IF NOT EXISTS quarantine.orphans (
     id BIGSERIAL PRIMARY KEY,
     source_table TEXT NOT NULL,
     source_id TEXT,
     kind TEXT NOT NULL CHECK (kind IN ('orphan', 'cascade')),
     reason TEXT NOT NULL,
     row_data JSONB NOT NULL,
     quarantined_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
   )`,
  `CREATE INDEX IF NOT EXISTS idx_quarantine_orphans_source ON quarantine.orphans (source_table, source_id)`,
];

/**
 * Copies the rows of `table` matching `where` into quarantine.orphans, after first copying every row
 * that their deletion would cascade to (found from the live foreign keys), so that the delete that
 * follows loses nothing.
 */
async function copyWithCascade(
  query: SqlQuery,
  table: string,
  where: RowPredicate,
  kind: 'orphan' | 'cascade',
  reason: string,
  moved: Record<string, number>,
  depth = 0,
): Promise<void> {
  if (depth > 6) throw new Error(`Quarantine: cascade chain from ${table} is deeper than expected`);
  const children = await query<CascadeChild>(
    `SELECT c.conrelid::regclass::text AS child_table, ca.attname AS child_column, pa.attname AS parent_column
       FROM pg_constraint c
       JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = c.conkey[1]
       JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND c.confdeltype = 'c' AND c.confrelid = $1::regclass
        AND array_length(c.conkey, 1) = 1`,
    [`public.${table}`],
  );
  for (const child of children) {
    if (child.child_table === table) continue;
    await copyWithCascade(
      query,
      child.child_table,
      (alias) => {
        const p = `q${depth}`;
        return `${alias}.${child.child_column} IN (SELECT ${p}.${child.parent_column} FROM ${table} ${p} WHERE ${where(p)})`;
      },
      'cascade',
      `deleted with ${table}: ${reason}`,
      moved,
      depth + 1,
    );
  }
  const inserted = await query<{ n: number }>(
    `WITH copied AS (
       INSERT INTO quarantine.orphans (source_table, source_id, kind, reason, row_data)
       SELECT $1, to_jsonb(t)->>'id', $2, $3, to_jsonb(t) FROM ${table} t WHERE ${where('t')}
       RETURNING 1
     ) SELECT count(*)::int AS n FROM copied`,
    [table, kind, reason],
  );
  const n = inserted[0]?.n ?? 0;
  if (n > 0) moved[table] = (moved[table] ?? 0) + n;
}

/**
 * Moves every orphan row into `quarantine.orphans` (with the reason and time) and deletes it from its
 * table. Removing an orphan can orphan its own children (a product's variants), so this repeats until
 * no orphan is left. The caller runs it in one transaction: all of it happens, or none.
 */
export async function quarantineOrphans(query: SqlQuery): Promise<QuarantineSummary> {
  for (const ddl of QUARANTINE_DDL) await query(ddl);
  const moved: Record<string, number> = {};
  let passes = 0;
  for (; passes < 10; passes++) {
    const violations = await findViolations(query, ORPHAN_CHECKS, 1);
    if (violations.length === 0) break;
    for (const check of ORPHAN_CHECKS) {
      if (!violations.some((v) => v.table === check.table && v.column === check.column)) continue;
      const where = orphanPredicate(check);
      const reason = `${check.table}.${check.column} points at a missing ${check.parentTable} row`;
      await copyWithCascade(query, check.table, where, 'orphan', reason, moved);
      await query(`DELETE FROM ${check.table} t WHERE ${where('t')}`);
    }
  }
  if ((await findViolations(query, ORPHAN_CHECKS, 1)).length > 0) {
    throw new Error('Quarantine did not converge after 10 passes; nothing was changed.');
  }
  return { moved, total: Object.values(moved).reduce((a, b) => a + b, 0), passes };
}
