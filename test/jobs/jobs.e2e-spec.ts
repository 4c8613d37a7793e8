/**
 * The periodic jobs (src/jobs) on both runners: the reservation sweep through its schedule, retention
 * deleting only what is finished and old (asserted in SQL), and a failing run retried and counted.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { JobsService } from '../../src/jobs/jobs.service';
import { closeTestApp, createTestApp } from '../support/app';
import { appRoleUrlFor, createTestDatabase, TestDatabase } from '../support/database';
import { inventoryViolations } from '../support/invariants';
import { placed, waitFor } from '../events/helpers';
import { SubscriberBehaviour, TEST_TABLES_SQL, TestSubscribersModule } from '../events/test-subscribers';
import { bossJobs, orderStatus, reserved, staleOrder, statsOf } from './helpers';

jest.setTimeout(60_000);

describe.each(['inprocess', 'pgboss'] as const)('Jobs (JOBS=%s)', (runner) => {
  let db: TestDatabase;
  let sql: Client;
  let app: INestApplication | undefined;

  // A database each: pg-boss's period slots (an hour for retention) are per database.
  beforeEach(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterEach(async () => {
    await closeTestApp(app);
    app = undefined;
    await sql?.end();
    await db?.drop();
  });

  it('the scheduled sweep cancels an expired pending order and releases its stock; a fresh one keeps its hold', async () => {
    // TTL 1 minute: the sweep's period is 6 s.
    app = await createTestApp(db.url, { JOBS: runner, RESERVATION_TTL_MINUTES: '1' });
    const expired = await staleOrder(app, sql, 5);
    const fresh = await staleOrder(app, sql, 0);
    expect(await reserved(sql, expired.variantId)).toBe(2);
    await waitFor(
      'the sweep',
      async () => ((await orderStatus(sql, expired.orderId)) === 'cancelled' ? true : undefined),
      20_000,
    );
    expect(await reserved(sql, expired.variantId)).toBe(0);
    expect(await orderStatus(sql, fresh.orderId)).toBe('pending');
    expect(await reserved(sql, fresh.variantId)).toBe(2);
    expect(await inventoryViolations(sql)).toEqual([]);
    const audit = await sql.query(
      `SELECT count(*)::int AS n FROM logs WHERE action = 'order.expired' AND entity_id = $1`,
      [expired.orderId],
    );
    expect(audit.rows[0].n).toBe(1);
    const sweep = await statsOf(app, 'reservations-sweep');
    expect(sweep.runs).toBeGreaterThanOrEqual(1);
    expect(sweep.failures).toBe(0);
    if (runner === 'pgboss') {
      const rows = await bossJobs(sql, 'reservations-sweep');
      expect(rows.some((r) => r.state === 'completed')).toBe(true);
    }
  });

  (runner === 'pgboss' ? it : it.skip)(
    'runs on the app role of the provisioning grants: rows in pgboss, no CREATE',
    async () => {
      const role = new URL(appRoleUrlFor(db.url)).username;
      const rights = await sql.query<{ usage: boolean; create: boolean }>(
        `SELECT has_schema_privilege($1, 'pgboss', 'USAGE') AS usage, has_schema_privilege($1, 'pgboss', 'CREATE') AS create`,
        [role],
      );
      expect(rights.rows[0]).toEqual({ usage: true, create: false });
      app = await createTestApp(appRoleUrlFor(db.url), { JOBS: runner, RESERVATION_TTL_MINUTES: '1' });
      await waitFor('a sweep run through pg-boss as the app role', async () =>
        (await bossJobs(sql, 'reservations-sweep')).some((r) => r.state === 'completed') ? true : undefined,
      );
      expect((await statsOf(app, 'reservations-sweep')).failures).toBe(0);
    },
  );

  it('the scheduled outbox pass delivers an event no commit in this process announced (another instance recorded it)', async () => {
    await sql.query(TEST_TABLES_SQL);
    app = await createTestApp(
      db.url,
      { JOBS: runner, EVENTS_POLL_INTERVAL_MS: '1000' },
      { imports: [TestSubscribersModule.forInstance('jobs', new SubscriberBehaviour())] },
    );
    // Straight into the outbox, as another instance's transaction would leave it: no CommitSignal here.
    const event = placed();
    await sql.query(`INSERT INTO outbox_events (id, type, store_id, payload) VALUES ($1, $2, $3, $4)`, [
      event.id,
      event.type,
      event.storeId,
      JSON.stringify(event.data),
    ]);
    await waitFor('the scheduled pass to deliver it', async () => {
      const { rows } = await sql.query(`SELECT 1 FROM test_handled WHERE event_id = $1`, [event.id]);
      return rows.length > 0 ? true : undefined;
    });
    // The pass counts as run once it is over, which may be just after the handler it started finished.
    const started = app;
    await waitFor('the pass to be counted', async () =>
      (await statsOf(started, 'events-dispatch')).runs >= 1 ? true : undefined,
    );
  });

  it('retention deletes only finished rows older than their age and keeps every live one', async () => {
    app = await createTestApp(db.url, { JOBS: runner });
    const ids = await seedRetention(sql);
    await app.get(JobsService).runNow('retention-prune');
    const left = async (table: string, column = 'id'): Promise<string[]> =>
      (
        await sql.query<{ id: string }>(
          `SELECT DISTINCT ${column}::text AS id FROM ${table} WHERE ${column} = ANY($1)`,
          [ids.all],
        )
      ).rows
        .map((r) => r.id)
        .sort();
    expect(await left('carts')).toEqual([...ids.carts.keep].sort());
    expect(await left('cart_items', 'cart_id')).toEqual([ids.carts.keep[0]]);
    expect(await left('idempotency_keys')).toEqual([...ids.idempotency.keep].sort());
    expect(await left('refresh_tokens')).toEqual([...ids.refresh.keep].sort());
    expect(await left('account_tokens')).toEqual([...ids.account.keep].sort());
    expect(await left('outbox_events')).toEqual([...ids.outbox.keep].sort());
    // The deleted event's deliveries and emails went with it; the kept events' stayed.
    expect(await left('event_deliveries', 'event_id')).toEqual([...ids.outbox.keep.slice(0, 3)].sort());
    expect(await left('mail_deliveries', 'event_id')).toEqual([ids.outbox.keep[0]]);
    // A second run finds nothing more.
    await app.get(JobsService).runNow('retention-prune');
    expect(await left('carts')).toEqual([...ids.carts.keep].sort());
    expect((await statsOf(app, 'retention-prune')).runs).toBe(2);
  });

  it('a failing run is counted and retried until it succeeds', async () => {
    // The retention job's prune of outbox_events cannot get its lock while the test holds the table:
    // the statement times out (a real failure), and a run after the lock is gone succeeds.
    const locker = new Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query(`BEGIN`);
      await locker.query(`LOCK TABLE outbox_events IN ACCESS EXCLUSIVE MODE`);
      app = await createTestApp(db.url, {
        JOBS: runner,
        EVENTS_DISPATCH: 'false',
        DATABASE_STATEMENT_TIMEOUT_MS: '500',
        JOBS_RETRY_DELAY_SECONDS: '1',
        JOBS_RETRY_LIMIT: '5',
      });
      const jobs = app.get(JobsService);
      if (runner === 'inprocess') {
        // The in-process retry is the next period (an hour here): run it by hand.
        await expect(jobs.runNow('retention-prune')).rejects.toThrow();
      }
      // pg-boss: the first run starts at once with the instance.
      await waitFor('a failed run', async () =>
        (await statsOf(app!, 'retention-prune')).failures >= 1 ? true : undefined,
      );
      await locker.query(`ROLLBACK`);
      if (runner === 'inprocess') await jobs.runNow('retention-prune');
      await waitFor('a successful run', async () =>
        (await statsOf(app!, 'retention-prune')).runs >= 1 ? true : undefined,
      );
      const stats = await statsOf(app, 'retention-prune');
      expect(stats.failures).toBeGreaterThanOrEqual(1);
      expect(stats.runs).toBe(1);
      // The same figures on /api/metrics, for an alert on failures that grow.
      const metrics = (await request(app.getHttpServer()).get('/api/metrics').expect(200)).text;
      const sample = (series: string) =>
        Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\d+)$`, 'm').exec(metrics)?.[1]);
      expect(sample('commerce_job_runs_total{job="retention-prune"}')).toBe(1);
      expect(sample('commerce_job_failures_total{job="retention-prune"}')).toBe(stats.failures);
      expect(sample('commerce_job_queue_depth{job="retention-prune"}')).toBe(stats.depth);
      if (runner === 'pgboss') {
        // The same job, retried: pg-boss counts its attempts.
        const rows = await bossJobs(sql, 'retention-prune');
        const completed = rows.filter((r) => r.state === 'completed');
        expect(completed).toHaveLength(1);
        expect(completed[0].retry_count).toBeGreaterThanOrEqual(1);
        expect(stats.depth).toBe(0);
      }
    } finally {
      await locker.end();
    }
  });
});

interface RetentionIds {
  all: string[];
  carts: { keep: string[] };
  idempotency: { keep: string[] };
  refresh: { keep: string[] };
  account: { keep: string[] };
  outbox: { keep: string[] };
}

/** One row per case, old and young, finished and not; returns the ids that must survive. */
async function seedRetention(sql: Client): Promise<RetentionIds> {
  const all: string[] = [];
  const id = (): string => {
    const value = randomUUID();
    all.push(value);
    return value;
  };
  const store = (
    await sql.query<{ id: string }>(
      `INSERT INTO stores (slug, name) VALUES ('r-' || substr(md5(random()::text), 1, 8), 'R') RETURNING id`,
    )
  ).rows[0].id;
  const user = (
    await sql.query<{ id: string }>(
      `INSERT INTO profiles (email) VALUES ('r-' || substr(md5(random()::text), 1, 12) || '@test.example') RETURNING id`,
    )
  ).rows[0].id;
  const product = (
    await sql.query<{ id: string }>(
      `INSERT INTO products (store_id, name, slug, base_price) VALUES ($1, 'P', 'p', 10) RETURNING id`,
      [store],
    )
  ).rows[0].id;
  const variant = (
    await sql.query<{ id: string }>(
      `INSERT INTO product_variants (store_id, product_id, sku, name) VALUES ($1, $2, 'R1', 'V') RETURNING id`,
      [store, product],
    )
  ).rows[0].id;

  // Carts (guest age 30 days): an idle guest cart goes; one with a line touched yesterday, a young
  // guest cart and an old customer's cart stay.
  const cart = async (userId: string | null, daysIdle: number): Promise<string> => {
    const cartId = id();
    await sql.query(
      `INSERT INTO carts (id, store_id, user_id, session_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, now() - make_interval(days => $5), now() - make_interval(days => $5))`,
      [cartId, store, userId, userId ? null : `sess-${cartId}`, daysIdle],
    );
    return cartId;
  };
  await cart(null, 40);
  const activeLines = await cart(null, 40);
  await sql.query(
    `INSERT INTO cart_items (cart_id, variant_id, quantity, updated_at) VALUES ($1, $2, 1, now() - interval '1 day')`,
    [activeLines, variant],
  );
  const youngGuest = await cart(null, 2);
  const customerCart = await cart(user, 400);

  // Idempotency keys (24 h): answered 25 h ago goes; answered an hour ago, and unanswered (in progress
  // or a checkpoint) however old, stay.
  const key = async (hoursAgo: number, answered: boolean): Promise<string> => {
    const keyId = id();
    await sql.query(
      `INSERT INTO idempotency_keys (id, user_id, key, request_hash, response_status, response_body, created_at, completed_at)
       VALUES ($1, $2, $7, 'h', $3, $4, now() - make_interval(hours => $5), $6::timestamptz)`,
      [
        keyId,
        user,
        answered ? 201 : null,
        answered ? '{}' : null,
        hoursAgo,
        answered ? new Date(Date.now() - hoursAgo * 3_600_000) : null,
        `key-${keyId}`,
      ],
    );
    return keyId;
  };
  await key(25, true);
  const idempotencyKeep = [await key(1, true), await key(100, false)];

  // Refresh tokens (7 days): expired 8 days ago and revoked 8 days ago go; used-but-unexpired
  // (theft detection), live, and expired yesterday stay.
  const refresh = async (
    expiresInDays: number,
    usedDaysAgo: number | null,
    revokedDaysAgo: number | null,
  ): Promise<string> => {
    const tokenId = id();
    await sql.query(
      `INSERT INTO refresh_tokens (id, user_id, family, token_hash, expires_at, used_at, revoked_at)
       VALUES ($1, $2, gen_random_uuid(), $6, now() + make_interval(days => $3),
               now() - make_interval(days => $4), now() - make_interval(days => $5))`,
      [tokenId, user, expiresInDays, usedDaysAgo, revokedDaysAgo, `hash-${tokenId}`],
    );
    return tokenId;
  };
  await refresh(-8, null, null);
  await refresh(20, null, 8);
  const refreshKeep = [
    await refresh(20, 10, null),
    await refresh(20, null, null),
    await refresh(-1, null, null),
  ];

  // Account tokens (7 days): used 8 days ago and expired 8 days ago go; live and used yesterday stay.
  const account = async (expiresInDays: number, usedDaysAgo: number | null): Promise<string> => {
    const tokenId = id();
    await sql.query(
      `INSERT INTO account_tokens (id, user_id, purpose, token_hash, expires_at, used_at)
       VALUES ($1, $2, 'password_reset', $5, now() + make_interval(days => $3), now() - make_interval(days => $4))`,
      [tokenId, user, expiresInDays, usedDaysAgo, `hash-${tokenId}`],
    );
    return tokenId;
  };
  await account(1, 8);
  await account(-8, null);
  const accountKeep = [await account(1, null), await account(1, 1)];

  // Outbox (30 days): an event dispatched 31 days ago whose every delivery is delivered goes (with its
  // deliveries and email); one with a failed delivery, one with a pending one, a young delivered one
  // and an old one not fanned out yet stay.
  const event = async (dispatchedDaysAgo: number | null, deliveries: string[]): Promise<string> => {
    const eventId = id();
    await sql.query(
      `INSERT INTO outbox_events (id, type, store_id, payload, occurred_at, dispatched_at)
       VALUES ($1, 'order.placed', $2, '{}', now() - interval '40 days', now() - make_interval(days => $3))`,
      [eventId, store, dispatchedDaysAgo],
    );
    for (const [i, status] of deliveries.entries()) {
      await sql.query(`INSERT INTO event_deliveries (event_id, subscriber, status) VALUES ($1, $2, $3)`, [
        eventId,
        `s${i}`,
        status,
      ]);
    }
    return eventId;
  };
  const gone = await event(31, ['delivered', 'delivered']);
  await sql.query(
    `INSERT INTO mail_deliveries (event_id, template, message_id) VALUES ($1, 'order_placed', 'm1')`,
    [gone],
  );
  const failedOne = await event(31, ['delivered', 'failed']);
  await sql.query(
    `INSERT INTO mail_deliveries (event_id, template, message_id) VALUES ($1, 'order_placed', 'm2')`,
    [failedOne],
  );
  const outboxKeep = [
    failedOne,
    await event(31, ['pending']),
    await event(1, ['delivered']),
    await event(null, []),
  ];

  return {
    all,
    carts: { keep: [activeLines, youngGuest, customerCart] },
    idempotency: { keep: idempotencyKeep },
    refresh: { keep: refreshKeep },
    account: { keep: accountKeep },
    outbox: { keep: outboxKeep },
  };
}
