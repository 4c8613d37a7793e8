import { performance } from 'node:perf_hooks';
import { auditCount, PASSWORD, register, sql, uniqueEmail } from '../auth-helpers';
import { AccountsApp, startAccountsApp, SUBJECTS, unknownToken } from './accounts-helpers';

const NEW_PASSWORD = 'a completely new passphrase';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

describe('password forgot / reset, through real mail', () => {
  let t: AccountsApp;

  beforeAll(async () => {
    t = await startAccountsApp();
  });

  afterAll(() => t?.close());

  it('forgot → mail → reset: 200 pair, new password works, every other session and reset link ends', async () => {
    const email = uniqueEmail('forgetful');
    const first = await register(t.app, email);
    const second = await t.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);

    await t.http.post('/api/auth/password/forgot').send({ email: email.toUpperCase() }).expect(202);
    await t.http.post('/api/auth/password/forgot').send({ email }).expect(202);
    const older = await t.mailedToken(email, SUBJECTS.reset);
    const token = await t.mailedToken(email, SUBJECTS.reset);
    const [row] = await sql<{ minutes: number }>(
      t.app,
      `SELECT extract(epoch FROM expires_at - created_at) / 60 AS minutes FROM account_tokens
        WHERE user_id = $1 AND purpose = 'password_reset' LIMIT 1`,
      [first.user.id],
    );
    expect(Number(row.minutes)).toBeCloseTo(30, 1);

    const res = await t.http
      .post('/api/auth/password/reset')
      .send({ token, password: NEW_PASSWORD })
      .expect(200);
    expect(res.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      user: { id: first.user.id, email, emailVerified: true },
    });
    await t.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(401);
    await t.http.post('/api/auth/login').send({ email, password: NEW_PASSWORD }).expect(200);
    // Every refresh token from before the reset is revoked; the reset's own session works.
    await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: res.body.refreshToken }).expect(200);

    const used = await t.http
      .post('/api/auth/password/reset')
      .send({ token, password: NEW_PASSWORD })
      .expect(410);
    expect(used.body.code).toBe('TOKEN_USED');
    // The other outstanding link ended with the reset.
    const stale = await t.http
      .post('/api/auth/password/reset')
      .send({ token: older, password: PASSWORD })
      .expect(410);
    expect(stale.body.code).toBe('TOKEN_USED');
    expect(await auditCount(t.app, 'account.password_reset')).toBeGreaterThanOrEqual(1);
    await t.mailbox.waitFor((m) => m.subject === SUBJECTS.passwordChanged);
  });

  it('unknown email: the same 202 and body, no token, no mail; audited', async () => {
    const known = uniqueEmail('known');
    await register(t.app, known);
    const unknown = uniqueEmail('nobody');
    const a = await t.http.post('/api/auth/password/forgot').send({ email: known }).expect(202);
    const b = await t.http.post('/api/auth/password/forgot').send({ email: unknown }).expect(202);
    expect(b.body).toEqual(a.body);
    expect(Object.keys(b.headers).sort()).toEqual(Object.keys(a.headers).sort());
    // The known one's mail arrives; by then the unknown one's would have too.
    await t.mailedToken(known, SUBJECTS.reset);
    expect(t.mailbox.to(unknown)).toHaveLength(0);
    const [log] = await sql<{ user_id: string | null; details: { sent: boolean } }>(
      t.app,
      `SELECT user_id, details FROM logs WHERE action = 'account.password_reset_request' AND details->>'email' = $1`,
      [unknown],
    );
    expect(log).toEqual({ user_id: null, details: expect.objectContaining({ sent: false }) });
  });

  it('forgot takes about as long for an unknown email as for an existing one (median of 9 each)', async () => {
    const existing = uniqueEmail('timed');
    await register(t.app, existing);
    const known: number[] = [];
    const unknown: number[] = [];
    const time = async (email: string): Promise<number> => {
      const start = performance.now();
      await t.http.post('/api/auth/password/forgot').send({ email }).expect(202);
      return performance.now() - start;
    };
    for (let i = 0; i < 9; i += 1) {
      // Interleaved, so that load on the machine hits both series alike.
      known.push(await time(existing));
      unknown.push(await time(uniqueEmail('ghost')));
    }
    const [k, u] = [median(known), median(unknown)];
    expect(Math.abs(k - u)).toBeLessThan(Math.max(20, 0.15 * Math.max(k, u)));
  });

  it('bad inputs: weak password 400 (token still usable), unknown/forged 400 TOKEN_INVALID, expired 410', async () => {
    const email = uniqueEmail('careful');
    const session = await register(t.app, email);
    await t.http.post('/api/auth/password/forgot').send({ email }).expect(202);
    const token = await t.mailedToken(email, SUBJECTS.reset);

    const weak = await t.http.post('/api/auth/password/reset').send({ token, password: 'short' }).expect(400);
    expect(weak.body.code).toBe('VALIDATION_FAILED');
    await t.http
      .post('/api/auth/password/reset')
      .send({ token, password: 'x'.repeat(257) })
      .expect(400);
    for (const bogus of [unknownToken(), 'forged', `${token}x`]) {
      const res = await t.http
        .post('/api/auth/password/reset')
        .send({ token: bogus, password: NEW_PASSWORD })
        .expect(400);
      expect(res.body.code).toBe('TOKEN_INVALID');
    }
    await sql(
      t.app,
      `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [session.user.id],
    );
    const expired = await t.http
      .post('/api/auth/password/reset')
      .send({ token, password: NEW_PASSWORD })
      .expect(410);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
    await t.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    await t.http.post('/api/auth/password/forgot').send({ email: 'not an email' }).expect(400);
  });

  it('two resets with the same token at once: exactly one 200, the other 410 TOKEN_USED', async () => {
    const email = uniqueEmail('racer');
    await register(t.app, email);
    await t.http.post('/api/auth/password/forgot').send({ email }).expect(202);
    const token = await t.mailedToken(email, SUBJECTS.reset);
    const results = await Promise.all(
      ['first new password', 'second new password'].map((password) =>
        t.http.post('/api/auth/password/reset').send({ token, password }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(results.find((r) => r.status === 410)?.body.code).toBe('TOKEN_USED');
    const winner = results[0].status === 200 ? 'first new password' : 'second new password';
    await t.http.post('/api/auth/login').send({ email, password: winner }).expect(200);
    expect(
      await sql(t.app, `SELECT 1 FROM logs WHERE action = 'account.password_reset' AND user_id = $1`, [
        results.find((r) => r.status === 200)?.body.user.id,
      ]),
    ).toHaveLength(1);
  });
});
