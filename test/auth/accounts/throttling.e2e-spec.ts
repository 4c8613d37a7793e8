import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { closeTestApp, createTestApp } from '../../support/app';
import { PASSWORD, register, uniqueEmail } from '../auth-helpers';
import { AccountsApp, bearerOf, startAccountsApp } from './accounts-helpers';

function expect429(res: request.Response): void {
  expect(res.status).toBe(429);
  expect(res.body.code).toBe('TOO_MANY_REQUESTS');
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
}

/** AUTH_RATE_LIMIT=2, behind a proxy so that each request can come from its own IP. */
describe('throttling of the account request routes', () => {
  let t: AccountsApp;
  /** Unthrottled, same database: registers the actors without touching the counters under test. */
  let setup: INestApplication;
  let ip = 0;
  const fromNewIp = (): string => `198.51.100.${++ip}`;

  beforeAll(async () => {
    t = await startAccountsApp({ AUTH_RATE_LIMIT: '2' });
    (t.app as NestExpressApplication).set('trust proxy', true);
    setup = await createTestApp(t.db.url);
  });

  afterAll(async () => {
    await closeTestApp(setup);
    await t?.close();
  });

  it('forgot: per email across IPs, and per IP across emails', async () => {
    const email = uniqueEmail('popular');
    for (let i = 0; i < 2; i += 1) {
      await t.http
        .post('/api/auth/password/forgot')
        .set('X-Forwarded-For', fromNewIp())
        .send({ email })
        .expect(202);
    }
    expect429(
      await t.http.post('/api/auth/password/forgot').set('X-Forwarded-For', fromNewIp()).send({ email }),
    );

    const oneIp = fromNewIp();
    for (let i = 0; i < 2; i += 1) {
      await t.http
        .post('/api/auth/password/forgot')
        .set('X-Forwarded-For', oneIp)
        .send({ email: uniqueEmail() })
        .expect(202);
    }
    expect429(
      await t.http
        .post('/api/auth/password/forgot')
        .set('X-Forwarded-For', oneIp)
        .send({ email: uniqueEmail() }),
    );
  });

  it('verification request: per account (its email) across IPs', async () => {
    const session = await register(setup, uniqueEmail('eager'));
    for (let i = 0; i < 2; i += 1) {
      await t.http
        .post('/api/auth/verify-email/request')
        .set('X-Forwarded-For', fromNewIp())
        .set(bearerOf(session.accessToken))
        .expect(202);
    }
    expect429(
      await t.http
        .post('/api/auth/verify-email/request')
        .set('X-Forwarded-For', fromNewIp())
        .set(bearerOf(session.accessToken)),
    );
  });

  it('email change: per new address across IPs and accounts', async () => {
    const wanted = uniqueEmail('wanted');
    for (let i = 0; i < 2; i += 1) {
      const session = await register(setup, uniqueEmail('suitor'));
      await t.http
        .post('/api/me/email')
        .set('X-Forwarded-For', fromNewIp())
        .set(bearerOf(session.accessToken))
        .send({ newEmail: wanted, password: PASSWORD })
        .expect(202);
    }
    const late = await register(setup, uniqueEmail('late'));
    expect429(
      await t.http
        .post('/api/me/email')
        .set('X-Forwarded-For', fromNewIp())
        .set(bearerOf(late.accessToken))
        .send({ newEmail: wanted, password: PASSWORD }),
    );
  });

  it('invitation acceptance: per IP (password guessing with a leaked token)', async () => {
    const oneIp = fromNewIp();
    for (let i = 0; i < 2; i += 1) {
      await t.http
        .post('/api/auth/invitations/accept')
        .set('X-Forwarded-For', oneIp)
        .send({ token: 'no-such-token', password: PASSWORD })
        .expect(404);
    }
    expect429(
      await t.http
        .post('/api/auth/invitations/accept')
        .set('X-Forwarded-For', oneIp)
        .send({ token: 'no-such-token', password: PASSWORD }),
    );
  });
});
