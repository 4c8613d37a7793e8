import { DataSource, QueryFailedError } from 'typeorm';
import { mapDatabaseError } from '../../src/common/database-errors';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import {
  deadlineTickMs,
  installQueryDeadlines,
  QUERY_READ_TIMEOUT_MESSAGE,
} from '../../src/database/query-deadlines';
import { createTestDatabase, TestDatabase } from '../support/database';

const TIMEOUT_MS = 400;
/** The watchdog gives a query up between the bound and the bound plus two ticks; slack for a busy machine. */
const LATEST_MS = TIMEOUT_MS + 2 * deadlineTickMs(TIMEOUT_MS) + 600;

/** How long `work` took to fail, and its error. */
async function failure(work: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await work;
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
  throw new Error('expected the query to fail');
}

function expectReadTimeout(error: unknown): void {
  expect(error).toBeInstanceOf(QueryFailedError);
  expect((error as Error).message).toContain(QUERY_READ_TIMEOUT_MESSAGE);
  expect(mapDatabaseError(error)?.code).toBe('DATABASE_UNAVAILABLE');
}

/**
 * DATABASE_QUERY_TIMEOUT_MS as the watchdog keeps it, on real PostgreSQL: a statement the server does
 * not answer in time (pg_sleep with no statement timeout, as a frozen server would) fails on the
 * client within the bound and a tick, whether it was running or queued behind one that was; statements
 * that answer in time are never touched, and the pool goes on serving.
 */
describe('query deadlines (DATABASE_QUERY_TIMEOUT_MS)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ ...buildDataSourceOptions(db.url, { poolSize: 4 }), migrations: [] });
    await dataSource.initialize();
    installQueryDeadlines(dataSource, TIMEOUT_MS);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('a statement the server does not answer in time fails within the bound and a tick', async () => {
    const { error, ms } = await failure(dataSource.query('SELECT pg_sleep(3)'));
    expectReadTimeout(error);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(ms).toBeLessThan(LATEST_MS);
    // The pool serves the next statement at once.
    await expect(dataSource.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('a statement sent behind a stuck one on the same connection (pipelined) fails too, and so does the stuck one', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const stuck = failure(runner.query('SELECT pg_sleep(3)'));
      const queued = failure(runner.query('SELECT 2 AS two'));
      const [first, second] = await Promise.all([stuck, queued]);
      expectReadTimeout(first.error);
      expectReadTimeout(second.error);
      expect(first.ms).toBeLessThan(LATEST_MS);
      expect(second.ms).toBeLessThan(LATEST_MS);
    } finally {
      await runner.release();
    }
  });

  it('statements that answer in time are never failed, however many run across ticks', async () => {
    // 0.25 s each (several ticks, under the bound), four connections: 40 statements take ~2.5 s, and
    // every one of them is seen running by the watchdog more than once before it ends.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => dataSource.query('SELECT $1::int AS i, pg_sleep(0.25)', [i])),
    );
    expect(results.map((rows: Array<{ i: number }>) => rows[0].i)).toEqual(
      Array.from({ length: 40 }, (_, i) => i),
    );
  });
});
