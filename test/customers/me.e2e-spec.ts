/** GET/PATCH /api/me: the caller's own profile; role and email are not theirs to change. */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { TestDatabase } from '../support/database';
import { PASSWORD, register, Session, uniqueEmail } from '../auth/auth-helpers';

describe('/api/me', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let session: Session;
  const http = () => request(app.getHttpServer());
  const auth = () => ({ Authorization: `Bearer ${session.accessToken}` });
  const auditCount = async () => Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count);
  const profileRow = async () =>
    (await sql.query(`SELECT * FROM profiles WHERE id = $1`, [session.user.id])).rows[0] as Record<
      string,
      unknown
    >;

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    session = await register(app, uniqueEmail('me'));
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  it('GET: exactly {id, email, fullName, phone, role, emailVerified, createdAt}, never the hash', async () => {
    const res = await http().get('/api/me').set(auth()).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(
      ['createdAt', 'email', 'emailVerified', 'fullName', 'id', 'phone', 'role'].sort(),
    );
    expect(res.body).toEqual(
      expect.objectContaining({ id: session.user.id, email: session.user.email, role: 'customer' }),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
  });

  it('PATCH fullName and phone: 200 with the new profile, stored, one audit row with before/after', async () => {
    const before = await auditCount();
    const res = await http()
      .patch('/api/me')
      .set(auth())
      .send({ fullName: 'Grace Hopper', phone: '+1 555 0199' })
      .expect(200);
    expect(res.body).toEqual(expect.objectContaining({ fullName: 'Grace Hopper', phone: '+1 555 0199' }));
    expect(await profileRow()).toEqual(
      expect.objectContaining({ full_name: 'Grace Hopper', phone: '+1 555 0199', role: 'customer' }),
    );
    expect(await auditCount()).toBe(before + 1);
    const log = await sql.query(
      `SELECT action, user_id, entity_id, details FROM logs ORDER BY created_at DESC LIMIT 1`,
    );
    expect(log.rows[0]).toEqual({
      action: 'profile.update',
      user_id: session.user.id,
      entity_id: session.user.id,
      details: {
        fullName: { before: null, after: 'Grace Hopper' },
        phone: { before: null, after: '+1 555 0199' },
      },
    });
  });

  it('PATCH null clears a field; the same values again change nothing and audit nothing', async () => {
    await http().patch('/api/me').set(auth()).send({ phone: null }).expect(200);
    expect((await profileRow()).phone).toBeNull();
    const before = await auditCount();
    await http().patch('/api/me').set(auth()).send({ phone: null, fullName: 'Grace Hopper' }).expect(200);
    expect(await auditCount()).toBe(before);
  });

  it.each([
    ['role (a customer can never raise their own role)', { role: 'super_admin' }],
    ['role alongside an allowed field', { fullName: 'X', role: 'admin' }],
    ['email', { email: uniqueEmail() }],
    ['emailVerified', { emailVerified: true }],
    ['id', { id: '00000000-0000-0000-0000-000000000000' }],
    ['passwordHash', { passwordHash: 'x' }],
    ['a fullName that is not a string', { fullName: 42 }],
    ['a fullName over 200 characters', { fullName: 'x'.repeat(201) }],
  ])('PATCH 400 VALIDATION_FAILED for %s; nothing changes, nothing audited', async (_name, body) => {
    const before = { profile: await profileRow(), audit: await auditCount() };
    const res = await http().patch('/api/me').set(auth()).send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect({ profile: await profileRow(), audit: await auditCount() }).toEqual(before);
  });

  it('a role in the register body is refused (400) and creates nobody', async () => {
    const email = uniqueEmail('climber');
    const res = await http().post('/api/auth/register').send({ email, password: PASSWORD, role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect((await sql.query(`SELECT 1 FROM profiles WHERE email = $1`, [email])).rowCount).toBe(0);
    // And a plain registration is always a customer.
    const plain = await register(app, email);
    expect(plain.user.role).toBe('customer');
  });

  it('a token whose profile was promoted meanwhile sees the new role (role read from the database)', async () => {
    await sql.query(`UPDATE profiles SET role = 'admin' WHERE id = $1`, [session.user.id]);
    try {
      const res = await http().get('/api/me').set(auth()).expect(200);
      expect(res.body.role).toBe('admin');
    } finally {
      await sql.query(`UPDATE profiles SET role = 'customer' WHERE id = $1`, [session.user.id]);
    }
  });

  it('401 without a token', async () => {
    await http().get('/api/me').expect(401);
    await http().patch('/api/me').send({ fullName: 'X' }).expect(401);
  });
});
