import { INestApplication } from '@nestjs/common';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { EntityManager } from 'typeorm';
import { CartService } from '../../src/cart/cart.service';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { auditCount, concurrently, PASSWORD, register, Session, sql, uniqueEmail } from './auth-helpers';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('auth: register, login, refresh, logout', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  describe('POST /api/auth/register', () => {
    it('creates a customer and returns tokens and the /me shape, never the hash', async () => {
      const res = await http
        .post('/api/auth/register')
        .set('User-Agent', 'jest-register')
        .send({ email: '  Ada.Lovelace@Example.COM ', password: PASSWORD, fullName: 'Ada', phone: '+44 1' })
        .expect(201);
      const body = res.body as Session;
      expect(Object.keys(body).sort()).toEqual(['accessToken', 'refreshToken', 'user']);
      expect(body.user).toEqual({
        id: expect.any(String),
        email: 'ada.lovelace@example.com',
        fullName: 'Ada',
        phone: '+44 1',
        role: 'customer',
        emailVerified: false,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      });
      expect(body.accessToken.split('.')).toHaveLength(3);
      expect(body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

      const me = await http.get('/api/me').set('Authorization', `Bearer ${body.accessToken}`).expect(200);
      expect(me.body).toEqual(body.user);

      const [profile] = await sql<{ email: string; password_hash: string; role: string }>(
        app,
        'SELECT email, password_hash, role FROM profiles WHERE id = $1',
        [body.user.id],
      );
      expect(profile.email).toBe('ada.lovelace@example.com');
      expect(profile.password_hash).toMatch(/^\$argon2id\$/);
      expect(profile.password_hash).not.toContain(PASSWORD);

      const tokens = await sql<{ token_hash: string; days: number }>(
        app,
        `SELECT token_hash, extract(epoch FROM expires_at - now()) / 86400 AS days
           FROM refresh_tokens WHERE user_id = $1`,
        [body.user.id],
      );
      expect(tokens).toHaveLength(1);
      expect(tokens[0].token_hash).toBe(sha256(body.refreshToken));
      expect(Number(tokens[0].days)).toBeGreaterThan(29.9);
      expect(Number(tokens[0].days)).toBeLessThanOrEqual(30);

      const logs = await sql<{ action: string; user_id: string; details: unknown; user_agent: string }>(
        app,
        `SELECT action, user_id, details, user_agent FROM logs WHERE entity_id = $1`,
        [body.user.id],
      );
      expect(logs).toEqual([
        {
          action: 'auth.register',
          user_id: body.user.id,
          details: { email: 'ada.lovelace@example.com', role: 'customer' },
          user_agent: 'jest-register',
        },
      ]);
    });

    it('409 EMAIL_TAKEN for the same email in another case, writing nothing', async () => {
      const email = uniqueEmail('taken');
      await register(app, email);
      const profilesBefore = await sql<{ n: number }>(app, 'SELECT count(*)::int AS n FROM profiles');
      const logsBefore = await auditCount(app);
      const res = await http
        .post('/api/auth/register')
        .send({ email: email.toUpperCase(), password: PASSWORD })
        .expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'EMAIL_TAKEN' });
      expect(await sql(app, 'SELECT count(*)::int AS n FROM profiles')).toEqual(profilesBefore);
      expect(await auditCount(app)).toBe(logsBefore);
    });

    it('of 8 concurrent registrations of one email, exactly one succeeds; the rest are EMAIL_TAKEN', async () => {
      const email = uniqueEmail('race');
      const results = await concurrently(8, (i) =>
        http
          .post('/api/auth/register')
          .send({ email: i % 2 ? email : email.toUpperCase(), password: PASSWORD }),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 201)) {
        expect(r.status).toBe(409);
        expect(r.body.code).toBe('EMAIL_TAKEN');
      }
      const rows = await sql(app, 'SELECT id FROM profiles WHERE lower(email) = $1', [email]);
      expect(rows).toHaveLength(1);
      expect(
        await sql(app, `SELECT 1 FROM logs l JOIN profiles p ON p.id = l.entity_id WHERE p.email = $1`, [
          email,
        ]),
      ).toHaveLength(1);
    });

    it.each([
      ['a role', { role: 'admin' }, 'role'],
      ['a short password', { password: 'short' }, 'password'],
      ['a malformed email', { email: 'not-an-email' }, 'email'],
      ['emailVerified', { emailVerified: true }, 'emailVerified'],
    ])('400 VALIDATION_FAILED for %s', async (_label, patch, field) => {
      const res = await http
        .post('/api/auth/register')
        .send({ email: uniqueEmail(), password: PASSWORD, ...patch })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect((res.body.details as Array<{ field: string }>).map((d) => d.field)).toContain(field);
    });
  });

  describe('POST /api/auth/login', () => {
    let email: string;
    let userId: string;

    beforeAll(async () => {
      email = uniqueEmail('login');
      userId = (await register(app, email)).user.id;
    });

    it('200 with the same shape, case-insensitive email, and an audit row with IP and user agent', async () => {
      const res = await http
        .post('/api/auth/login')
        .set('User-Agent', 'jest-login')
        .send({ email: email.toUpperCase(), password: PASSWORD })
        .expect(200);
      expect(res.body.user).toMatchObject({ id: userId, email, role: 'customer' });
      expect(res.body.refreshToken).toEqual(expect.any(String));
      const [log] = await sql<{ user_id: string; ip_address: string; user_agent: string }>(
        app,
        `SELECT user_id, ip_address::text, user_agent FROM logs WHERE action = 'auth.login' AND user_id = $1`,
        [userId],
      );
      expect(log).toEqual({
        user_id: userId,
        ip_address: expect.stringMatching(/127\.0\.0\.1|::1/),
        user_agent: 'jest-login',
      });
    });

    it('401 with one message whether the email exists or not, each failure audited', async () => {
      const before = await auditCount(app, 'auth.login_failed');
      const wrongPassword = await http
        .post('/api/auth/login')
        .send({ email, password: 'wrong password!' })
        .expect(401);
      const unknownEmail = await http
        .post('/api/auth/login')
        .send({ email: uniqueEmail('nobody'), password: PASSWORD })
        .expect(401);
      expect(wrongPassword.body).toEqual(unknownEmail.body);
      expect(wrongPassword.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid email or password',
        code: 'INVALID_CREDENTIALS',
      });
      expect(await auditCount(app, 'auth.login_failed')).toBe(before + 2);
      const [failed] = await sql<{ user_id: string | null; details: Record<string, unknown> }>(
        app,
        `SELECT user_id, details FROM logs WHERE action = 'auth.login_failed' AND details->>'email' = $1`,
        [email],
      );
      expect(failed.user_id).toBe(userId);
      expect(JSON.stringify(failed.details)).not.toContain('wrong password');
    });

    it('a legacy account without a password cannot log in', async () => {
      const legacy = uniqueEmail('legacy');
      await sql(app, `INSERT INTO profiles (email) VALUES ($1)`, [legacy]);
      await http.post('/api/auth/login').send({ email: legacy, password: PASSWORD }).expect(401);
    });

    it('no password or token ever reaches the audit trail', async () => {
      const rows = await sql<{ text: string }>(
        app,
        `SELECT details::text AS text FROM logs WHERE details IS NOT NULL`,
      );
      const tokens = await sql<{ token_hash: string }>(app, 'SELECT token_hash FROM refresh_tokens');
      for (const row of rows) {
        expect(row.text).not.toContain(PASSWORD);
        expect(row.text).not.toMatch(/argon2/);
        for (const t of tokens) expect(row.text).not.toContain(t.token_hash);
      }
    });
  });

  describe('POST /api/auth/refresh', () => {
    it('rotates: a new pair in the same family, the old token marked used', async () => {
      const first = await register(app);
      const res = await http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
      const second = res.body as Session;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.user).toEqual(first.user);
      await http.get('/api/me').set('Authorization', `Bearer ${second.accessToken}`).expect(200);

      const rows = await sql<{ token_hash: string; family: string; used: boolean; revoked: boolean }>(
        app,
        `SELECT token_hash, family, used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked
           FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at`,
        [first.user.id],
      );
      expect(rows.map((r) => [r.token_hash, r.used, r.revoked])).toEqual([
        [sha256(first.refreshToken), true, false],
        [sha256(second.refreshToken), false, false],
      ]);
      expect(rows[0].family).toBe(rows[1].family);
      // And the next one rotates again.
      await http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(200);
    });

    it('a reused token → 401 and the whole family is revoked (the newest token too), audited once', async () => {
      const first = await register(app);
      const otherLogin = (
        await http.post('/api/auth/login').send({ email: first.user.email, password: PASSWORD }).expect(200)
      ).body as Session;
      const second = (
        await http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
      ).body as Session;
      const before = await auditCount(app, 'auth.refresh_reuse');

      const reuse = await http
        .post('/api/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(401);
      expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
      const newest = await http
        .post('/api/auth/refresh')
        .send({ refreshToken: second.refreshToken })
        .expect(401);
      expect(newest.body.code).toBe('INVALID_REFRESH_TOKEN');
      // Presenting it yet again changes nothing more.
      await http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
      expect(await auditCount(app, 'auth.refresh_reuse')).toBe(before + 1);
      const [log] = await sql<{ user_id: string; entity_type: string }>(
        app,
        `SELECT user_id, entity_type FROM logs WHERE action = 'auth.refresh_reuse' AND user_id = $1`,
        [first.user.id],
      );
      expect(log).toEqual({ user_id: first.user.id, entity_type: 'refresh_token_family' });

      // Another login (another family) is untouched.
      await http.post('/api/auth/refresh').send({ refreshToken: otherLogin.refreshToken }).expect(200);
    });

    it('20 concurrent refreshes with one token: exactly one 200', async () => {
      const session = await register(app);
      const results = await concurrently(20, () =>
        http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }),
      );
      const ok = results.filter((r) => r.status === 200);
      expect(ok).toHaveLength(1);
      expect(results.filter((r) => r.status === 401)).toHaveLength(19);
      const [{ n }] = await sql<{ n: number }>(
        app,
        `SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1`,
        [session.user.id],
      );
      expect(n).toBe(2); // the original and exactly one successor
      // The losers presented a used token: that is a reuse, so the family (the winner's new token too) ends.
      await http
        .post('/api/auth/refresh')
        .send({ refreshToken: (ok[0].body as Session).refreshToken })
        .expect(401);
      const [{ reuse }] = await sql<{ reuse: number }>(
        app,
        `SELECT count(*)::int AS reuse FROM logs WHERE action = 'auth.refresh_reuse' AND user_id = $1`,
        [session.user.id],
      );
      expect(reuse).toBe(1);
    });

    it('401 INVALID_REFRESH_TOKEN for an unknown or expired token; 400 without one', async () => {
      const unknown = await http
        .post('/api/auth/refresh')
        .send({ refreshToken: 'x'.repeat(43) })
        .expect(401);
      expect(unknown.body.code).toBe('INVALID_REFRESH_TOKEN');
      const session = await register(app);
      await sql(
        app,
        `UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
        [sha256(session.refreshToken)],
      );
      const expired = await http
        .post('/api/auth/refresh')
        .send({ refreshToken: session.refreshToken })
        .expect(401);
      expect(expired.body.code).toBe('INVALID_REFRESH_TOKEN');
      await http.post('/api/auth/refresh').send({}).expect(400);
    });

    it('the new access token carries the current role', async () => {
      const session = await register(app);
      await sql(app, `UPDATE profiles SET role = 'admin' WHERE id = $1`, [session.user.id]);
      const res = await http
        .post('/api/auth/refresh')
        .send({ refreshToken: session.refreshToken })
        .expect(200);
      expect(res.body.user.role).toBe('admin');
      await http
        .get('/api/admin/stores')
        .set('Authorization', `Bearer ${res.body.accessToken}`)
        .expect(200);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('401 without an access token', async () => {
      const res = await http.post('/api/auth/logout').send({}).expect(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
    });

    it('revokes the family of the given refresh token → 204; other sessions stay', async () => {
      const a = await register(app);
      const b = (
        await http.post('/api/auth/login').send({ email: a.user.email, password: PASSWORD }).expect(200)
      ).body as Session;
      const before = await auditCount(app, 'auth.logout');
      await http
        .post('/api/auth/logout')
        .set('Authorization', `Bearer ${a.accessToken}`)
        .send({ refreshToken: a.refreshToken })
        .expect(204);
      expect(await auditCount(app, 'auth.logout')).toBe(before + 1);
      const res = await http.post('/api/auth/refresh').send({ refreshToken: a.refreshToken }).expect(401);
      expect(res.body.code).toBe('INVALID_REFRESH_TOKEN');
      await http.post('/api/auth/refresh').send({ refreshToken: b.refreshToken }).expect(200);
      // Again: nothing left to revoke, still 204, no second audit row.
      await http
        .post('/api/auth/logout')
        .set('Authorization', `Bearer ${a.accessToken}`)
        .send({ refreshToken: a.refreshToken })
        .expect(204);
      expect(await auditCount(app, 'auth.logout')).toBe(before + 1);
    });

    it('without a token ends every session of the caller, and never touches another user’s', async () => {
      const a = await register(app);
      const other = await register(app);
      await http
        .post('/api/auth/logout')
        .set('Authorization', `Bearer ${a.accessToken}`)
        .send({ refreshToken: other.refreshToken })
        .expect(204);
      await http.post('/api/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
      await http.post('/api/auth/logout').set('Authorization', `Bearer ${a.accessToken}`).expect(204);
      await http.post('/api/auth/refresh').send({ refreshToken: a.refreshToken }).expect(401);
    });
  });
});

// Auth records `customer.signed_in`; the cart module's in-transaction subscriber calls
// CartService.mergeGuestCart, stubbed here on the app's own instance (what the subscriber holds).
describe('auth: guest cart hand-over on sign-in (X-Cart-Session)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  const calls: Array<{ manager: EntityManager; userId: string; sessionId: string }> = [];
  let failNext = false;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    jest
      .spyOn(app.get(CartService), 'mergeGuestCart')
      .mockImplementation(async (manager, userId, sessionId) => {
        calls.push({ manager, userId, sessionId });
        if (failNext) {
          failNext = false;
          throw new Error('cart service unavailable');
        }
      });
    app.useLogger(false); // the failing merge below logs a warning on purpose
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  beforeEach(() => {
    calls.length = 0;
  });

  it('register with the header calls the hook with the new user and the session id', async () => {
    const res = await http
      .post('/api/auth/register')
      .set('X-Cart-Session', 'guest-session-1')
      .send({ email: uniqueEmail(), password: PASSWORD })
      .expect(201);
    expect(calls).toHaveLength(1);
    expect(calls[0].userId).toBe(res.body.user.id);
    expect(calls[0].sessionId).toBe('guest-session-1');
    expect(calls[0].manager).toBeInstanceOf(EntityManager);
  });

  it('login with the header calls it; without the header or on a failed login it is not called', async () => {
    const session = await register(app);
    expect(calls).toHaveLength(0);
    await http
      .post('/api/auth/login')
      .set('X-Cart-Session', 'guest-session-2')
      .send({ email: session.user.email, password: PASSWORD })
      .expect(200);
    expect(calls.map((c) => [c.userId, c.sessionId])).toEqual([[session.user.id, 'guest-session-2']]);
    await http
      .post('/api/auth/login')
      .set('X-Cart-Session', 'guest-session-3')
      .send({ email: session.user.email, password: 'wrong password' })
      .expect(401);
    await http.post('/api/auth/login').send({ email: session.user.email, password: PASSWORD }).expect(200);
    expect(calls).toHaveLength(1);
  });

  it('a failing merge does not fail the login', async () => {
    const session = await register(app);
    failNext = true;
    const res = await http
      .post('/api/auth/login')
      .set('X-Cart-Session', 'guest-session-4')
      .send({ email: session.user.email, password: PASSWORD })
      .expect(200);
    expect(calls).toHaveLength(1);
    // The login's own writes committed: its refresh token works.
    await http.post('/api/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);
  });
});
