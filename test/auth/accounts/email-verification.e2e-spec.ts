import { createHash } from 'node:crypto';
import { auditCount, register, sql, uniqueEmail } from '../auth-helpers';
import { AccountsApp, bearerOf, startAccountsApp, SUBJECTS, unknownToken } from './accounts-helpers';

describe('email verification (POST /auth/verify-email/request, POST /auth/verify-email), through real mail', () => {
  let t: AccountsApp;

  beforeAll(async () => {
    t = await startAccountsApp();
  });

  afterAll(() => t?.close());

  it('202, mails a 24 h link; the token verifies the email once (200 {user}), then 410 TOKEN_USED', async () => {
    const session = await register(t.app, uniqueEmail('verify'));
    expect(session.user.emailVerified).toBe(false);
    const requested = await t.http
      .post('/api/auth/verify-email/request')
      .set(bearerOf(session.accessToken))
      .expect(202);
    expect(requested.body).toEqual({ message: expect.any(String) });

    const token = await t.mailedToken(session.user.email, SUBJECTS.verify);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // At rest: only the SHA-256, 24 hours; the outbox carries it sealed, never in clear.
    const [row] = await sql<{ token_hash: string; purpose: string; hours: number }>(
      t.app,
      `SELECT token_hash, purpose, extract(epoch FROM expires_at - created_at) / 3600 AS hours
         FROM account_tokens WHERE user_id = $1`,
      [session.user.id],
    );
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.purpose).toBe('email_verification');
    expect(Number(row.hours)).toBeCloseTo(24, 1);
    const outbox = await sql<{ payload: string }>(
      t.app,
      `SELECT payload::text FROM outbox_events WHERE type = 'account.email_verification_requested'`,
    );
    expect(outbox.some((e) => e.payload.includes(token))).toBe(false);

    const verified = await t.http.post('/api/auth/verify-email').send({ token }).expect(200);
    expect(verified.body.user).toMatchObject({ id: session.user.id, emailVerified: true });
    const me = await t.http.get('/api/me').set(bearerOf(session.accessToken)).expect(200);
    expect(me.body.emailVerified).toBe(true);
    expect(await auditCount(t.app, 'account.email_verified')).toBeGreaterThanOrEqual(1);

    const again = await t.http.post('/api/auth/verify-email').send({ token }).expect(410);
    expect(again.body).toMatchObject({ statusCode: 410, code: 'TOKEN_USED' });
  });

  it('already verified: 202 and no new link', async () => {
    const session = await register(t.app, uniqueEmail('verified'));
    await sql(t.app, 'UPDATE profiles SET email_verified = true WHERE id = $1', [session.user.id]);
    await t.http.post('/api/auth/verify-email/request').set(bearerOf(session.accessToken)).expect(202);
    expect(
      await sql(t.app, 'SELECT 1 FROM account_tokens WHERE user_id = $1', [session.user.id]),
    ).toHaveLength(0);
  });

  it('401 without an access token', async () => {
    await t.http.post('/api/auth/verify-email/request').expect(401);
  });

  it('410 TOKEN_EXPIRED after 24 h; 400 TOKEN_INVALID for unknown, forged or other-purpose tokens', async () => {
    const session = await register(t.app, uniqueEmail('expiring'));
    await t.http.post('/api/auth/verify-email/request').set(bearerOf(session.accessToken)).expect(202);
    const token = await t.mailedToken(session.user.email, SUBJECTS.verify);
    await sql(
      t.app,
      `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [session.user.id],
    );
    const expired = await t.http.post('/api/auth/verify-email').send({ token }).expect(410);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');

    for (const bogus of [
      unknownToken(),
      'not-a-token',
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
    ]) {
      const res = await t.http.post('/api/auth/verify-email').send({ token: bogus }).expect(400);
      expect(res.body.code).toBe('TOKEN_INVALID');
    }
    // A password-reset token is no verification token.
    await t.http.post('/api/auth/password/forgot').send({ email: session.user.email }).expect(202);
    const resetToken = await t.mailedToken(session.user.email, SUBJECTS.reset);
    const wrongPurpose = await t.http.post('/api/auth/verify-email').send({ token: resetToken }).expect(400);
    expect(wrongPurpose.body.code).toBe('TOKEN_INVALID');
    const [profile] = await sql<{ email_verified: boolean }>(
      t.app,
      'SELECT email_verified FROM profiles WHERE id = $1',
      [session.user.id],
    );
    expect(profile.email_verified).toBe(false);

    await t.http.post('/api/auth/verify-email').send({}).expect(400);
  });

  it('two concurrent uses of one token: exactly one 200, the other 410 TOKEN_USED', async () => {
    const session = await register(t.app, uniqueEmail('race'));
    await t.http.post('/api/auth/verify-email/request').set(bearerOf(session.accessToken)).expect(202);
    const token = await t.mailedToken(session.user.email, SUBJECTS.verify);
    const results = await Promise.all(
      [1, 2].map(() => t.http.post('/api/auth/verify-email').send({ token })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(results.find((r) => r.status === 410)?.body.code).toBe('TOKEN_USED');
  });
});
