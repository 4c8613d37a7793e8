import { DataSource, QueryFailedError } from 'typeorm';
import { pgErrorCode } from '../../src/common/database-errors';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { allInOrder } from '../../src/database/pipelining';
import { queryStatement, runStatement } from '../../src/database/prepared-query';
import { commitWith, inTransaction } from '../../src/database/transactions';
import { createTestDatabase, TestDatabase } from '../support/database';

const insert = (id: number, v: number) => ({
  text: `INSERT INTO committed_with (id, v) VALUES ($1, $2)`,
  values: [id, v],
});

/**
 * commitWith (src/database/transactions.ts) on real PostgreSQL: the COMMIT leaves right behind the
 * transaction's last statements, before their answers; a failure among them rolls everything back
 * (PostgreSQL turns the COMMIT into a ROLLBACK) and is the error; nothing can be sent after it.
 */
describe('commitWith: the COMMIT sent behind the last statements', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ ...buildDataSourceOptions(db.url, { poolSize: 1 }), migrations: [] });
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE committed_with (id int PRIMARY KEY, v int NOT NULL CHECK (v > 0))`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  beforeEach(async () => {
    await dataSource.query(`TRUNCATE committed_with`);
  });

  const rows = async (): Promise<number[]> =>
    (await dataSource.query<Array<{ id: number }>>(`SELECT id FROM committed_with ORDER BY id`)).map(
      (r) => r.id,
    );

  it('sends the COMMIT before the last statement has answered, and commits', async () => {
    const sent: Array<{ text: string; at: number }> = [];
    let sleptAt = 0;
    await inTransaction(dataSource, async (tx) => {
      await runStatement(tx, insert(1, 1));
      const client = (
        tx.queryRunner as unknown as { databaseConnection: { query: (...a: unknown[]) => unknown } }
      ).databaseConnection;
      const query = client.query;
      client.query = function (this: unknown, ...args: unknown[]) {
        const first = args[0] as string | { text: string };
        sent.push({ text: typeof first === 'string' ? first : first.text, at: performance.now() });
        return query.apply(this, args);
      };
      try {
        await commitWith(
          tx,
          allInOrder([
            runStatement(tx, insert(2, 1)),
            queryStatement(tx, { text: `SELECT pg_sleep(0.3)`, values: [] }).then(() => {
              sleptAt = performance.now();
            }),
          ]),
        );
      } finally {
        client.query = query;
      }
    });
    const commit = sent.find((s) => s.text === 'COMMIT');
    expect(commit).toBeDefined();
    // Written while the sleep was still running on the server, not after its answer.
    expect(commit!.at).toBeLessThan(sleptAt - 200);
    expect(await rows()).toEqual([1, 2]);
  });

  it('a failing last statement is the error, and nothing of the transaction is committed', async () => {
    const failure = await inTransaction(dataSource, async (tx) => {
      await runStatement(tx, insert(1, 1));
      await commitWith(tx, allInOrder([runStatement(tx, insert(2, 1)), runStatement(tx, insert(3, -1))]));
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(pgErrorCode(failure)).toBe('23514');
    expect(await rows()).toEqual([]);
    // The one pooled connection is idle again, not left in an aborted transaction.
    await inTransaction(dataSource, async (tx) => {
      await commitWith(tx, runStatement(tx, insert(4, 1)));
    });
    expect(await rows()).toEqual([4]);
  });

  it('refuses a statement started after the COMMIT was sent, which then never runs', async () => {
    const late = await inTransaction(dataSource, async (tx) => {
      const committed = commitWith(tx, runStatement(tx, insert(1, 1)));
      const after = runStatement(tx, insert(2, 1));
      await committed;
      return after.then(
        () => 'ran',
        (error: Error) => error.message,
      );
    });
    expect(late).toMatch(/after its transaction’s COMMIT/);
    expect(await rows()).toEqual([1]);
  });

  it('outside a transaction it throws, and leaves no rejection unhandled', async () => {
    const failed = dataSource.query(`SELECT 1/0`);
    await expect(commitWith(dataSource.manager, failed)).rejects.toThrow(/not in a transaction/);
  });

  it('a serialization failure at the last statements retries the whole unit, as inTransaction does', async () => {
    let attempts = 0;
    await inTransaction(dataSource, async (tx) => {
      attempts++;
      await runStatement(tx, insert(10 + attempts, 1));
      const last =
        attempts === 1
          ? runStatement(tx, {
              text: `DO $$ BEGIN RAISE EXCEPTION 'lost' USING ERRCODE = 'serialization_failure'; END $$`,
              values: [],
            })
          : runStatement(tx, insert(20, 1));
      await commitWith(tx, last);
    });
    expect(attempts).toBe(2);
    expect(await rows()).toEqual([12, 20]);
  });
});
