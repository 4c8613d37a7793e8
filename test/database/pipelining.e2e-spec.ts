import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { pgErrorCode } from '../../src/common/database-errors';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { allInOrder, heldConnection } from '../../src/database/pipelining';
import { queryStatement, runStatement } from '../../src/database/prepared-query';
import { inTransaction } from '../../src/database/transactions';
import { createTestDatabase, TestDatabase } from '../support/database';

const insert = (id: number, v: number) => ({
  name: 'pipelining_insert',
  text: `INSERT INTO pipelined (id, v) VALUES ($1, $2) RETURNING id`,
  values: [id, v],
});

/** Socket writes of the transaction's connection while `work` runs (one per round trip sent). */
async function countingWrites<T>(
  tx: EntityManager,
  work: () => Promise<T>,
): Promise<{ value: T; writes: number }> {
  const runner = tx.queryRunner;
  const client = runner ? heldConnection(runner) : undefined;
  const stream = (client as unknown as { connection: { stream: Record<string, unknown> } }).connection.stream;
  let writes = 0;
  const originals = { _write: stream._write, _writev: stream._writev };
  for (const method of ['_write', '_writev'] as const) {
    const original = originals[method] as (...args: unknown[]) => unknown;
    stream[method] = function (this: unknown, ...args: unknown[]) {
      writes++;
      return original.apply(this, args);
    };
  }
  try {
    return { value: await work(), writes };
  } finally {
    Object.assign(stream, originals);
  }
}

/**
 * Statements of one transaction started together (src/database/pipelining.ts), on real PostgreSQL:
 * they leave in one write, run in the order started, and the first to fail is the error, with the
 * whole transaction rolled back.
 */
describe('statements sent together (pipeline mode)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ ...buildDataSourceOptions(db.url, { poolSize: 2 }), migrations: [] });
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE pipelined (id int PRIMARY KEY, v int NOT NULL CHECK (v > 0))`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  beforeEach(async () => {
    await dataSource.query(`TRUNCATE pipelined`);
  });

  it('go out in one write and run in the order they were started', async () => {
    const { value, writes } = await inTransaction(dataSource, (tx) =>
      countingWrites(tx, () =>
        allInOrder([
          queryStatement<{ id: number }>(tx, insert(1, 1)),
          // Sees the row the statement before it wrote: the server ran them one after the other.
          queryStatement<{ n: number }>(tx, { text: `SELECT count(*)::int AS n FROM pipelined`, values: [] }),
          queryStatement<{ id: number }>(tx, insert(2, 1)),
        ]),
      ),
    );
    expect(value).toEqual([[{ id: 1 }], [{ n: 1 }], [{ id: 2 }]]);
    expect(writes).toBe(1);
    // One after the other, awaited: one write each.
    const sequential = await inTransaction(dataSource, (tx) =>
      countingWrites(tx, async () => {
        await runStatement(tx, insert(3, 1));
        await runStatement(tx, insert(4, 1));
      }),
    );
    expect(sequential.writes).toBe(2);
  });

  it('the first failure in the list is the error, and nothing of the transaction stays', async () => {
    const error = await inTransaction(dataSource, (tx) =>
      allInOrder([
        runStatement(tx, insert(1, 1)),
        runStatement(tx, insert(2, -1)), // check_violation
        runStatement(tx, insert(3, 1)), // 25P02: the transaction is aborted
      ]),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(pgErrorCode(error)).toBe('23514');
    await expect(dataSource.query(`SELECT count(*)::int AS n FROM pipelined`)).resolves.toEqual([{ n: 0 }]);
  });

  it('a failure of the code around a statement, first in the list, wins over later statements’ errors', async () => {
    const refusal = new Error('refused by the first step');
    const error = await inTransaction(dataSource, (tx) =>
      allInOrder([
        queryStatement(tx, insert(1, 1)).then(() => {
          throw refusal;
        }),
        runStatement(tx, insert(1, 1)), // unique_violation, arrives as the first rejection's cause
      ]),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBe(refusal);
    await expect(dataSource.query(`SELECT count(*)::int AS n FROM pipelined`)).resolves.toEqual([{ n: 0 }]);
  });

  it('the connection serves the next transaction normally after a failed batch', async () => {
    await inTransaction(dataSource, (tx) =>
      allInOrder([runStatement(tx, insert(1, -1)), runStatement(tx, insert(2, 1))]),
    ).catch(() => undefined);
    for (let i = 0; i < 4; i++) {
      await inTransaction(dataSource, (tx) => allInOrder([runStatement(tx, insert(10 + i, 1))]));
    }
    await expect(dataSource.query(`SELECT count(*)::int AS n FROM pipelined`)).resolves.toEqual([{ n: 4 }]);
  });
});
