import { auditCount, PASSWORD, register, sql, uniqueEmail } from '../auth-helpers';
import { AccountsApp, bearerOf, startAccountsApp, SUBJECTS } from './accounts-helpers';

const NEW_PASSWORD = 'another good passphrase';

describe('POST /me/password and POST /auth/logout-all', () => {
  let t: AccountsApp;

  beforeAll(async () => {
    t = await startAccountsApp();
  });

  afterAll(() => t?.close());

  async function login(email: string, password = PASSWORD) {
    const res = await t.http.post('/api/auth/login').send({ email, password }).expect(200);
    return res.body as { accessToken: string; refreshToken: string };
  }

  it('204 with the current password; other sessions end, the named one stays; a notice is mailed', async () => {
    const email = uniqueEmail('changer');
    const here = await register(t.app, email);
    const elsewhere = await login(email);
    await t.http
      .post('/api/me/password')
      .set(bearerOf(here.accessToken))
      .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, refreshToken: here.refreshToken })
      .expect(204);
    await t.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: elsewhere.refreshToken }).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: here.refreshToken }).expect(200);
    const fresh = await login(email, NEW_PASSWORD);

    // Without a refresh token every session ends.
    await t.http
      .post('/api/me/password')
      .set(bearerOf(fresh.accessToken))
      .send({ currentPassword: NEW_PASSWORD, newPassword: PASSWORD })
      .expect(204);
    await t.http.post('/api/auth/refresh').send({ refreshToken: fresh.refreshToken }).expect(401);
    await login(email, PASSWORD);
    expect(await auditCount(t.app, 'account.password_change')).toBeGreaterThanOrEqual(2);
    await t.mailbox.waitFor((m) => m.subject === SUBJECTS.passwordChanged);
  });

  it('wrong current password → 401 INVALID_CREDENTIALS, nothing changes; weak new one → 400', async () => {
    const email = uniqueEmail('guesser');
    const session = await register(t.app, email);
    const wrong = await t.http
      .post('/api/me/password')
      .set(bearerOf(session.accessToken))
      .send({ currentPassword: 'not my password', newPassword: NEW_PASSWORD })
      .expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const weak = await t.http
      .post('/api/me/password')
      .set(bearerOf(session.accessToken))
      .send({ currentPassword: PASSWORD, newPassword: 'short' })
      .expect(400);
    expect(weak.body.code).toBe('VALIDATION_FAILED');
    await login(email, PASSWORD);
    await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200);
    expect(await auditCount(t.app, 'account.password_change_failed')).toBeGreaterThanOrEqual(1);
    await t.http
      .post('/api/me/password')
      .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
      .expect(401);
  });

  it('a password change ends an outstanding reset link', async () => {
    const email = uniqueEmail('both');
    const session = await register(t.app, email);
    await t.http.post('/api/auth/password/forgot').send({ email }).expect(202);
    const token = await t.mailedToken(email, SUBJECTS.reset);
    await t.http
      .post('/api/me/password')
      .set(bearerOf(session.accessToken))
      .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
      .expect(204);
    const res = await t.http.post('/api/auth/password/reset').send({ token, password: PASSWORD }).expect(410);
    expect(res.body.code).toBe('TOKEN_USED');
  });

  it('logout-all: 204, every refresh token of the caller is revoked, others’ are not; 401 anonymous', async () => {
    const email = uniqueEmail('everywhere');
    const one = await register(t.app, email);
    const two = await login(email);
    const other = await register(t.app, uniqueEmail('bystander'));
    await t.http.post('/api/auth/logout-all').set(bearerOf(one.accessToken)).expect(204);
    await t.http.post('/api/auth/refresh').send({ refreshToken: one.refreshToken }).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: two.refreshToken }).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
    const [{ n }] = await sql<{ n: number }>(
      t.app,
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
      [one.user.id],
    );
    expect(n).toBe(0);
    const [log] = await sql<{ details: { revokedSessions: number } }>(
      t.app,
      `SELECT details FROM logs WHERE action = 'auth.logout_all' AND entity_id = $1`,
      [one.user.id],
    );
    expect(log.details.revokedSessions).toBe(2);
    await t.http.post('/api/auth/logout-all').expect(401);
  });
});
