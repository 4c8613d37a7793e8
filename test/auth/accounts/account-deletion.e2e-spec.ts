import { PASSWORD, register, sql, uniqueEmail } from '../auth-helpers';
import { AccountsApp, bearerOf, startAccountsApp, SUBJECTS } from './accounts-helpers';

describe('DELETE /me: closing an account', () => {
  let t: AccountsApp;
  let storeId: string;

  beforeAll(async () => {
    t = await startAccountsApp();
    [{ id: storeId }] = await sql<{ id: string }>(
      t.app,
      `INSERT INTO stores (slug, name) VALUES ('closing', 'Closing') RETURNING id`,
    );
  });

  afterAll(() => t?.close());

  it('204 with the password: profile and addresses anonymised, orders kept, no more login, email free', async () => {
    const email = uniqueEmail('leaver');
    const session = await register(t.app, email);
    await t.http
      .patch('/api/me')
      .set(bearerOf(session.accessToken))
      .send({ fullName: 'Ada Leaver', phone: '+44 1234' })
      .expect(200);
    const address = await t.http
      .post('/api/me/addresses')
      .set(bearerOf(session.accessToken))
      .send({
        fullName: 'Ada Leaver',
        phone: '+44 1234',
        addressLine1: '1 Secret Lane',
        city: 'London',
        state: 'LDN',
        postalCode: 'N1 1AA',
        country: 'GB',
      })
      .expect(201);
    const [order] = await sql<{ id: string }>(
      t.app,
      `INSERT INTO orders (store_id, user_id, order_number, subtotal, total, shipping_address_id)
       VALUES ($1, $2, generate_order_number(), 10, 10, $3) RETURNING id`,
      [storeId, session.user.id, address.body.id],
    );
    // An outstanding link must die with the account.
    await t.http.post('/api/auth/password/forgot').send({ email }).expect(202);
    const resetToken = await t.mailedToken(email, SUBJECTS.reset);

    await t.http
      .delete('/api/me')
      .set(bearerOf(session.accessToken))
      .send({ password: PASSWORD })
      .expect(204);

    const [profile] = await sql<Record<string, unknown>>(
      t.app,
      `SELECT email, full_name, phone, password_hash, role, email_verified, deleted_at IS NOT NULL AS closed
         FROM profiles WHERE id = $1`,
      [session.user.id],
    );
    expect(profile).toEqual({
      email: `closed-${session.user.id}@deleted.invalid`,
      full_name: null,
      phone: null,
      password_hash: null,
      role: 'customer',
      email_verified: false,
      closed: true,
    });
    const [addr] = await sql<Record<string, unknown>>(
      t.app,
      `SELECT full_name, phone, address_line1, address_line2, city, state, postal_code FROM addresses WHERE id = $1`,
      [address.body.id],
    );
    expect(Object.values(addr).every((v) => v === '' || v === null)).toBe(true);
    expect(
      await sql(t.app, 'SELECT 1 FROM orders WHERE id = $1 AND user_id = $2', [order.id, session.user.id]),
    ).toHaveLength(1);
    // The audit row of the closure names nobody.
    const [log] = await sql<{ details: string }>(
      t.app,
      `SELECT details::text FROM logs WHERE action = 'account.delete' AND entity_id = $1`,
      [session.user.id],
    );
    expect(log.details).not.toContain(email);
    expect(log.details).not.toContain('Ada');

    await t.http.get('/api/me').set(bearerOf(session.accessToken)).expect(401);
    await t.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    const reset = await t.http
      .post('/api/auth/password/reset')
      .send({ token: resetToken, password: PASSWORD })
      .expect(410);
    expect(reset.body.code).toBe('TOKEN_USED');
    const again = await register(t.app, email);
    expect(again.user.id).not.toBe(session.user.id);
  });

  it('wrong password → 401 INVALID_CREDENTIALS and nothing changes; no body → 400', async () => {
    const session = await register(t.app, uniqueEmail('stayer'));
    const res = await t.http
      .delete('/api/me')
      .set(bearerOf(session.accessToken))
      .send({ password: 'not my password' })
      .expect(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
    await t.http.delete('/api/me').set(bearerOf(session.accessToken)).send({}).expect(400);
    const me = await t.http.get('/api/me').set(bearerOf(session.accessToken)).expect(200);
    expect(me.body.email).toBe(session.user.email);
    await t.http.delete('/api/me').send({ password: PASSWORD }).expect(401);
  });
});
