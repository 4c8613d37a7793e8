/**
 * Two app instances on one database, both dispatching events and sending webhooks: every
 * (endpoint, event) reaches the receiver exactly once between them (the fan-out's unique key and
 * the worker's SKIP LOCKED claims), each with a valid signature, and both instances take part.
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../src/database/transactions';
import { EventsService, OrderPaid } from '../../src/events';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { WebhookDeliveryWorker } from '../../src/webhooks/webhook-delivery-worker';
import { WebhookFanOut } from '../../src/webhooks/webhook-fan-out.subscriber';
import { WebhookOutcomes } from '../../src/webhooks/webhook-outcomes';
import { waitFor } from '../events/helpers';
import { Receiver, verifySignature } from './receiver';

const EVENTS = 40;
const PATHS = ['/one', '/two'];

describe('Webhooks with two instances', () => {
  let db: TestDatabase;
  let sql: Client;
  const apps: INestApplication[] = [];
  const receiver = new Receiver();

  beforeAll(async () => {
    await receiver.start();
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    for (let i = 0; i < 2; i++) {
      apps.push(
        await createTestApp(db.url, {
          WEBHOOK_ALLOW_PRIVATE: 'true',
          WEBHOOK_POLL_INTERVAL_MS: '20',
          EVENTS_POLL_INTERVAL_MS: '20',
        }),
      );
    }
  });

  afterAll(async () => {
    for (const app of apps) await closeTestApp(app);
    await receiver.stop();
    await sql?.end();
    await db?.drop();
  });

  it('delivers each (endpoint, event) once', async () => {
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO stores (slug, name) VALUES ('s', 'S') RETURNING id`,
    );
    const storeId = rows[0].id;
    const admin = await createTestUser(apps[0], 'admin');
    const secrets = new Map<string, string>();
    for (const path of PATHS) {
      // Each request spreads the sends over time, so both instances have work in flight at once.
      receiver.on(path, () => ({ status: 200, delayMs: Math.floor(Math.random() * 30) }));
      const res = await request(apps[0].getHttpServer())
        .post(`/api/admin/stores/${storeId}/webhooks`)
        .set(bearer(admin))
        .send({ url: receiver.url(path), events: ['order.paid'] })
        .expect(201);
      secrets.set(path, (res.body as { secret: string }).secret);
    }

    const sent = apps.map((app) => jest.spyOn(app.get(WebhookOutcomes), 'succeeded'));
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: EVENTS }, async (_, i) => {
        const app = apps[i % 2];
        const event = new OrderPaid(storeId, {
          orderId: randomUUID(),
          orderNumber: String(20261200000 + i),
          paymentId: randomUUID(),
          customerId: null, // a guest: the loyalty extension has nothing to credit
          email: 'guest@example.com',
          amount: '1.00',
          currency: 'USD',
        });
        ids.push(event.id);
        await inTransaction(app.get(DataSource), (tx) => app.get(EventsService).record(tx, event));
      }),
    );

    await waitFor(
      'every delivery',
      async () => {
        const { rows: done } = await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'succeeded'`,
        );
        return done[0].n === EVENTS * PATHS.length ? true : undefined;
      },
      30_000,
    );
    // A little longer: a duplicate send would show up now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const path of PATHS) {
      const got = receiver.at(path);
      expect(got.map((r) => r.headers['webhook-id']).sort()).toEqual([...ids].sort());
      expect(got.every((r) => verifySignature(secrets.get(path)!, r.headers, r.body))).toBe(true);
    }
    // Both instances sent some of them.
    expect(sent.map((spy) => spy.mock.calls.length > 0)).toEqual([true, true]);
    expect(sent.reduce((n, spy) => n + spy.mock.calls.length, 0)).toBe(EVENTS * PATHS.length);
    const { rows: attempts } = await sql.query<{ attempts: number; n: number }>(
      `SELECT attempts, count(*)::int AS n FROM webhook_deliveries GROUP BY attempts`,
    );
    expect(attempts).toEqual([{ attempts: 1, n: EVENTS * PATHS.length }]);
  });

  it('a backlog released at once to both workers: each delivery claimed and sent once', async () => {
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO stores (slug, name) VALUES ('t', 'T') RETURNING id`,
    );
    const storeId = rows[0].id;
    receiver.on('/backlog', () => ({ status: 200, delayMs: Math.floor(Math.random() * 10) }));
    const secret = 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlYw==';
    const endpoint = await sql.query<{ id: string }>(
      `INSERT INTO webhook_endpoints (store_id, url, events, secret, is_active)
       VALUES ($1, $2, '{order.paid}', $3, false) RETURNING id`,
      [storeId, receiver.url('/backlog'), secret],
    );
    const endpointId = endpoint.rows[0].id;
    // Deliveries waiting behind an inactive endpoint (as after it was disabled).
    await sql.query(
      `INSERT INTO webhook_deliveries (store_id, endpoint_id, event_id, event_type, payload)
       SELECT $1, $2, gen_random_uuid(), 'order.paid', '{"type":"order.paid","timestamp":"2026-12-01T00:00:00.000Z","data":{}}'
         FROM generate_series(1, 150)`,
      [storeId, endpointId],
    );
    await sql.query(`UPDATE webhook_endpoints SET is_active = true WHERE id = $1`, [endpointId]);
    for (const app of apps) app.get(WebhookDeliveryWorker).kick();
    await waitFor(
      'the backlog',
      async () => {
        const { rows: left } = await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1 AND status <> 'succeeded'`,
          [endpointId],
        );
        return left[0].n === 0 ? true : undefined;
      },
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const got = receiver.at('/backlog');
    expect(got).toHaveLength(150);
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(150);
    expect(got.every((r) => verifySignature(secret, r.headers, r.body))).toBe(true);
  });

  it('the fan-out run twice for one event (at-least-once dispatch) queues one delivery per endpoint', async () => {
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO stores (slug, name) VALUES ('u', 'U') RETURNING id`,
    );
    const storeId = rows[0].id;
    await sql.query(
      `INSERT INTO webhook_endpoints (store_id, url, events, secret)
       VALUES ($1, $2, '{order.paid}', 'whsec_AAAA'), ($1, $2, '{order.paid}', 'whsec_AAAA')`,
      [storeId, receiver.url('/twice')],
    );
    const event = new OrderPaid(storeId, {
      orderId: randomUUID(),
      orderNumber: '20261299999',
      paymentId: randomUUID(),
      customerId: null, // a guest: the loyalty extension has nothing to credit
      email: 'guest@example.com',
      amount: '1.00',
      currency: 'USD',
    });
    await Promise.all([apps[0].get(WebhookFanOut).onEvent(event), apps[1].get(WebhookFanOut).onEvent(event)]);
    await apps[0].get(WebhookFanOut).onEvent(event);
    const { rows: queued } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE event_id = $1`,
      [event.id],
    );
    expect(queued[0].n).toBe(2);
  });
});
