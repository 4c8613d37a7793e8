/**
 * Recording: events are written to the outbox in the caller's transaction (committed with the change,
 * gone with a rollback), record() refuses to run outside a transaction, and in-transaction hooks run in
 * a savepoint of the caller's transaction. The dispatcher is off here, so the rows stay as written.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../src/database/transactions';
import { CustomerSignedIn, EventsService, ProductDeleted } from '../../src/events';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { paid, placed } from './helpers';
import { TEST_TABLES_SQL, TestSubscribersModule } from './test-subscribers';

describe('EventsService.record (the outbox write)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let events: EventsService;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    await sql.query(TEST_TABLES_SQL);
    app = await createTestApp(
      db.url,
      { EVENTS_DISPATCH: 'false' },
      { imports: [TestSubscribersModule.forInstance('a')] },
    );
    events = app.get(EventsService);
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
  });

  const outboxRow = async (id: string) =>
    (
      await sql.query<{
        type: string;
        store_id: string | null;
        payload: unknown;
        dispatched_at: Date | null;
      }>(`SELECT type, store_id, payload, dispatched_at FROM outbox_events WHERE id = $1`, [id])
    ).rows[0];
  const changeExists = async (id: string) =>
    (await sql.query(`SELECT 1 FROM test_changes WHERE id = $1`, [id])).rowCount === 1;

  /** A state change and its event, in one transaction. */
  const change = (tx: EntityManager, id: string) =>
    tx.query(`INSERT INTO test_changes (id, note) VALUES ($1, 'change')`, [id]);

  it('writes each event with the change, in its transaction, as one row per event', async () => {
    const changeId = randomUUID();
    const first = placed();
    const second = paid(first.storeId ?? undefined);
    await inTransaction(dataSource, async (tx) => {
      await change(tx, changeId);
      await events.record(tx, first, second);
      // Not visible outside the transaction before the commit.
      expect(await outboxRow(first.id)).toBeUndefined();
    });
    expect(await changeExists(changeId)).toBe(true);
    expect(await outboxRow(first.id)).toEqual({
      type: 'order.placed',
      store_id: first.storeId,
      payload: first.data,
      dispatched_at: null,
    });
    expect((await outboxRow(second.id))?.type).toBe('order.paid');
  });

  it('keeps a store-less event (storeId null)', async () => {
    const event = new ProductDeleted(null, { productId: randomUUID() });
    await inTransaction(dataSource, (tx) => events.record(tx, event));
    expect((await outboxRow(event.id))?.store_id).toBeNull();
  });

  it('no event for a rolled-back change', async () => {
    const changeId = randomUUID();
    const event = placed();
    await expect(
      inTransaction(dataSource, async (tx) => {
        await change(tx, changeId);
        await events.record(tx, event);
        throw new Error('the change fails after its event was recorded');
      }),
    ).rejects.toThrow('the change fails');
    expect(await changeExists(changeId)).toBe(false);
    expect(await outboxRow(event.id)).toBeUndefined();
  });

  it('no change without its event: a failing record() rolls the change back', async () => {
    const taken = placed();
    await inTransaction(dataSource, (tx) => events.record(tx, taken));
    const changeId = randomUUID();
    // Same id again: the outbox's primary key refuses it, and the whole transaction goes.
    const duplicate = new (taken.constructor as typeof import('../../src/events').OrderPlaced)(
      taken.storeId,
      taken.data,
      { id: taken.id },
    );
    await expect(
      inTransaction(dataSource, async (tx) => {
        await change(tx, changeId);
        await events.record(tx, duplicate);
      }),
    ).rejects.toThrow();
    expect(await changeExists(changeId)).toBe(false);
  });

  it('refuses to record outside a transaction', async () => {
    const event = placed();
    await expect(events.record(dataSource.manager, event)).rejects.toThrow(/transaction/);
    expect(await outboxRow(event.id)).toBeUndefined();
  });

  describe('in-transaction hooks', () => {
    const signedIn = (cartSessionId: string | null) =>
      new CustomerSignedIn(null, { userId: randomUUID(), cartSessionId });

    it('run inside the caller’s transaction: committed with it', async () => {
      const event = signedIn('guest-1');
      await inTransaction(dataSource, async (tx) => {
        await events.record(tx, event);
        expect(await changeExists(event.id)).toBe(false); // not committed yet
      });
      expect(await changeExists(event.id)).toBe(true);
    });

    it('roll back with the caller', async () => {
      const event = signedIn('guest-2');
      await expect(
        inTransaction(dataSource, async (tx) => {
          await events.record(tx, event);
          throw new Error('login failed later');
        }),
      ).rejects.toThrow('login failed later');
      expect(await changeExists(event.id)).toBe(false);
      expect(await outboxRow(event.id)).toBeUndefined();
    });

    it('a throwing hook rolls back its own writes only: the change and its event commit', async () => {
      const event = signedIn('explode');
      const changeId = randomUUID();
      await inTransaction(dataSource, async (tx) => {
        await change(tx, changeId);
        await events.record(tx, event);
      });
      expect(await changeExists(changeId)).toBe(true);
      expect(await outboxRow(event.id)).toBeDefined();
      expect(await changeExists(event.id)).toBe(false); // the hook's insert was undone
    });
  });

  it('micro-benchmark: the cost of one record() in a transaction', async () => {
    const rounds = 300;
    const kinds = ['bare', 'plain INSERT', 'record()'] as const;
    const totals = { bare: 0, 'plain INSERT': 0, 'record()': 0 };
    const run = (kind: (typeof kinds)[number]) =>
      inTransaction(dataSource, async (tx) => {
        await tx.query(`SELECT 1`);
        if (kind === 'plain INSERT') await change(tx, randomUUID());
        if (kind === 'record()') await events.record(tx, placed());
      });
    for (const kind of kinds) for (let i = 0; i < 20; i++) await run(kind); // warm-up
    // Interleaved, so the load of a shared machine spreads over the three alike.
    for (let i = 0; i < rounds; i++) {
      for (const kind of kinds) {
        const started = process.hrtime.bigint();
        await run(kind);
        totals[kind] += Number(process.hrtime.bigint() - started) / 1e6;
      }
    }
    const mean = (kind: (typeof kinds)[number]) => totals[kind] / rounds;
    const cost = mean('record()') - mean('bare');
    process.stdout.write(
      `\nrecord() micro-benchmark (${rounds} transactions each): SELECT 1 ${mean('bare').toFixed(3)} ms, ` +
        `+ a one-row INSERT ${mean('plain INSERT').toFixed(3)} ms, + record(one event) ${mean('record()').toFixed(3)} ms ` +
        `→ record() adds ${cost.toFixed(3)} ms\n`,
    );
    // Loose bound (the machine is shared): one INSERT round trip, not a pile of statements.
    expect(cost).toBeLessThan(5);
  });
});
