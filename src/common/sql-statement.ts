/**
 * One SQL statement as a module's statement builder returns it: the text and its parameters, and a
 * name when it is run as a prepared statement (queryPrepared). The services run these, and so does the
 * checkout benchmark's bare-pg ceiling (scripts/bench-checkout.ts), so that the two issue the same SQL.
 */
export interface SqlStatement {
  readonly text: string;
  readonly values: unknown[];
}

/** A statement every request of a hot route runs: prepared once per connection under `name`. */
export interface PreparedSqlStatement extends SqlStatement {
  readonly name: string;
}

/** Lists up to this long are written out parameter by parameter (idListCondition); longer ones as one array. */
export const WRITTEN_OUT_LIST_MAX = 8;

/**
 * A multi-row statement (`rows` rows in its text) prepared under `${name}_${rows}` when it has the usual
 * few rows, so that PostgreSQL plans each size once per connection; a longer one goes unnamed rather
 * than leave a statement per length behind on every connection.
 */
export function preparedForRowCount(
  name: string,
  rows: number,
  statement: SqlStatement,
): SqlStatement | PreparedSqlStatement {
  return rows <= WRITTEN_OUT_LIST_MAX ? { ...statement, name: `${name}_${rows}` } : statement;
}

/**
 * `column` is one of `ids`, as a condition whose text depends only on how many there are: `= $n` for
 * one, `IN ($n, …)` for a few, `= ANY($n::uuid[])` for more (or none), and a name suffix saying which.
 * With the count in the text, a prepared statement's generic plan expects that many rows and PostgreSQL
 * keeps it. Under `= ANY($n)` the generic plan assumes ten elements, dearer than planning for the one
 * variant of an add to cart, so PostgreSQL planned every execution anew (0.8 ms of planning, the
 * row-level security policies included, for a 0.04 ms lookup).
 */
export function idListCondition(
  column: string,
  ids: readonly string[],
  firstParam: number,
): { condition: string; values: unknown[]; nameSuffix: string } {
  if (ids.length === 1)
    return { condition: `${column} = $${firstParam}::uuid`, values: [ids[0]], nameSuffix: '1' };
  if (ids.length > 1 && ids.length <= WRITTEN_OUT_LIST_MAX) {
    const params = ids.map((_, i) => `$${firstParam + i}::uuid`).join(', ');
    return { condition: `${column} IN (${params})`, values: [...ids], nameSuffix: String(ids.length) };
  }
  return { condition: `${column} = ANY($${firstParam}::uuid[])`, values: [ids], nameSuffix: 'many' };
}
