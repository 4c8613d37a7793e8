/**
 * SSRF: without WEBHOOK_ALLOW_PRIVATE, an endpoint URL whose host is or resolves to a loopback,
 * private, link-local, CGNAT or unspecified address (IPv4-mapped IPv6 forms included) is refused at
 * create and update (400 WEBHOOK_URL_NOT_ALLOWED), and a delivery is refused again at send time,
 * for an IP literal and for a name resolved by the agent's own lookup (no DNS rebinding gap).
 * No request here goes to anything but the loopback receiver (which must receive nothing).
 */
import { INestApplication } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { Client } from 'pg';
import request from 'supertest';
import { isForbiddenAddress } from '../../src/webhooks/address-policy';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { waitFor } from '../events/helpers';
import { Receiver } from './receiver';

describe('Webhook URLs: SSRF', () => {
  let db: TestDatabase;
  let sql: Client;
  let app: INestApplication;
  let admin: TestUser;
  let storeId: string;
  const receiver = new Receiver();
  const base = () => `/api/admin/stores/${storeId}/webhooks`;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    await receiver.start();
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    app = await createTestApp(db.url, {
      WEBHOOK_MAX_ATTEMPTS: '1',
      WEBHOOK_POLL_INTERVAL_MS: '50',
    });
    admin = await createTestUser(app, 'admin');
    const stores = await sql.query<{ id: string }>(
      `INSERT INTO stores (slug, name) VALUES ('s', 'S') RETURNING id`,
    );
    storeId = stores.rows[0].id;
  });

  afterAll(async () => {
    await closeTestApp(app);
    await receiver.stop();
    await sql?.end();
    await db?.drop();
  });

  const REFUSED = [
    `http://127.0.0.1:${1234}/hook`,
    'http://127.1.2.3/hook',
    'http://10.0.0.1/hook',
    'http://172.16.5.4/hook',
    'http://192.168.1.1/hook',
    'http://100.64.0.1/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://0.0.0.0/hook',
    'http://[::1]/hook',
    'http://[::]/hook',
    'http://[fc00::1]/hook',
    'http://[fd12:3456::1]/hook',
    'http://[fe80::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::ffff:a9fe:a9fe]/hook',
    'http://[::ffff:10.0.0.1]/hook',
    'http://localhost:1234/hook',
    'http://LOCALHOST./hook',
    'http://api.localhost/hook',
    // Spelled so that a naive check misses them; URL parsing turns them into 127.0.0.1.
    'http://2130706433/hook',
    'http://0x7f.0.0.1/hook',
  ];

  it.each(REFUSED)('create refuses %s with 400 WEBHOOK_URL_NOT_ALLOWED', async (url) => {
    const res = await http()
      .post(base())
      .set(bearer(admin))
      .send({ url, events: ['order.paid'] })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
  });

  it('create refuses a name that resolves to a loopback address (this machine’s own host name)', async () => {
    const name = hostname();
    const addresses = await lookup(name, { all: true }).catch(() => []);
    // The check must hold whatever the name resolves to here: loopback or private → refused, and an
    // unresolvable name is refused too (it cannot be checked).
    const expectRefused = addresses.length === 0 || addresses.some((a) => isForbiddenAddress(a.address));
    expect(expectRefused).toBe(true);
    const res = await http()
      .post(base())
      .set(bearer(admin))
      .send({ url: `http://${name}:${receiver.port}/hook`, events: ['order.paid'] })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
    expect((res.body as { message: string }).message).toMatch(/resolves to|does not resolve/);
  });

  it('update refuses a private URL and keeps the old one; other schemes are refused', async () => {
    // A public literal (TEST-NET-3, documentation only): created, and nothing is ever sent to it here.
    const created = await http()
      .post(base())
      .set(bearer(admin))
      .send({ url: 'https://203.0.113.10/hook', events: ['order.refunded'] })
      .expect(201);
    const id = (created.body as { id: string }).id;
    for (const url of [
      'http://10.0.0.1/hook',
      'http://[::1]/hook',
      'http://localhost/x',
      'file:///etc/passwd',
    ]) {
      const res = await http().patch(`${base()}/${id}`).set(bearer(admin)).send({ url }).expect(400);
      expect(res.body).toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
    }
    const after = await http().get(`${base()}/${id}`).set(bearer(admin)).expect(200);
    expect(after.body).toMatchObject({ url: 'https://203.0.113.10/hook' });
    await http().delete(`${base()}/${id}`).set(bearer(admin)).expect(204);
  });

  /** An endpoint saved while private addresses were allowed (or written around the API). */
  async function endpointAt(url: string): Promise<string> {
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO webhook_endpoints (store_id, url, events, secret)
       VALUES ($1, $2, '{order.paid}', 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlYw==') RETURNING id`,
      [storeId, url],
    );
    return rows[0].id;
  }

  async function pingAndSettle(id: string): Promise<{ status: string; lastError: string | null }> {
    await http().post(`${base()}/${id}/test`).set(bearer(admin)).expect(202);
    const [item] = await waitFor('the ping outcome', async () => {
      const res = await http().get(`${base()}/${id}/deliveries`).set(bearer(admin)).expect(200);
      const items = res.body as Array<{ status: string; lastError: string | null }>;
      return items.length === 1 && items[0].status !== 'pending' ? items : undefined;
    });
    return item;
  }

  it('at send time: an IP-literal endpoint on loopback is not connected to', async () => {
    const id = await endpointAt(receiver.url('/literal'));
    const outcome = await pingAndSettle(id);
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome.lastError).toMatch(/may not be reached/);
    expect(receiver.at('/literal')).toHaveLength(0);
  });

  it('at send time: a name is checked on the address the socket would connect to (the agent’s lookup)', async () => {
    const id = await endpointAt(`http://localhost:${receiver.port}/by-name`);
    const outcome = await pingAndSettle(id);
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome.lastError).toMatch(/resolves to .* which webhooks may not reach/);
    expect(receiver.at('/by-name')).toHaveLength(0);
  });

  it('the address policy: private forms refused, public addresses allowed', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.1.1',
      '172.31.255.255',
      '192.168.0.1',
      '100.127.255.254',
      '169.254.1.1',
      '0.0.0.0',
      '::',
      '::1',
      'fe80::abcd',
      'fc00::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:192.168.0.1',
      '224.0.0.1',
      'not-an-ip',
    ]) {
      expect([address, isForbiddenAddress(address)]).toEqual([address, true]);
    }
    for (const address of [
      '8.8.8.8',
      '172.32.0.1',
      '100.128.0.1',
      '203.0.113.10',
      '2606:4700:4700::1111',
      '::ffff:8.8.8.8',
    ]) {
      expect([address, isForbiddenAddress(address)]).toEqual([address, false]);
    }
  });
});
