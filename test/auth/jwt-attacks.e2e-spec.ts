import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestUser, TestUser } from '../support/auth';
import { TEST_JWT_SECRET } from '../support/constants';
import { createTestDatabase, TestDatabase } from '../support/database';
import { PASSWORD, register, sql } from './auth-helpers';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT assembled by hand, so that the header can say anything. */
function forge(header: object, payload: object, secret?: string): string {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  const signature = secret ? createHmac('sha256', secret).update(unsigned).digest('base64url') : '';
  return `${unsigned}.${signature}`;
}

describe('JWT attacks → 401', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let customer: TestUser;
  let claims: { sub: string; email: string; role: string; typ: 'access' };
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    http = request(app.getHttpServer());
    customer = await createTestUser(app, 'customer');
    claims = { sub: customer.id, email: customer.email, role: 'customer', typ: 'access' };
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  async function expect401(token: string, path = '/api/me'): Promise<void> {
    const res = await http.get(path).set('Authorization', `Bearer ${token}`).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
  }

  it('control: a genuine token works, and the forger makes genuine tokens', async () => {
    await http.get('/api/me').set('Authorization', `Bearer ${customer.token}`).expect(200);
    const handmade = forge(
      { alg: 'HS256', typ: 'JWT' },
      { ...claims, iat: now(), exp: now() + 60 },
      TEST_JWT_SECRET,
    );
    await http.get('/api/me').set('Authorization', `Bearer ${handmade}`).expect(200);
  });

  it('alg "none" (unsigned)', async () => {
    await expect401(forge({ alg: 'none', typ: 'JWT' }, { ...claims, iat: now(), exp: now() + 60 }));
  });

  it('alg "none" claiming admin on an admin route', async () => {
    const token = forge({ alg: 'none' }, { ...claims, role: 'super_admin', iat: now(), exp: now() + 60 });
    await expect401(token, '/api/admin/customers');
  });

  it('another HMAC algorithm (HS512) with the right secret', async () => {
    const unsigned = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64({ ...claims, iat: now(), exp: now() + 60 })}`;
    const signature = createHmac('sha512', TEST_JWT_SECRET).update(unsigned).digest('base64url');
    await expect401(`${unsigned}.${signature}`);
  });

  it('wrong signature (another secret)', async () => {
    await expect401(
      forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now(), exp: now() + 60 }, 'x'.repeat(40)),
    );
  });

  it('a tampered payload (role raised) with the original signature', async () => {
    const [header, , signature] = customer.token.split('.');
    const raised = b64({ ...claims, role: 'super_admin', iat: now(), exp: now() + 60 });
    await expect401(`${header}.${raised}.${signature}`, '/api/admin/customers');
  });

  it('expired', async () => {
    await expect401(
      forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now() - 1000, exp: now() - 10 }, TEST_JWT_SECRET),
    );
  });

  it('a token that passed (and is remembered) still expires on time', async () => {
    // exp one to two seconds away: accepted now, then refused once the clock passes it.
    const exp = now() + 2;
    const token = forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now(), exp }, TEST_JWT_SECRET);
    await http.get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
    await http.get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
    await expect401(token);
  });

  it('the Bearer scheme in any case, no other scheme, no edited signature', async () => {
    await http.get('/api/me').set('Authorization', `bearer ${customer.token}`).expect(200);
    await http.get('/api/me').set('Authorization', `BEARER ${customer.token}`).expect(200);
    await expect401(`${customer.token.slice(0, -2)}xx`);
    const res = await http.get('/api/me').set('Authorization', `Token ${customer.token}`).expect(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
  });

  it('token of a deleted user', async () => {
    const doomed = await createTestUser(app, 'customer');
    await http.get('/api/me').set('Authorization', `Bearer ${doomed.token}`).expect(200);
    await sql(app, 'DELETE FROM profiles WHERE id = $1', [doomed.id]);
    await expect401(doomed.token);
  });

  it('a refresh token used as an access token', async () => {
    const session = await register(app);
    await expect401(session.refreshToken);
  });

  it('typ missing, or typ other than "access", even when correctly signed', async () => {
    const jwt = app.get(JwtService);
    await expect401(await jwt.signAsync({ sub: customer.id, email: customer.email, role: 'customer' }));
    await expect401(await jwt.signAsync({ ...claims, typ: 'refresh' }));
  });

  it('a sub that is not a UUID, and garbage', async () => {
    const jwt = app.get(JwtService);
    await expect401(await jwt.signAsync({ ...claims, sub: 'not-a-uuid' }));
    await expect401('garbage');
    const res = await http.get('/api/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
  });

  it('a bad token is refused even on a public route where identity matters (no silent downgrade to anonymous)', async () => {
    // The cart: a logged-in customer whose token went bad must not silently get a guest cart.
    const res = await http
      .get('/api/stores/any-store/cart')
      .set('Authorization', 'Bearer garbage')
      .expect(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
  });

  it('credential exchanges ignore the Authorization header: refresh with an expired access token works', async () => {
    const session = await register(app);
    const expired = forge(
      { alg: 'HS256', typ: 'JWT' },
      { ...claims, iat: now() - 1000, exp: now() - 60 },
      TEST_JWT_SECRET,
    );
    for (const token of [expired, 'garbage']) {
      const res = await http
        .post('/api/auth/refresh')
        .set('Authorization', `Bearer ${token}`)
        .send({ refreshToken: session.refreshToken })
        .expect(200);
      session.refreshToken = res.body.refreshToken;
    }
    await http
      .post('/api/auth/login')
      .set('Authorization', 'Bearer garbage')
      .send({ email: session.user.email, password: PASSWORD })
      .expect(200);
    // The header gives no identity either: a bad password is still a 401 INVALID_CREDENTIALS.
    const res = await http
      .post('/api/auth/login')
      .set('Authorization', `Bearer ${customer.token}`)
      .send({ email: session.user.email, password: 'wrong password' })
      .expect(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('a role claimed in the token is not trusted: the role is read from the database', async () => {
    const jwt = app.get(JwtService);
    const claimsAdmin = await jwt.signAsync({ ...claims, role: 'super_admin' });
    const res = await http
      .get('/api/admin/customers')
      .set('Authorization', `Bearer ${claimsAdmin}`)
      .expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });
});
