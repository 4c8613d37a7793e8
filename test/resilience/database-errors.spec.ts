/** Which errors mean "the database is down or hung" (503 DATABASE_UNAVAILABLE), and which do not. */
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { mapDatabaseError, mapUnavailableDatabase } from '../../src/common/database-errors';
import { loadAppConfig } from '../../src/config/app-config';
import { buildDataSourceOptions } from '../../src/database/data-source-options';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });
const pgError = (message: string, code: string): DatabaseError =>
  Object.assign(new DatabaseError(message, message.length, 'error'), { code });
const failedQuery = (driverError: Error): QueryFailedError =>
  new QueryFailedError('SELECT 1', [], driverError);

describe('mapUnavailableDatabase', () => {
  it.each<[string, unknown]>([
    [
      'connection refused (pool checkout: the raw socket error)',
      withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'),
    ],
    ['every address refused (AggregateError)', new AggregateError([withCode('refused', 'ECONNREFUSED')], '')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a broken pipe inside a query', failedQuery(withCode('write EPIPE', 'EPIPE'))],
    ['an unresolvable host', withCode('getaddrinfo ENOTFOUND db', 'ENOTFOUND')],
    [
      'the database system is shutting down (57P03)',
      pgError('the database system is shutting down', '57P03'),
    ],
    [
      'admin shutdown (57P01), wrapped',
      failedQuery(pgError('terminating connection due to administrator command', '57P01')),
    ],
    [
      'crash shutdown (57P02)',
      pgError('terminating connection because of crash of another server process', '57P02'),
    ],
    ['the database system is starting up (57P03)', pgError('the database system is starting up', '57P03')],
    ['a connection exception (class 08)', pgError('connection failure', '08006')],
    ['too many connections (53300)', pgError('sorry, too many clients already', '53300')],
    [
      'idle-in-transaction timeout (25P03)',
      pgError('terminating connection due to idle-in-transaction timeout', '25P03'),
    ],
    [
      'connection terminated unexpectedly (no code)',
      failedQuery(new Error('Connection terminated unexpectedly')),
    ],
    [
      'a client that is not queryable',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['a cause chain', new Error('outer', { cause: withCode('refused', 'ECONNREFUSED') })],
    [
      'a transaction whose connection broke (TypeORM released its query runner)',
      Object.assign(
        new Error(
          'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
        ),
        { name: 'QueryRunnerProviderAlreadyReleasedError' },
      ),
    ],
  ])('%s → 503 DATABASE_UNAVAILABLE', (_what, error) => {
    expect(mapUnavailableDatabase(error)).toEqual({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'The database is unavailable; retry later',
    });
    expect(mapDatabaseError(error)?.code).toBe('DATABASE_UNAVAILABLE');
  });

  it.each<[string, unknown]>([
    [
      'statement_timeout (57014)',
      failedQuery(pgError('canceling statement due to statement timeout', '57014')),
    ],
    ['the pool timing out a checkout', new Error('timeout exceeded when trying to connect')],
    ['a connection that timed out', new Error('Connection terminated due to connection timeout')],
    ['the client-side query_timeout', failedQuery(new Error('Query read timeout'))],
  ])('%s → 503 DATABASE_UNAVAILABLE saying it timed out', (_what, error) => {
    expect(mapUnavailableDatabase(error)).toEqual({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'The database timed out; retry later',
    });
  });

  it.each<[string, unknown]>([
    ['a unique violation', failedQuery(pgError('duplicate key', '23505'))],
    ['a syntax error (a bug)', failedQuery(pgError('syntax error', '42601'))],
    ['a plain bug', new TypeError('x is undefined')],
    [
      'an error whose message merely mentions a timeout but has a code',
      withCode('Query read timeout', 'ERR_X'),
    ],
    ['not an error', 'ECONNREFUSED'],
    [
      'a self-referencing cause',
      (() => {
        const e = new Error('loop') as Error & { cause?: unknown };
        e.cause = e;
        return e;
      })(),
    ],
  ])('%s → not an outage', (_what, error) => {
    expect(mapUnavailableDatabase(error)).toBeUndefined();
  });

  it('a unique violation keeps its own mapping', () => {
    expect(mapDatabaseError(failedQuery(pgError('duplicate key', '23505')))?.code).toBe('UNIQUE_VIOLATION');
  });
});

describe('DATABASE_* timeouts', () => {
  const base = { DATABASE_URL: 'postgres://u:p@db:5432/x', JWT_SECRET: 'x'.repeat(32) };

  it('defaults: 15 s statements, 20 s client bound, 5 s to connect, 30 s idle in a transaction', () => {
    expect(loadAppConfig(base).database).toEqual({
      statementTimeoutMs: 15_000,
      queryTimeoutMs: 20_000,
      connectTimeoutMs: 5_000,
      idleInTransactionTimeoutMs: 30_000,
    });
  });

  it('reads each variable', () => {
    const config = loadAppConfig({
      ...base,
      DATABASE_STATEMENT_TIMEOUT_MS: '1000',
      DATABASE_QUERY_TIMEOUT_MS: '1500',
      DATABASE_CONNECT_TIMEOUT_MS: '700',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '2000',
    });
    expect(config.database).toEqual({
      statementTimeoutMs: 1000,
      queryTimeoutMs: 1500,
      connectTimeoutMs: 700,
      idleInTransactionTimeoutMs: 2000,
    });
  });

  it.each([
    [{ DATABASE_STATEMENT_TIMEOUT_MS: 'soon' }, 'DATABASE_STATEMENT_TIMEOUT_MS must be an integer >= 100'],
    [{ DATABASE_CONNECT_TIMEOUT_MS: '0' }, 'DATABASE_CONNECT_TIMEOUT_MS must be an integer >= 100'],
    [{ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '-5' }, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS must be'],
    [
      { DATABASE_STATEMENT_TIMEOUT_MS: '30000' },
      'DATABASE_QUERY_TIMEOUT_MS must be at least DATABASE_STATEMENT_TIMEOUT_MS (30000; got 20000)',
    ],
  ])('%j is refused with one line naming it', (env, message) => {
    expect(() => loadAppConfig({ ...base, ...env })).toThrow(message);
  });

  it('only the app’s DataSource gets the statement timeouts; migrations keep the connect timeout only', () => {
    const config = loadAppConfig(base);
    const app = buildDataSourceOptions(base.DATABASE_URL, { timeouts: config.database });
    expect(app.extra).toEqual({
      connectionTimeoutMillis: 5000,
      statement_timeout: 15_000,
      // The client's bound is the watchdog's (query-deadlines.ts), not a timer per query.
      idle_in_transaction_session_timeout: 30_000,
      pipeline: true,
    });
    const migrations = buildDataSourceOptions(base.DATABASE_URL, { poolSize: 4 });
    expect(migrations.extra).toEqual({ connectionTimeoutMillis: 5000, pipeline: true });
  });
});
