import { Query } from 'pg';

/** A prepared statement already parsed on the connection, with the values to bind it to. */
export interface ParsedStatement {
  name: string;
  values: readonly string[];
}

/** What pg's Query uses of the connection and of itself, which its typings leave out. */
interface WireConnection {
  parsedStatements: Record<string, string | undefined>;
  bind(config: { statement: string; values: readonly string[] }): void;
  execute(config: { portal: string }): void;
}

interface QueryInternals {
  rows?: number;
  requiresPreparation(): boolean;
  prepare(connection: WireConnection): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: WireConnection): void;
}

const BaseQuery = Query as unknown as new (
  config: unknown,
  values?: unknown,
  callback?: (error: Error | null, result: unknown) => void,
) => QueryInternals;

/**
 * A query of the extended protocol sent behind another statement in the same message, under the same
 * Sync: Bind + Execute of `first` (no Describe: its row is dropped here), then the query's own Parse (if
 * needed), Bind, Describe, Execute and Sync. One round trip for both, and one implicit transaction: if
 * either fails, neither took effect, and the query never runs without the statement before it.
 */
class QueryBehind extends BaseQuery {
  private firstPending = true;

  constructor(
    private readonly first: ParsedStatement,
    config: unknown,
    values: unknown,
    callback: (error: Error | null, result: unknown) => void,
  ) {
    super(config, values, callback);
  }

  prepare(connection: WireConnection): void {
    connection.bind({ statement: this.first.name, values: this.first.values });
    connection.execute({ portal: '' });
    super.prepare(connection);
  }

  handleDataRow(message: unknown): void {
    if (!this.firstPending) super.handleDataRow(message);
  }

  handleCommandComplete(message: unknown, connection: WireConnection): void {
    if (this.firstPending) {
      this.firstPending = false;
      return;
    }
    super.handleCommandComplete(message, connection);
  }
}

/**
 * `config`/`values` as a query sent behind `first` in one round trip, when both allow it: the query
 * goes through the extended protocol anyway (a named statement, or values to bind) and reads its rows
 * at once (no `rows` portal), and `first` is parsed on this connection already. Otherwise undefined.
 */
export function queryBehind(
  connection: unknown,
  first: ParsedStatement,
  config: unknown,
  values: unknown,
  callback: (error: Error | null, result: unknown) => void,
): QueryInternals | undefined {
  if (config === null || (typeof config !== 'object' && typeof config !== 'string')) return undefined;
  if (typeof (config as { submit?: unknown }).submit === 'function') return undefined;
  if ((connection as WireConnection).parsedStatements[first.name] === undefined) return undefined;
  const query = new QueryBehind(first, config, values, callback);
  if (!query.requiresPreparation() || query.rows) return undefined;
  return query;
}
