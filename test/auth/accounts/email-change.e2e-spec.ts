import { PASSWORD, register, sql, uniqueEmail } from '../auth-helpers';
import { AccountsApp, bearerOf, startAccountsApp, SUBJECTS } from './accounts-helpers';

describe('email change (POST /me/email, then POST /auth/verify-email), through real mail', () => {
  let t: AccountsApp;

  beforeAll(async () => {
    t = await startAccountsApp();
  });

  afterAll(() => t?.close());

  it('202; the new address gets the link; the email changes (verified) only when it is used', async () => {
    const oldEmail = uniqueEmail('mover');
    const session = await register(t.app, oldEmail);
    const newEmail = uniqueEmail('moved');
    const res = await t.http
      .post('/api/me/email')
      .set(bearerOf(session.accessToken))
      .send({ newEmail: newEmail.toUpperCase(), password: PASSWORD })
      .expect(202);
    expect(res.body).toEqual({ message: expect.any(String) });
    const token = await t.mailedToken(newEmail, SUBJECTS.emailChange);
    expect(t.mailbox.to(oldEmail).filter((m) => m.subject === SUBJECTS.emailChange)).toHaveLength(0);
    const before = await t.http.get('/api/me').set(bearerOf(session.accessToken)).expect(200);
    expect(before.body.email).toBe(oldEmail);

    const verified = await t.http.post('/api/auth/verify-email').send({ token }).expect(200);
    expect(verified.body.user).toMatchObject({ id: session.user.id, email: newEmail, emailVerified: true });
    await t.http.post('/api/auth/login').send({ email: oldEmail, password: PASSWORD }).expect(401);
    await t.http.post('/api/auth/login').send({ email: newEmail, password: PASSWORD }).expect(200);
    const [log] = await sql<{ details: unknown }>(
      t.app,
      `SELECT details FROM logs WHERE action = 'account.email_change' AND entity_id = $1`,
      [session.user.id],
    );
    expect(log.details).toEqual({ email: { before: oldEmail, after: newEmail } });
    // The old address is free again.
    await register(t.app, oldEmail);
  });

  it('wrong password 401; someone else’s email 409 EMAIL_TAKEN; own email 400; bad email 400', async () => {
    const session = await register(t.app, uniqueEmail('picky'));
    const other = await register(t.app, uniqueEmail('owner'));
    const wrong = await t.http
      .post('/api/me/email')
      .set(bearerOf(session.accessToken))
      .send({ newEmail: uniqueEmail(), password: 'not the password' })
      .expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const taken = await t.http
      .post('/api/me/email')
      .set(bearerOf(session.accessToken))
      .send({ newEmail: other.user.email.toUpperCase(), password: PASSWORD })
      .expect(409);
    expect(taken.body.code).toBe('EMAIL_TAKEN');
    const same = await t.http
      .post('/api/me/email')
      .set(bearerOf(session.accessToken))
      .send({ newEmail: session.user.email, password: PASSWORD })
      .expect(400);
    expect(same.body.code).toBe('EMAIL_UNCHANGED');
    await t.http
      .post('/api/me/email')
      .set(bearerOf(session.accessToken))
      .send({ newEmail: 'nope', password: PASSWORD })
      .expect(400);
    await t.http.post('/api/me/email').send({ newEmail: uniqueEmail(), password: PASSWORD }).expect(401);
    expect(
      await sql(t.app, 'SELECT 1 FROM account_tokens WHERE user_id = $1', [session.user.id]),
    ).toHaveLength(0);
  });

  it('the new address got an account meanwhile: 409 EMAIL_TAKEN, nothing changes, the link is not spent', async () => {
    const session = await register(t.app, uniqueEmail('slow'));
    const wanted = uniqueEmail('contested');
    await t.http
      .post('/api/me/email')
      .set(bearerOf(session.accessToken))
      .send({ newEmail: wanted, password: PASSWORD })
      .expect(202);
    const token = await t.mailedToken(wanted, SUBJECTS.emailChange);
    await register(t.app, wanted);
    const res = await t.http.post('/api/auth/verify-email').send({ token }).expect(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
    const [row] = await sql<{ email: string; used_at: Date | null }>(
      t.app,
      `SELECT p.email, t.used_at FROM profiles p JOIN account_tokens t ON t.user_id = p.id WHERE p.id = $1`,
      [session.user.id],
    );
    expect(row).toEqual({ email: session.user.email, used_at: null });
  });

  it('a newer change request replaces the older link (410 TOKEN_USED)', async () => {
    const session = await register(t.app, uniqueEmail('fickle'));
    const first = uniqueEmail('first');
    const second = uniqueEmail('second');
    for (const newEmail of [first, second]) {
      await t.http
        .post('/api/me/email')
        .set(bearerOf(session.accessToken))
        .send({ newEmail, password: PASSWORD })
        .expect(202);
    }
    const stale = await t.mailedToken(first, SUBJECTS.emailChange);
    const current = await t.mailedToken(second, SUBJECTS.emailChange);
    const res = await t.http.post('/api/auth/verify-email').send({ token: stale }).expect(410);
    expect(res.body.code).toBe('TOKEN_USED');
    const ok = await t.http.post('/api/auth/verify-email').send({ token: current }).expect(200);
    expect(ok.body.user.email).toBe(second);
  });
});
