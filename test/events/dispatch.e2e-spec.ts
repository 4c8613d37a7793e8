/**
 * Delivery after the commit, on the real database: each subscriber gets each event, a failing one is
 * retried with backoff on its own (others and later events go on), one that never succeeds ends
 * `failed` (logged, visible in the stats route), two app instances on one database deliver every
 * (event, subscriber) exactly once between them, and events left undelivered by a process that
 * stopped between commit and dispatch are delivered by the next one.
 */
import { INestApplication, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../src/database/transactions';
import { AnyDomainEvent, EventsService, ProductDeleted } from '../../src/events';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { deliveries, handledCounts, paid, placed, waitFor } from './helpers';
import { SubscriberBehaviour, TEST_TABLES_SQL, TestSubscribersModule } from './test-subscribers';

const PLACED_SUBSCRIBERS = ['TestSubscribers.onPlaced', 'test.placed-audit'];

describe('EventDispatcher', () => {
  let db: TestDatabase;
  let sql: Client;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    await sql.query(TEST_TABLES_SQL);
  });

  afterAll(async () => {
    await sql?.end();
    for (const app of apps) await closeTestApp(app);
    await db?.drop();
  });

  async function startApp(
    instance: string,
    env: NodeJS.ProcessEnv = {},
    behaviour = new SubscriberBehaviour(),
  ): Promise<INestApplication> {
    const app = await createTestApp(
      db.url,
      { EVENTS_POLL_INTERVAL_MS: '50', ...env },
      { imports: [TestSubscribersModule.forInstance(instance, behaviour)] },
    );
    apps.push(app);
    return app;
  }

  async function stopApp(app: INestApplication): Promise<void> {
    apps.splice(apps.indexOf(app), 1);
    await closeTestApp(app);
  }

  const record = (app: INestApplication, ...events: AnyDomainEvent[]) =>
    inTransaction(app.get(DataSource), (tx) => app.get(EventsService).record(tx, ...events));

  const allDelivered = (ids: string[], perEvent: number) => async () => {
    const rows = await deliveries(sql, ids);
    return rows.length === ids.length * perEvent && rows.every((r) => r.status === 'delivered')
      ? rows
      : undefined;
  };

  describe('one instance', () => {
    let app: INestApplication;
    const behaviour = new SubscriberBehaviour();

    beforeAll(async () => {
      app = await startApp('solo', { EVENTS_RETRY_BASE_MS: '2000', EVENTS_MAX_ATTEMPTS: '3' }, behaviour);
    });

    afterAll(() => stopApp(app));

    it('delivers each event to every subscriber of its type, once, soon after the commit', async () => {
      const event = placed();
      const started = Date.now();
      await record(app, event);
      const rows = await waitFor('delivery', allDelivered([event.id], PLACED_SUBSCRIBERS.length));
      expect(rows.map((r) => [r.subscriber, r.attempts])).toEqual(
        PLACED_SUBSCRIBERS.map((s) => [s, 1]).sort(),
      );
      expect(await handledCounts(sql, [event.id])).toEqual(
        new Map(PLACED_SUBSCRIBERS.map((s) => [`${event.id} ${s}`, 1])),
      );
      // The commit kicks the dispatcher; no wait for a poll (the poll alone would also be quick here).
      expect(Date.now() - started).toBeLessThan(5000);
      const [outbox] = (
        await sql.query<{ dispatched: boolean }>(
          `SELECT dispatched_at IS NOT NULL AS dispatched FROM outbox_events WHERE id = $1`,
          [event.id],
        )
      ).rows;
      expect(outbox.dispatched).toBe(true);
    });

    it('nothing for a rolled-back transaction', async () => {
      const event = placed();
      await expect(
        inTransaction(app.get(DataSource), async (tx) => {
          await app.get(EventsService).record(tx, event);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      // Give the dispatcher a few polls: still nothing.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await deliveries(sql, [event.id])).toEqual([]);
      expect(await handledCounts(sql, [event.id])).toEqual(new Map());
    });

    it('retries a failing subscriber (fails twice, then succeeds: delivered once, attempts 3) without blocking the other subscriber or later events', async () => {
      const first = paid();
      await record(app, first);
      // The healthy subscriber has it while the flaky one waits for its first retry (≥ 1 s away).
      await waitFor('the healthy subscriber', async () =>
        (await handledCounts(sql, [first.id])).get(`${first.id} TestSubscribers.onPaid`),
      );
      const later = placed();
      await record(app, later);
      await waitFor('a later event', allDelivered([later.id], PLACED_SUBSCRIBERS.length));
      const flakyNow = (await deliveries(sql, [first.id])).find((r) => r.subscriber === 'test.flaky');
      expect(flakyNow).toMatchObject({ status: 'pending', attempts: 1, last_error: 'flaky failure 1' });

      const rows = await waitFor('the flaky subscriber', allDelivered([first.id], 2), 20_000);
      expect(rows.map((r) => [r.subscriber, r.status, r.attempts])).toEqual([
        ['TestSubscribers.onPaid', 'delivered', 1],
        ['test.flaky', 'delivered', 3],
      ]);
      expect(behaviour.flakyRuns.get(first.id)).toBe(3);
      expect((await handledCounts(sql, [first.id])).get(`${first.id} test.flaky`)).toBe(1);
    });

    it('a subscriber that never succeeds ends failed after EVENTS_MAX_ATTEMPTS, logged and counted in the stats', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn');
      try {
        const event = new ProductDeleted(randomUUID(), { productId: randomUUID() });
        await record(app, event);
        const [row] = await waitFor(
          'the failed delivery',
          async () => {
            const rows = await deliveries(sql, [event.id]);
            return rows[0]?.status === 'failed' ? rows : undefined;
          },
          20_000,
        );
        expect(row).toMatchObject({ subscriber: 'test.always-fails', attempts: 3 });
        expect(row.last_error).toContain('cannot handle');
        expect(warn).toHaveBeenCalledWith(
          expect.stringContaining(`to test.always-fails failed for good after 3 attempts`),
        );

        const superAdmin = await createTestUser(app, 'super_admin');
        const res = await request(app.getHttpServer())
          .get('/api/admin/events/stats')
          .set(bearer(superAdmin))
          .expect(200);
        expect(res.body).toMatchObject({
          failedDeliveries: [{ subscriber: 'test.always-fails', count: 1 }],
          dispatching: true,
        });
        expect(res.body.subscribers).toEqual(
          expect.arrayContaining(['order.paid test.flaky', 'product.deleted test.always-fails']),
        );
      } finally {
        warn.mockRestore();
      }
    });

    it('GET /api/admin/events/stats is for super_admin only', async () => {
      const server = app.getHttpServer();
      await request(server).get('/api/admin/events/stats').expect(401);
      const admin = await createTestUser(app, 'admin');
      await request(server).get('/api/admin/events/stats').set(bearer(admin)).expect(403);
      const customer = await createTestUser(app, 'customer');
      await request(server).get('/api/admin/events/stats').set(bearer(customer)).expect(403);
    });
  });

  describe('without the poll (commits alone wake the dispatcher)', () => {
    let app: INestApplication;
    const behaviour = new SubscriberBehaviour();

    beforeAll(async () => {
      behaviour.maxDelayMs = 40;
      app = await startApp('no-poll', { EVENTS_POLL_INTERVAL_MS: '600000' }, behaviour);
    });

    afterAll(() => stopApp(app));

    it('a new event is delivered after its commit alone, on its first attempt', async () => {
      const event = placed();
      await record(app, event);
      const rows = await waitFor('delivery', allDelivered([event.id], PLACED_SUBSCRIBERS.length));
      expect(rows.map((r) => r.attempts)).toEqual([1, 1]);
    });

    it('more deliveries than room: the fan-out leases what fits, claims take the rest as room frees; each runs once', async () => {
      const events = Array.from({ length: 30 }, () => placed());
      await record(app, ...events);
      const ids = events.map((e) => e.id);
      const rows = await waitFor('60 deliveries', allDelivered(ids, PLACED_SUBSCRIBERS.length));
      expect(rows.every((r) => r.attempts === 1)).toBe(true);
      const counts = await handledCounts(sql, ids);
      expect(counts.size).toBe(60);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    });
  });

  it('two instances on one database: each (event, subscriber) handled exactly once, no delivery claimed twice', async () => {
    const behaviour = new SubscriberBehaviour();
    behaviour.maxDelayMs = 5;
    const [one, two] = [await startApp('one', {}, behaviour), await startApp('two', {}, behaviour)];
    const ids: string[] = [];
    // 40 transactions of 5 events, from both instances at once.
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const batch = Array.from({ length: 5 }, () => placed());
        ids.push(...batch.map((e) => e.id));
        await record(i % 2 === 0 ? one : two, ...batch);
      }),
    );
    await waitFor('200 events × 2 subscribers', allDelivered(ids, PLACED_SUBSCRIBERS.length), 30_000);

    const counts = await handledCounts(sql, ids);
    expect(counts.size).toBe(ids.length * PLACED_SUBSCRIBERS.length);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    const { rows: claimedTwice } = await sql.query(
      `SELECT event_id, subscriber, attempts FROM event_deliveries WHERE event_id = ANY ($1::uuid[]) AND attempts <> 1`,
      [ids],
    );
    expect(claimedTwice).toEqual([]);
    const { rows: byInstance } = await sql.query<{ instance: string; n: number }>(
      `SELECT instance, count(*)::int AS n FROM test_handled WHERE event_id = ANY ($1::uuid[]) GROUP BY instance ORDER BY instance`,
      [ids],
    );
    // Both did part of the work.
    expect(byInstance.map((r) => r.instance)).toEqual(['one', 'two']);
    await stopApp(one);
    await stopApp(two);
  });

  it('a crash between commit and dispatch: the next process delivers what the first one left', async () => {
    const first = await startApp('crashed', { EVENTS_DISPATCH: 'false' });
    const events = [placed(), placed(), placed()];
    await record(first, ...events);
    const ids = events.map((e) => e.id);
    expect(await first.get(EventsService).stats()).toMatchObject({ pendingEvents: 3 });
    await stopApp(first); // committed, never dispatched
    const { rows } = await sql.query(
      `SELECT 1 FROM outbox_events WHERE id = ANY ($1::uuid[]) AND dispatched_at IS NULL`,
      [ids],
    );
    expect(rows).toHaveLength(3);
    expect(await deliveries(sql, ids)).toEqual([]);

    const next = await startApp('restarted');
    await waitFor('delivery after restart', allDelivered(ids, PLACED_SUBSCRIBERS.length));
    const counts = await handledCounts(sql, ids);
    expect([...counts.values()]).toEqual(Array(ids.length * PLACED_SUBSCRIBERS.length).fill(1));
    // The app's own subscribers of order.placed (beside the test's) finish on their own time.
    const drained = await waitFor('nothing pending', async () => {
      const stats = await next.get(EventsService).stats();
      return stats.pendingEvents === 0 && stats.pendingDeliveries === 0 ? stats : undefined;
    });
    expect(drained).toMatchObject({ pendingEvents: 0, pendingDeliveries: 0, oldestPendingAgeSeconds: null });
    await stopApp(next);
  });
});
