import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { auditCount, PASSWORD, register, uniqueEmail } from './auth-helpers';

function expect429(res: request.Response): void {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'TOO_MANY_REQUESTS' });
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('throttling of login and register (AUTH_RATE_LIMIT=3)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('per IP', () => {
    let app: INestApplication;
    let http: ReturnType<typeof request>;

    beforeAll(async () => {
      app = await createTestApp(db.url, { AUTH_RATE_LIMIT: '3' });
      http = request(app.getHttpServer());
    });

    afterAll(() => closeTestApp(app));

    it('the 4th attempt in a minute from one IP → 429 with Retry-After, whatever the email; nothing audited', async () => {
      for (let i = 0; i < 3; i += 1) {
        await http.post('/api/auth/login').send({ email: uniqueEmail(), password: PASSWORD }).expect(401);
      }
      const failedBefore = await auditCount(app, 'auth.login_failed');
      expect429(await http.post('/api/auth/login').send({ email: uniqueEmail(), password: PASSWORD }));
      // Login and register share the counter.
      const registerBefore = await auditCount(app, 'auth.register');
      expect429(await http.post('/api/auth/register').send({ email: uniqueEmail(), password: PASSWORD }));
      expect(await auditCount(app, 'auth.login_failed')).toBe(failedBefore);
      expect(await auditCount(app, 'auth.register')).toBe(registerBefore);
    });

    it('other routes are not throttled', async () => {
      for (let i = 0; i < 5; i += 1) {
        await http.post('/api/auth/refresh').send({ refreshToken: 'unknown-token' }).expect(401);
      }
      await http.get('/api/health').expect(200);
    });
  });

  describe('per email, across IPs (behind a proxy: trust proxy set)', () => {
    let app: INestApplication;
    let http: ReturnType<typeof request>;

    beforeAll(async () => {
      app = await createTestApp(db.url, { AUTH_RATE_LIMIT: '3' });
      // As a deployment behind a load balancer would: req.ip comes from X-Forwarded-For.
      (app as NestExpressApplication).set('trust proxy', true);
      http = request(app.getHttpServer());
    });

    afterAll(() => closeTestApp(app));

    it('the 4th attempt on one email → 429 even from a new IP; other emails still pass', async () => {
      const victim = uniqueEmail('victim');
      for (let i = 1; i <= 3; i += 1) {
        await http
          .post('/api/auth/login')
          .set('X-Forwarded-For', `198.51.100.${i}`)
          .send({ email: victim, password: 'guess number ' + i })
          .expect(401);
      }
      expect429(
        await http
          .post('/api/auth/login')
          .set('X-Forwarded-For', '198.51.100.4')
          .send({ email: victim.toUpperCase(), password: PASSWORD }),
      );
      await http
        .post('/api/auth/login')
        .set('X-Forwarded-For', '198.51.100.5')
        .send({ email: uniqueEmail(), password: PASSWORD })
        .expect(401);
    });

    it('per IP still applies behind the proxy', async () => {
      for (let i = 0; i < 3; i += 1) {
        await http
          .post('/api/auth/login')
          .set('X-Forwarded-For', '203.0.113.9')
          .send({ email: uniqueEmail(), password: PASSWORD })
          .expect(401);
      }
      expect429(
        await http
          .post('/api/auth/login')
          .set('X-Forwarded-For', '203.0.113.9')
          .send({ email: uniqueEmail(), password: PASSWORD }),
      );
    });
  });

  describe('AUTH_RATE_LIMIT=0 turns it off', () => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await createTestApp(db.url, { AUTH_RATE_LIMIT: '0' });
    });

    afterAll(() => closeTestApp(app));

    it('15 attempts in a row on one email are all answered', async () => {
      const session = await register(app);
      const http = request(app.getHttpServer());
      for (let i = 0; i < 15; i += 1) {
        await http
          .post('/api/auth/login')
          .send({ email: session.user.email, password: 'nope nope' })
          .expect(401);
      }
      await http.post('/api/auth/login').send({ email: session.user.email, password: PASSWORD }).expect(200);
    });
  });
});
