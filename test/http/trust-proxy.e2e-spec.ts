import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ConfigValidationError, loadAppConfig } from '../../src/config/app-config';
import { PASSWORD, sql, uniqueEmail } from '../auth/auth-helpers';
import { closeTestApp, createTestApp } from '../support/app';
import { TEST_JWT_SECRET } from '../support/constants';
import { createTestDatabase, TestDatabase } from '../support/database';

/** What the audit row of a registration made with these X-Forwarded-For headers says about the caller. */
async function registeredFrom(app: INestApplication, forwardedFor?: string): Promise<string | null> {
  let req = request(app.getHttpServer()).post('/api/auth/register');
  if (forwardedFor !== undefined) req = req.set('X-Forwarded-For', forwardedFor);
  const res = await req.send({ email: uniqueEmail('proxy'), password: PASSWORD }).expect(201);
  const [row] = await sql<{ ip_address: string | null }>(
    app,
    `SELECT ip_address FROM logs WHERE action = 'auth.register' AND user_id = $1`,
    [(res.body as { user: { id: string } }).user.id],
  );
  return row.ip_address;
}

/** Statuses of failed logins (each on a new email, so only the per-IP throttler counts) from these addresses. */
async function loginStatuses(app: INestApplication, forwardedFor: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const address of forwardedFor) {
    const res = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .send({ email: uniqueEmail('throttle'), password: PASSWORD });
    statuses.push(res.status);
  }
  return statuses;
}

describe('TRUST_PROXY', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('unset: the socket address, X-Forwarded-For ignored', () => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await createTestApp(db.url, { AUTH_RATE_LIMIT: '2' });
    });

    afterAll(() => closeTestApp(app));

    it('audit rows record the socket address', async () => {
      expect(await registeredFrom(app)).toBe('127.0.0.1');
      expect(await registeredFrom(app, '198.51.100.7')).toBe('127.0.0.1');
    });

    it('a forged X-Forwarded-For per attempt does not dodge the per-IP throttle', async () => {
      // register above already counted 2 attempts from 127.0.0.1 in this window.
      expect(await loginStatuses(app, ['198.51.100.1', '198.51.100.2', '198.51.100.3'])).toEqual([
        429, 429, 429,
      ]);
    });
  });

  describe('true: the client address the proxy reports', () => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await createTestApp(db.url, { AUTH_RATE_LIMIT: '2', TRUST_PROXY: 'true' });
    });

    afterAll(() => closeTestApp(app));

    it('audit rows record the X-Forwarded-For client', async () => {
      expect(await registeredFrom(app, '198.51.100.7')).toBe('198.51.100.7');
      expect(await registeredFrom(app, '203.0.113.1, 198.51.100.9')).toBe('203.0.113.1');
      expect(await registeredFrom(app)).toBe('127.0.0.1');
    });

    it('the per-IP throttle counts each client address apart', async () => {
      expect(await loginStatuses(app, ['192.0.2.1', '192.0.2.2', '192.0.2.3'])).toEqual([401, 401, 401]);
      expect(await loginStatuses(app, ['192.0.2.9', '192.0.2.9', '192.0.2.9'])).toEqual([401, 401, 429]);
    });
  });

  describe('a hop count and an address list', () => {
    let hops: INestApplication;
    let loopback: INestApplication;
    let otherSubnet: INestApplication;

    beforeAll(async () => {
      hops = await createTestApp(db.url, { TRUST_PROXY: '1' });
      loopback = await createTestApp(db.url, { TRUST_PROXY: 'loopback, 10.0.0.0/8' });
      otherSubnet = await createTestApp(db.url, { TRUST_PROXY: '10.0.0.0/8,fd00::/8' });
    });

    afterAll(async () => {
      await closeTestApp(hops);
      await closeTestApp(loopback);
      await closeTestApp(otherSubnet);
    });

    it('1 hop: the address our one proxy saw (the last entry), not what the client wrote before it', async () => {
      expect(await registeredFrom(hops, '203.0.113.1, 198.51.100.9')).toBe('198.51.100.9');
    });

    it('a list: only a listed proxy (here loopback) is believed', async () => {
      expect(await registeredFrom(loopback, '198.51.100.7')).toBe('198.51.100.7');
      expect(await registeredFrom(otherSubnet, '198.51.100.7')).toBe('127.0.0.1');
    });
  });

  describe('validation', () => {
    const load = (value: string): unknown =>
      loadAppConfig({ JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: 'postgres://u:p@db/x', TRUST_PROXY: value })
        .trustProxy;

    it('accepts true, false, a hop count and a list of addresses, subnets and Express names', () => {
      expect(
        loadAppConfig({ JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: 'postgres://u:p@db/x' }).trustProxy,
      ).toBe(false);
      expect(load('true')).toBe(true);
      expect(load('FALSE')).toBe(false);
      expect(load('2')).toBe(2);
      expect(load('loopback, 10.0.0.0/8, 192.168.1.7, fd00::/8, ::1')).toEqual([
        'loopback',
        '10.0.0.0/8',
        '192.168.1.7',
        'fd00::/8',
        '::1',
      ]);
    });

    it.each([
      'yes',
      '10.0.0.0/33',
      '10.0.0/8',
      'example.com',
      'loopback,,10.0.0.1',
      '1.2.3.4/8/1',
      '-1',
      'fd00::/129',
    ])('refuses %p with one line naming TRUST_PROXY', (bad) => {
      let error: unknown;
      try {
        load(bad);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect((error as Error).message).toMatch(/^Invalid configuration: TRUST_PROXY must be /);
      expect((error as Error).message).not.toContain('\n');
    });
  });
});
