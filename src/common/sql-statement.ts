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
