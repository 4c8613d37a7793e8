import { randomUUID } from 'node:crypto';
import { Client, Pool, QueryConfig } from 'pg';
import { DataSource } from 'typeorm';
import { withPinnedConnection } from '../../src/database/pinned-connection';
import { queryStatement } from '../../src/database/prepared-query';
import { installContextStamping } from '../../src/database/rls/context-stamping';
import { DbContext, runWithDbContext } from '../../src/database/rls/db-context';
import { inTransaction } from '../../src/database/transactions';
import { appRoleUrlFor, createTestDatabase, TestDatabase } from '../support/database';

/**
 * One pooled connection for a unit of work (src/database/pinned-connection.ts), as the checkout takes
 * with its admission slot: its reads and its transaction on one backend, stamped once, and never a
 * statement of its own slipped into its open transaction.
 */
describe('pinned connection', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let pool: Pool;
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
  const backend = async (): Promise<{ pid: number; user: string }> => {
    const [row] = await queryStatement<{ pid: number; user: string }>(dataSource.manager, {
      name: 'test_backend',
      text: `SELECT pg_backend_pid() AS pid, current_setting('app.user_id') AS user`,
      values: [],
    });
    return row;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: appRoleUrlFor(db.url), extra: { max: 3 } });
    await dataSource.initialize();
    installContextStamping(dataSource);
    pool = (dataSource.driver as unknown as { master: Pool }).master;
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

  it('reads and the transaction run on one backend, stamped once for the work’s context', async () => {
    // Three connections, each last stamped for another customer.
    await Promise.all(
      [customer(), customer(), customer()].map((c) =>
        as(c, () => inTransaction(dataSource, (tx) => tx.query('SELECT pg_sleep(0.05)'))),
      ),
    );
    const a = customer();
    sent = [];
    const seen = await as(a, () =>
      withPinnedConnection(dataSource, async () => {
        const first = await backend();
        const second = await backend();
        const inTx = await inTransaction(dataSource, async (tx) => {
          const [row] = await tx.query<Array<{ pid: number; user: string }>>(
            `SELECT pg_backend_pid() AS pid, current_setting('app.user_id') AS user`,
          );
          return row;
        });
        const after = await backend();
        return [first, second, inTx, after];
      }),
    );
    expect(new Set(seen.map((s) => s.pid)).size).toBe(1);
    expect(seen.every((s) => s.user === a.userId)).toBe(true);
    // One stamp in all (the session's, ahead of the first read); the transaction carries none.
    expect(sent.filter((s) => s.startsWith('rls_stamp') || s.startsWith('START TRANSACTION;'))).toEqual([
      'rls_stamp_session',
    ]);
    expect(pool.idleCount).toBe(pool.totalCount);
  });

  it('a statement beside the open transaction takes another connection (it never joins the transaction)', async () => {
    const owner = new Client({ connectionString: db.url });
    await owner.connect();
    await owner.query(`CREATE TABLE pin_probe (id uuid PRIMARY KEY)`);
    await owner.query(`GRANT SELECT, INSERT ON pin_probe TO PUBLIC`);
    await owner.end();
    const id = randomUUID();
    const a = customer();
    const [inside, beside] = await as(a, () =>
      withPinnedConnection(dataSource, async () => {
        await backend();
        let besideRead: Promise<{ pid: number; count: number }> | undefined;
        const insidePid = await inTransaction(dataSource, async (tx) => {
          await tx.query(`INSERT INTO pin_probe (id) VALUES ($1)`, [id]);
          besideRead = queryStatement<{ pid: number; count: number }>(dataSource.manager, {
            text: `SELECT pg_backend_pid() AS pid, (SELECT count(*)::int FROM pin_probe WHERE id = $1) AS count`,
            values: [id],
          }).then((rows) => rows[0]);
          await besideRead;
          const [row] = await tx.query<Array<{ pid: number }>>(`SELECT pg_backend_pid() AS pid`);
          return row.pid;
        });
        return [insidePid, await (besideRead as Promise<{ pid: number; count: number }>)];
      }),
    );
    expect(beside.pid).not.toBe(inside);
    expect(beside.count).toBe(0);
    expect(pool.idleCount).toBe(pool.totalCount);
  });

  it('two statements at once: the second takes another connection, no query queued on a busy one', async () => {
    const a = customer();
    const pids = await as(a, () =>
      withPinnedConnection(dataSource, async () => {
        const both = await Promise.all([backend(), backend()]);
        return both.map((b) => b.pid);
      }),
    );
    expect(new Set(pids).size).toBe(2);
    expect(pool.idleCount).toBe(pool.totalCount);
  });

  it('unpin gives the connection back at once; what runs after takes the pool as usual', async () => {
    const a = customer();
    await as(a, () =>
      withPinnedConnection(dataSource, async (unpin) => {
        await backend();
        expect(pool.idleCount).toBe(pool.totalCount - 1);
        unpin();
        expect(pool.idleCount).toBe(pool.totalCount);
        await backend();
        expect(pool.idleCount).toBe(pool.totalCount);
      }),
    );
  });

  it('a failed statement leaves the pin usable, and the work’s connection goes back at the end', async () => {
    const a = customer();
    const pids = await as(a, () =>
      withPinnedConnection(dataSource, async () => {
        const first = await backend();
        await expect(queryStatement(dataSource.manager, { text: 'SELECT 1/0', values: [] })).rejects.toThrow(
          /division by zero/,
        );
        const second = await backend();
        return [first.pid, second.pid];
      }),
    );
    expect(pids[0]).toBe(pids[1]);
    expect(pool.idleCount).toBe(pool.totalCount);
  });
});
