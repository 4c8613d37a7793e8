/**
 * Outgoing webhooks end to end, against a real HTTP receiver on 127.0.0.1 that checks every
 * signature with its own implementation: admin CRUD (the secret shown once), fan-out of recorded
 * events to the subscribed endpoints of the event's store, retries (500 then 200, a hang past the
 * timeout) with the same webhook-id, failed after the last attempt, an endpoint disabled after
 * repeated failures (audited), the test ping, the delivery log, and a request that records an event
 * not slowed by a hanging receiver (the send runs outside any transaction).
 * WEBHOOK_ALLOW_PRIVATE=true here: the receiver is on loopback (ssrf.e2e-spec.ts covers the refusals).
 */
import { INestApplication, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../src/database/transactions';
import { AnyDomainEvent, EventsService, OrderPaid, OrderPlaced } from '../../src/events';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { waitFor } from '../events/helpers';
import { Receiver, verifySignature } from './receiver';
import { RecordEventTestModule } from './record-event.controller';

const TIMEOUT_MS = 600;

describe('Outgoing webhooks', () => {
  let db: TestDatabase;
  let sql: Client;
  let app: INestApplication;
  let admin: TestUser;
  let storeA: string;
  let storeB: string;
  const receiver = new Receiver();
  const base = (storeId: string) => `/api/admin/stores/${storeId}/webhooks`;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    await receiver.start();
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    app = await createTestApp(
      db.url,
      {
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_MAX_ATTEMPTS: '3',
        WEBHOOK_DISABLE_AFTER_FAILURES: '4',
        WEBHOOK_POLL_INTERVAL_MS: '50',
        EVENTS_POLL_INTERVAL_MS: '50',
      },
      { imports: [RecordEventTestModule] },
    );
    admin = await createTestUser(app, 'admin');
    const stores = await sql.query<{ id: string }>(
      `INSERT INTO stores (slug, name) VALUES ('a', 'A'), ('b', 'B') RETURNING id`,
    );
    [storeA, storeB] = stores.rows.map((r) => r.id);
  });

  afterAll(async () => {
    await closeTestApp(app);
    await receiver.stop();
    await sql?.end();
    await db?.drop();
  });

  async function createEndpoint(
    path: string,
    events: string[],
    storeId = storeA,
  ): Promise<{ id: string; secret: string }> {
    const res = await http()
      .post(base(storeId))
      .set(bearer(admin))
      .send({ url: receiver.url(path), events })
      .expect(201);
    return res.body as { id: string; secret: string };
  }

  const record = (...events: AnyDomainEvent[]) =>
    inTransaction(app.get(DataSource), (tx) => app.get(EventsService).record(tx, ...events));

  const paid = (storeId = storeA) =>
    new OrderPaid(storeId, {
      orderId: randomUUID(),
      orderNumber: '20261200042',
      paymentId: randomUUID(),
      customerId: null, // a guest: the loyalty extension has nothing to credit
      email: 'guest@example.com',
      amount: '19.99',
      currency: 'USD',
    });

  interface DeliveryItem {
    id: string;
    eventId: string;
    eventType: string;
    status: string;
    attempts: number;
    lastStatusCode: number | null;
    lastError: string | null;
    nextAttemptAt: string | null;
  }

  async function deliveriesOf(storeId: string, endpointId: string): Promise<DeliveryItem[]> {
    const res = await http()
      .get(`${base(storeId)}/${endpointId}/deliveries`)
      .set(bearer(admin))
      .expect(200);
    return res.body as DeliveryItem[];
  }

  const settled = (endpointId: string, count: number) => async () => {
    const items = await deliveriesOf(storeA, endpointId);
    return items.length === count && items.every((d) => d.status !== 'pending') ? items : undefined;
  };

  describe('admin routes', () => {
    it('creates an endpoint: 201 with the secret once (whsec_ + base64 of 32 bytes); get, list and patch never show it; audited without it', async () => {
      const res = await http()
        .post(base(storeA))
        .set(bearer(admin))
        .send({ url: receiver.url('/crud'), events: ['order.paid', 'order.placed'] })
        .expect(201);
      const created = res.body as Record<string, unknown>;
      expect(created).toMatchObject({
        storeId: storeA,
        url: receiver.url('/crud'),
        events: ['order.paid', 'order.placed'],
        isActive: true,
        disabledAt: null,
        consecutiveFailures: 0,
      });
      const secret = created.secret as string;
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
      expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);

      const id = created.id as string;
      const got = await http()
        .get(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .expect(200);
      expect(got.body).not.toHaveProperty('secret');
      const list = await http().get(base(storeA)).set(bearer(admin)).expect(200);
      expect((list.body as Array<Record<string, unknown>>).map((e) => e.id)).toContain(id);
      for (const item of list.body as Array<Record<string, unknown>>)
        expect(item).not.toHaveProperty('secret');
      const patched = await http()
        .patch(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .send({ events: ['order.refunded'], isActive: false })
        .expect(200);
      expect(patched.body).toMatchObject({ events: ['order.refunded'], isActive: false });
      expect(patched.body).not.toHaveProperty('secret');

      const audit = await sql.query<{ action: string; user_id: string; details: unknown }>(
        `SELECT action, user_id, details FROM logs WHERE entity_id = $1 ORDER BY created_at`,
        [id],
      );
      expect(audit.rows.map((r) => r.action)).toEqual(['webhook.create', 'webhook.update']);
      expect(audit.rows.every((r) => r.user_id === admin.id)).toBe(true);
      expect(JSON.stringify(audit.rows)).not.toContain(secret.slice(6));

      await http()
        .delete(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .expect(204);
      await http()
        .get(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .expect(404);
      const deleted = await sql.query(
        `SELECT 1 FROM logs WHERE entity_id = $1 AND action = 'webhook.delete'`,
        [id],
      );
      expect(deleted.rowCount).toBe(1);
    });

    it('400 for an unknown event type, an internal one, no events, a non-http URL; unknown fields too', async () => {
      for (const body of [
        { url: receiver.url('/x'), events: ['order.exploded'] },
        { url: receiver.url('/x'), events: ['customer.signed_in'] },
        { url: receiver.url('/x'), events: [] },
        { url: receiver.url('/x'), events: ['order.paid'], secret: 'whsec_mine' },
      ]) {
        const res = await http().post(base(storeA)).set(bearer(admin)).send(body).expect(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
      const ftp = await http()
        .post(base(storeA))
        .set(bearer(admin))
        .send({ url: 'ftp://127.0.0.1/x', events: ['order.paid'] })
        .expect(400);
      expect(ftp.body).toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
    });

    it("another store's endpoint is a 404 on every route; an unknown store is STORE_NOT_FOUND; customers get 403", async () => {
      const { id } = await createEndpoint('/other-store', ['order.paid'], storeB);
      const paths = [`${base(storeA)}/${id}`, `${base(storeA)}/${id}/deliveries`];
      for (const path of paths) {
        const res = await http().get(path).set(bearer(admin)).expect(404);
        expect(res.body).toMatchObject({ code: 'WEBHOOK_NOT_FOUND' });
      }
      await http()
        .patch(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .send({ isActive: false })
        .expect(404);
      await http()
        .post(`${base(storeA)}/${id}/test`)
        .set(bearer(admin))
        .expect(404);
      await http()
        .delete(`${base(storeA)}/${id}`)
        .set(bearer(admin))
        .expect(404);
      // Still there, untouched, in its own store.
      const own = await http()
        .get(`${base(storeB)}/${id}`)
        .set(bearer(admin))
        .expect(200);
      expect(own.body).toMatchObject({ isActive: true });

      const unknown = await http().get(base(randomUUID())).set(bearer(admin)).expect(404);
      expect(unknown.body).toMatchObject({ code: 'STORE_NOT_FOUND' });
      const customer = await createTestUser(app, 'customer');
      await http().get(base(storeA)).set(bearer(customer)).expect(403);
    });
  });

  describe('delivery', () => {
    it('sends an event to each active endpoint of its store subscribed to its type, signed (Standard Webhooks), once', async () => {
      const subscribed = await createEndpoint('/paid', ['order.paid']);
      await createEndpoint('/placed-only', ['order.placed']);
      const inactive = await createEndpoint('/inactive', ['order.paid']);
      await http()
        .patch(`${base(storeA)}/${inactive.id}`)
        .set(bearer(admin))
        .send({ isActive: false })
        .expect(200);
      await createEndpoint('/store-b', ['order.paid'], storeB);

      const event = paid();
      const before = Math.floor(Date.now() / 1000);
      await record(event);
      const [item] = await waitFor('the delivery', settled(subscribed.id, 1));
      expect(item).toMatchObject({
        eventId: event.id,
        eventType: 'order.paid',
        status: 'succeeded',
        attempts: 1,
        lastStatusCode: 200,
        nextAttemptAt: null,
      });
      const [got] = receiver.at('/paid');
      expect(receiver.at('/paid')).toHaveLength(1);
      expect(got.headers['webhook-id']).toBe(event.id);
      expect(got.headers['content-type']).toBe('application/json');
      expect(got.headers['user-agent']).toMatch(/commerce-webhooks/);
      const timestamp = Number(got.headers['webhook-timestamp']);
      expect(timestamp).toBeGreaterThanOrEqual(before);
      expect(timestamp).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
      expect(verifySignature(subscribed.secret, got.headers, got.body)).toBe(true);
      // A different secret (or body) does not verify: the check above means something.
      const other = await createEndpoint('/unused', ['order.paid']);
      expect(verifySignature(other.secret, got.headers, got.body)).toBe(false);
      expect(verifySignature(subscribed.secret, got.headers, `${got.body} `)).toBe(false);
      expect(JSON.parse(got.body)).toEqual({
        type: 'order.paid',
        timestamp: event.occurredAt.toISOString(),
        data: event.data,
      });

      // Give the others time: still nothing for them.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(receiver.at('/placed-only')).toHaveLength(0);
      expect(receiver.at('/inactive')).toHaveLength(0);
      expect(receiver.at('/store-b')).toHaveLength(0);
    });

    it('500 then 200: delivered on attempt 2, with the same webhook-id, each attempt signed; the failure streak resets', async () => {
      receiver.on('/flaky', (_request, seen) => (seen === 0 ? 500 : 200));
      const endpoint = await createEndpoint('/flaky', ['order.paid']);
      const event = paid();
      await record(event);
      const [item] = await waitFor('the retry', settled(endpoint.id, 1));
      expect(item).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 200, lastError: null });
      const attempts = receiver.at('/flaky');
      expect(attempts.map((a) => a.headers['webhook-id'])).toEqual([event.id, event.id]);
      expect(attempts.every((a) => verifySignature(endpoint.secret, a.headers, a.body))).toBe(true);
      const got = await http()
        .get(`${base(storeA)}/${endpoint.id}`)
        .set(bearer(admin))
        .expect(200);
      expect(got.body).toMatchObject({ consecutiveFailures: 0, isActive: true });
    });

    it('a receiver that hangs past WEBHOOK_TIMEOUT_MS is a failure and is retried; no transaction stays open meanwhile', async () => {
      receiver.on('/slow', (_request, seen) => (seen === 0 ? 'hang' : 200));
      const endpoint = await createEndpoint('/slow', ['order.paid']);
      const event = paid();
      await record(event);
      await waitFor('the first attempt', async () => (receiver.at('/slow').length > 0 ? true : undefined));
      // While the receiver holds the request: no session of the app has a transaction open for long
      // (short ones come and go: the dispatcher, the poll).
      await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS / 2));
      const open = await sql.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND xact_start < clock_timestamp() - interval '200 milliseconds'`,
      );
      expect(open.rowCount).toBe(0);
      const [item] = await waitFor('the retry after the timeout', settled(endpoint.id, 1));
      expect(item).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 200 });
      const [first, second] = receiver.at('/slow');
      expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
      expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    });

    it('fails for good after WEBHOOK_MAX_ATTEMPTS; an endpoint failing WEBHOOK_DISABLE_AFTER_FAILURES sends in a row is disabled, audited and logged', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn');
      try {
        receiver.on('/down', () => 503);
        const endpoint = await createEndpoint('/down', ['order.paid', 'order.placed']);
        const first = paid();
        await record(first);
        const [failed] = await waitFor('failed', settled(endpoint.id, 1));
        expect(failed).toMatchObject({
          status: 'failed',
          attempts: 3,
          lastStatusCode: 503,
          lastError: 'HTTP 503',
          nextAttemptAt: null,
        });
        expect(receiver.at('/down').map((r) => r.headers['webhook-id'])).toEqual([
          first.id,
          first.id,
          first.id,
        ]);

        // The 4th failed send in a row disables it.
        const second = paid();
        await record(second);
        const disabled = await waitFor('disabled', async () => {
          const res = await http()
            .get(`${base(storeA)}/${endpoint.id}`)
            .set(bearer(admin))
            .expect(200);
          return (res.body as { isActive: boolean }).isActive
            ? undefined
            : (res.body as Record<string, unknown>);
        });
        expect(disabled).toMatchObject({ isActive: false, consecutiveFailures: 4 });
        expect(disabled.disabledAt).toEqual(expect.any(String));
        const audit = await sql.query<{
          user_id: string | null;
          store_id: string;
          details: Record<string, unknown>;
        }>(
          `SELECT user_id, store_id, details FROM logs WHERE entity_id = $1 AND action = 'webhook.disabled'`,
          [endpoint.id],
        );
        expect(audit.rows).toEqual([
          { user_id: null, store_id: storeA, details: expect.objectContaining({ failures: 4 }) },
        ]);
        expect(
          warn.mock.calls.some(
            ([m]) => String(m).includes(`${endpoint.id}`) && String(m).includes('disabled'),
          ),
        ).toBe(true);

        // Nothing more goes out: the second event's delivery waits (and no new one is created).
        await record(
          new OrderPlaced(storeA, {
            orderId: randomUUID(),
            orderNumber: '1',
            customerId: randomUUID(),
            email: 'buyer@example.com',
            total: '1.00',
            currency: 'USD',
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(receiver.at('/down')).toHaveLength(4);
        const items = await deliveriesOf(storeA, endpoint.id);
        expect(items.map((d) => [d.eventId, d.status, d.attempts])).toEqual([
          [second.id, 'pending', 1],
          [first.id, 'failed', 3],
        ]);
        const ping = await http()
          .post(`${base(storeA)}/${endpoint.id}/test`)
          .set(bearer(admin))
          .expect(409);
        expect(ping.body).toMatchObject({ code: 'WEBHOOK_INACTIVE' });

        // Turned back on: the waiting delivery goes out again.
        receiver.on('/down', () => 200);
        const on = await http()
          .patch(`${base(storeA)}/${endpoint.id}`)
          .set(bearer(admin))
          .send({ isActive: true })
          .expect(200);
        expect(on.body).toMatchObject({ isActive: true, disabledAt: null, consecutiveFailures: 0 });
        await waitFor('the waiting delivery', async () => {
          const rows = await deliveriesOf(storeA, endpoint.id);
          return rows[0].status === 'succeeded' ? rows : undefined;
        });
      } finally {
        warn.mockRestore();
      }
    });

    it('the test ping: 202 with the queued delivery, then sent signed through the same path and in the log', async () => {
      const endpoint = await createEndpoint('/ping', ['order.refunded']);
      const res = await http()
        .post(`${base(storeA)}/${endpoint.id}/test`)
        .set(bearer(admin))
        .expect(202);
      const queued = res.body as DeliveryItem;
      expect(queued).toMatchObject({ eventType: 'ping', status: 'pending', attempts: 0 });
      const [item] = await waitFor('the ping', settled(endpoint.id, 1));
      expect(item).toMatchObject({
        id: queued.id,
        eventType: 'ping',
        status: 'succeeded',
        attempts: 1,
        lastStatusCode: 200,
      });
      const [got] = receiver.at('/ping');
      expect(got.headers['webhook-id']).toBe(queued.eventId);
      expect(verifySignature(endpoint.secret, got.headers, got.body)).toBe(true);
      expect(JSON.parse(got.body)).toMatchObject({
        type: 'ping',
        data: { endpointId: endpoint.id, storeId: storeA },
      });
      const audit = await sql.query(`SELECT 1 FROM logs WHERE entity_id = $1 AND action = 'webhook.test'`, [
        endpoint.id,
      ]);
      expect(audit.rowCount).toBe(1);
    });

    it('a request that records an event answers at once while the receiver hangs', async () => {
      receiver.on('/hang', () => 'hang');
      await createEndpoint('/hang', ['order.placed']);
      const started = Date.now();
      await http().post(`/api/test-webhooks/${storeA}/order-placed`).expect(201);
      const took = Date.now() - started;
      // The receiver gets the event after the response, and holds it far longer than the request took.
      await waitFor('the hanging send', async () => (receiver.at('/hang').length > 0 ? true : undefined));
      expect(took).toBeLessThan(TIMEOUT_MS / 2);
      // A ping to the same receiver answers at once too.
      const endpoint = await createEndpoint('/hang', ['order.paid']);
      const pingStarted = Date.now();
      await http()
        .post(`${base(storeA)}/${endpoint.id}/test`)
        .set(bearer(admin))
        .expect(202);
      expect(Date.now() - pingStarted).toBeLessThan(TIMEOUT_MS / 2);
    });
  });
});
