import { Logger } from '@nestjs/common';
import { Pool, PoolClient, QueryResultRow } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { PreparedSqlStatement, SqlStatement } from '../common/sql-statement';
import { assertBeforeCommit, coalesceWrites, heldConnection } from './pipelining';

/**
 * Runs `sql` as the named prepared statement `name` on TypeORM's own pg pool: each pooled connection
 * parses and plans it once, and the call skips TypeORM's query runner and query builder. For the few
 * statements every request of a hot route runs (the token's profile, the storefront pages). A name must
 * always come with the same text (pg refuses otherwise). runStatement on the pool: logged and wrapped as
 * TypeORM does, so query logging, statement counting in tests and the database-error mapping behave as
 * for any other statement. Not for use inside a transaction: it takes whichever pooled connection is free.
 *
 * With DATABASE_PREPARED_STATEMENTS=false (setPreparedStatements) the same statement goes unnamed:
 * behind PgBouncer in transaction mode a named statement is prepared on one server connection and
 * looked for on another ("prepared statement … does not exist"). TypeORM's own statements are always
 * unnamed.
 */
export function queryPrepared<T extends QueryResultRow>(
  dataSource: DataSource,
  name: string,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const statement: PreparedSqlStatement = { name, text: sql, values: params };
  // The DataSource's own manager has no query runner: runStatement takes the pool. Not async: an
  // async wrapper around a promise costs a promise and three microtask turns on every catalog read.
  return queryStatement<T>(dataSource.manager, statement);
}

const unnamed = new WeakSet<DataSource>();

/** DATABASE_PREPARED_STATEMENTS for one DataSource (the app's and each read replica's). */
export function setPreparedStatements(dataSource: DataSource, on: boolean): void {
  if (on) unnamed.delete(dataSource);
  else unnamed.add(dataSource);
}

/** invalid_sql_statement_name, duplicate_prepared_statement: what a transaction-mode pooler does to named statements. */
const LOST_STATEMENT_CODES = new Set(['26000', '42P05']);

function explainLostStatement(error: unknown): void {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !LOST_STATEMENT_CODES.has(code)) return;
  new Logger('Database').error(
    `A named prepared statement was lost or duplicated on the server (${code}): behind PgBouncer in ` +
      'transaction mode set DATABASE_PREPARED_STATEMENTS=false (docs/operations.md, "Database tier")',
  );
}

/** The rows a statement returned and how many rows it touched (UPDATE and DELETE report the latter). */
export interface StatementResult<T> {
  rows: T[];
  rowCount: number;
}

/**
 * Runs a module's statement (a `*-sql.ts` builder's) in `manager`: on its transaction's connection when
 * it has one, else on the pool. A statement with a name goes prepared under it, so that PostgreSQL plans
 * it once per connection: for the short statements of the cart and checkout, planning (the row-level
 * security policies included) cost several times their execution. Logged and wrapped in
 * QueryFailedError as TypeORM does, so retries, error mapping and statement counts see no difference.
 */
export async function runStatement<T extends QueryResultRow>(
  manager: EntityManager,
  statement: SqlStatement,
): Promise<StatementResult<T>> {
  const dataSource = manager.connection;
  const runner = manager.queryRunner;
  // A transaction's connection is held already: used at once, so that the statement is sent when the
  // caller calls (statements started together go out in the order they were started; pipelining.ts).
  const live = runner !== undefined && !runner.isReleased ? runner : undefined;
  if (live) assertBeforeCommit(live);
  const held = live ? heldConnection(live) : undefined;
  const db: Pool | PoolClient =
    held ??
    (live
      ? ((await live.connect()) as PoolClient)
      : (dataSource.driver as unknown as { master: Pool }).master);
  if (held) coalesceWrites(held);
  const { text, values } = statement;
  const name = (statement as Partial<PreparedSqlStatement>).name;
  dataSource.logger.logQuery(text, values, runner);
  try {
    const query = name === undefined || unnamed.has(dataSource) ? { text, values } : { name, text, values };
    const result = await db.query<T>(query);
    return { rows: result.rows, rowCount: result.rowCount ?? 0 };
  } catch (error) {
    dataSource.logger.logQueryError(error instanceof Error ? error : String(error), text, values, runner);
    explainLostStatement(error);
    throw new QueryFailedError(text, values, error as Error);
  }
}

/** runStatement's rows. */
export async function queryStatement<T extends QueryResultRow>(
  manager: EntityManager,
  statement: SqlStatement,
): Promise<T[]> {
  return (await runStatement<T>(manager, statement)).rows;
}
