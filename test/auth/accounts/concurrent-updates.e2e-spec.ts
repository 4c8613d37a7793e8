import { Client } from 'pg';
import request from 'supertest';
import { PASSWORD, register, sql, uniqueEmail } from '../auth-helpers';
import { AccountsApp, bearerOf, startAccountsApp } from './accounts-helpers';

/**
 * The password is checked before the transaction (argon2 is slow); the transaction re-reads the row
 * under lock and must refuse if the password changed in between. Made deterministic by holding the
 * profile's row lock in another connection, changing the hash there, and committing only once the
 * request waits for that lock.
 */
describe('a password change racing POST /me/password and DELETE /me → 409 CONCURRENT_UPDATE', () => {
  let t: AccountsApp;
  let holder: Client;

  beforeAll(async () => {
    t = await startAccountsApp();
    holder = new Client({ connectionString: t.db.url });
    await holder.connect();
  });

  afterAll(async () => {
    await holder?.end();
    await t?.close();
  });

  async function waitUntilSomeoneWaitsForALock(): Promise<void> {
    for (let i = 0; i < 200; i += 1) {
      // holder is inside its transaction, where pg_stat_activity is a snapshot taken at the first read.
      await holder.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await holder.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the request never waited for the profile lock');
  }

  async function raceWithPasswordChange(userId: string, send: () => request.Test): Promise<request.Response> {
    const [{ password_hash: otherHash }] = await sql<{ password_hash: string }>(
      t.app,
      `SELECT password_hash FROM profiles WHERE password_hash IS NOT NULL AND id <> $1 LIMIT 1`,
      [userId],
    );
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM profiles WHERE id = $1 FOR UPDATE', [userId]);
    const pending = send().then((res) => res);
    await waitUntilSomeoneWaitsForALock();
    await holder.query('UPDATE profiles SET password_hash = $2 WHERE id = $1', [userId, otherHash]);
    await holder.query('COMMIT');
    return pending;
  }

  it('POST /me/password', async () => {
    await register(t.app, uniqueEmail('donor'), 'the other password');
    const session = await register(t.app, uniqueEmail('raced'));
    const res = await raceWithPasswordChange(session.user.id, () =>
      t.http
        .post('/api/me/password')
        .set(bearerOf(session.accessToken))
        .send({ currentPassword: PASSWORD, newPassword: 'the password I wanted' }),
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONCURRENT_UPDATE');
    await t.http
      .post('/api/auth/login')
      .send({ email: session.user.email, password: 'the other password' })
      .expect(200);
  });

  it('DELETE /me', async () => {
    await register(t.app, uniqueEmail('donor'), 'the other password');
    const session = await register(t.app, uniqueEmail('raced'));
    const res = await raceWithPasswordChange(session.user.id, () =>
      t.http.delete('/api/me').set(bearerOf(session.accessToken)).send({ password: PASSWORD }),
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONCURRENT_UPDATE');
    const [row] = await sql<{ email: string; deleted_at: Date | null }>(
      t.app,
      'SELECT email, deleted_at FROM profiles WHERE id = $1',
      [session.user.id],
    );
    expect(row).toEqual({ email: session.user.email, deleted_at: null });
  });

  it('malformed JSON → 400 on the body-less routes too', async () => {
    const session = await register(t.app, uniqueEmail('sloppy'));
    for (const path of ['/api/auth/verify-email/request', '/api/auth/logout-all']) {
      const res = await t.http
        .post(path)
        .set(bearerOf(session.accessToken))
        .set('Content-Type', 'application/json')
        .send('{"oops":');
      expect(res.status).toBe(400);
    }
  });
});
