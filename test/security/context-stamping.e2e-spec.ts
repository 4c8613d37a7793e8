import { randomUUID } from 'node:crypto';
import { Client, QueryConfig } from 'pg';
import { DataSource } from 'typeorm';
import { installContextStamping, openingTransaction } from '../../src/database/rls/context-stamping';
import { DbContext, runWithDbContext } from '../../src/database/rls/db-context';
import { queryPrepared } from '../../src/database/prepared-query';
import { inTransaction } from '../../src/database/transactions';
import { appRoleUrlFor, createTestDatabase, TestDatabase } from '../support/database';

/**
 * How a pooled connection comes to carry the context of the code that uses it (src/database/rls/
 * context-stamping.ts), on one connection so that every step reuses the one before it: what is sent,
 * in how many round trips, and what the session holds afterwards.
 */
describe('context stamping', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  /** What the app's connections send, in order: texts, and the names of prepared statements. */
  let sent: string[];
  const originalQuery = Client.prototype.query;

  const customer = (): DbContext => ({
    role: 'customer',
    userId: randomUUID(),
    storeIds: [],
    cartSession: null,
  });
  const as = <T>(context: DbContext, work: () => Promise<T>): Promise<T> =>
    runWithDbContext({ fixed: context }, work);
  const userSetting = (run: (sql: string) => Promise<Array<{ u: string }>>) =>
    run(`SELECT current_setting('app.user_id') AS u`).then((rows) => rows[0].u);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: appRoleUrlFor(db.url), extra: { max: 1 } });
    await dataSource.initialize();
    installContextStamping(dataSource);
    jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const config = args[0] as string | QueryConfig;
      sent.push(typeof config === 'string' ? config : (config.name ?? config.text));
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    });
  });

  beforeEach(() => {
    sent = [];
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await dataSource?.destroy();
    await db?.drop();
  });

  it('a transaction for another context carries it in its START TRANSACTION: one round trip, the session untouched', async () => {
    const a = customer();
    const b = customer();
    expect(await as(a, () => userSetting((sql) => dataSource.query(sql)))).toBe(a.userId);
    expect(sent.filter((s) => s.startsWith('rls_stamp_session'))).toHaveLength(1);

    sent = [];
    const inside = await as(b, () => inTransaction(dataSource, (tx) => userSetting((sql) => tx.query(sql))));
    expect(inside).toBe(b.userId);
    expect(sent.filter((s) => s.startsWith('rls_stamp'))).toEqual([]);
    expect(sent.filter((s) => s.startsWith('START TRANSACTION'))).toEqual([
      expect.stringMatching(/^START TRANSACTION; SELECT set_config\('app\.user_id', '[0-9a-f-]{36}', true\)/),
    ]);

    // The transaction's settings ended with it: the session still holds a's, with no stamp sent again.
    sent = [];
    expect(await as(a, () => userSetting((sql) => dataSource.query(sql)))).toBe(a.userId);
    expect(sent.filter((s) => s.startsWith('rls_stamp'))).toEqual([]);
  });

  it('a rolled-back transaction leaves the session as it was too', async () => {
    const a = customer();
    const b = customer();
    await as(a, () => dataSource.query('SELECT 1'));
    await expect(
      as(b, () =>
        inTransaction(dataSource, async (tx) => {
          expect(await userSetting((sql) => tx.query(sql))).toBe(b.userId);
          throw new Error('rolled back');
        }),
      ),
    ).rejects.toThrow('rolled back');
    sent = [];
    expect(await as(a, () => userSetting((sql) => dataSource.query(sql)))).toBe(a.userId);
    expect(sent.filter((s) => s.startsWith('rls_stamp'))).toEqual([]);
  });

  it('a literal that needs quoting reaches the transaction as it was', async () => {
    const guest: DbContext = { role: 'anonymous', userId: null, storeIds: [], cartSession: `it's \\ "odd"` };
    await as(customer(), () => dataSource.query('SELECT 1'));
    const session = await as(guest, () =>
      inTransaction(dataSource, (tx) =>
        tx.query<Array<{ s: string }>>(`SELECT current_setting('app.cart_session') AS s`),
      ),
    );
    expect(session[0].s).toBe(guest.cartSession);
  });

  it('another query that takes the checkout meant for a transaction gets the session stamp before it', async () => {
    const a = customer();
    const b = customer();
    await as(a, () => dataSource.query('SELECT 1'));
    sent = [];
    const seen = await as(b, () => {
      openingTransaction();
      return userSetting((sql) => dataSource.query(sql));
    });
    expect(seen).toBe(b.userId);
    expect(sent[0]).toMatch(/^rls_stamp_session/);
    // Stamped for b now: the next read of b's needs nothing more.
    sent = [];
    expect(await as(b, () => userSetting((sql) => dataSource.query(sql)))).toBe(b.userId);
    expect(sent.filter((s) => s.startsWith('rls_stamp'))).toEqual([]);
  });

  const preparedUser = (n: number) =>
    queryPrepared<{ u: string; n: number }>(
      dataSource,
      'test_current_user',
      `SELECT current_setting('app.user_id') AS u, $1::int AS n`,
      [n],
    ).then((rows) => rows[0]);

  it('a prepared statement for another context carries the stamp ahead of it in the same message', async () => {
    const a = customer();
    const b = customer();
    expect((await as(a, () => preparedUser(1))).u).toBe(a.userId);
    sent = [];
    expect(await as(b, () => preparedUser(2))).toEqual({ u: b.userId, n: 2 });
    // One message on the wire: the query (its object carries the stamp's Bind and Execute).
    expect(sent).toEqual(['test_current_user']);
    // The session holds b's now.
    sent = [];
    expect(await as(b, () => preparedUser(3))).toEqual({ u: b.userId, n: 3 });
    expect(sent).toEqual(['test_current_user']);
  });

  it('when the statement behind the stamp fails, neither took effect: the checkout stamps again', async () => {
    const a = customer();
    const b = customer();
    expect((await as(a, () => preparedUser(1))).u).toBe(a.userId);
    const sql = `SELECT current_setting('app.user_id') AS u, $1::int AS n`;
    const seen = await as(b, async () => {
      // A query runner keeps its connection after an error (pg-pool's pool.query would drop it).
      const runner = dataSource.createQueryRunner();
      try {
        await expect(runner.query('SELECT 1 / $1::int AS x', [0])).rejects.toThrow(/division by zero/);
        // b's stamp went with the failed statement: the next query of the checkout stamps again.
        return ((await runner.query(sql, [2])) as Array<{ u: string }>)[0].u;
      } finally {
        await runner.release();
      }
    });
    expect(seen).toBe(b.userId);
    expect((await as(a, () => preparedUser(3))).u).toBe(a.userId);
  });

  it('queries sent at once on one checkout each run in its context', async () => {
    const a = customer();
    const b = customer();
    await as(a, () => preparedUser(1));
    const seen = await as(b, async () => {
      const runner = dataSource.createQueryRunner();
      try {
        const sql = `SELECT current_setting('app.user_id') AS u, $1::int AS n`;
        return await Promise.all(
          [1, 2, 3].map((n) => runner.query(sql, [n]) as Promise<Array<{ u: string }>>),
        );
      } finally {
        await runner.release();
      }
    });
    expect(seen.map((rows) => rows[0].u)).toEqual([b.userId, b.userId, b.userId]);
  });
});
