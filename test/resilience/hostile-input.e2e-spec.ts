/** Hostile bodies and tokens: answered 400/401 with the usual error shape, never 500, nothing polluted. */
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { MAX_BODY_DEPTH } from '../../src/common/http/body-guards';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TEST_JWT_SECRET } from '../support/constants';
import { createTestDatabase, TestDatabase } from '../support/database';

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An HS256 token signed with the app's secret but with exactly the claims given (no exp added). */
const signRaw = (payload: object): string => {
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${unsigned}.${createHmac('sha256', TEST_JWT_SECRET).update(unsigned).digest('base64url')}`;
};
const nested = (depth: number, open: string, close: string, inner = '1'): string =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

describe('hostile input', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let customer: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    customer = await createTestUser(app, 'customer');
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  const postJson = (path: string, raw: string) =>
    http().post(path).set('Content-Type', 'application/json').send(raw);

  describe('deeply nested JSON', () => {
    it.each([
      ['arrays', nested(5000, '[', ']')],
      ['objects', nested(5000, '{"a":', '}')],
      ['objects inside a real field', `{"email":"a@b.test","password":${nested(20000, '[', ']')}}`],
    ])('5000+ levels of %s → 400 BODY_TOO_DEEP (not a stack overflow 500)', async (_kind, raw) => {
      const res = await postJson('/api/auth/login', raw).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        code: 'BODY_TOO_DEEP',
        message: `The request body is nested more than ${MAX_BODY_DEPTH} levels deep`,
        details: { maxDepth: MAX_BODY_DEPTH },
      });
    });

    it('on authenticated routes too, before any validation', async () => {
      const res = await http()
        .patch('/api/me')
        .set(bearer(customer))
        .set('Content-Type', 'application/json')
        .send(`{"fullName":${nested(MAX_BODY_DEPTH, '{"x":', '}', '"y"')}}`)
        .expect(400);
      expect(res.body.code).toBe('BODY_TOO_DEEP');
    });

    it(`exactly ${MAX_BODY_DEPTH} levels is not refused for its depth (the validation pipe answers)`, async () => {
      const res = await postJson('/api/auth/login', nested(MAX_BODY_DEPTH - 1, '{"a":', '}')).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('prototype keys', () => {
    afterEach(() => {
      // Whatever the app did, the shared prototype must be untouched.
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });

    it.each([
      [
        '__proto__ at the top',
        '{"email":"a@b.test","password":"x","__proto__":{"polluted":true}}',
        '__proto__',
      ],
      [
        'constructor at the top',
        '{"email":"a@b.test","password":"x","constructor":{"prototype":{"polluted":1}}}',
        'constructor',
      ],
      ['prototype at the top', '{"email":"a@b.test","password":"x","prototype":{"polluted":1}}', 'prototype'],
    ])('%s → 400 VALIDATION_FAILED naming the property', async (_what, raw, key) => {
      const res = await postJson('/api/auth/login', raw).expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: `property ${key} should not exist`,
        details: [{ field: key, errors: [`property ${key} should not exist`] }],
      });
    });

    it('at any depth, with the path in details (an authenticated PATCH)', async () => {
      const res = await http()
        .patch('/api/me')
        .set(bearer(customer))
        .set('Content-Type', 'application/json')
        .send('{"fullName":"Eve","extra":[{"deep":{"__proto__":{"polluted":true}}}]}')
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'extra.0.deep.__proto__' }],
      });
      // Nothing was written.
      const me = await http().get('/api/me').set(bearer(customer)).expect(200);
      expect(me.body.fullName).not.toBe('Eve');
    });

    it('a __proto__ that would swap the DTO prototype cannot smuggle a role change', async () => {
      const res = await http()
        .patch('/api/me')
        .set(bearer(customer))
        .set('Content-Type', 'application/json')
        .send('{"__proto__":{"role":"super_admin"},"role":"super_admin"}')
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const me = await http().get('/api/me').set(bearer(customer)).expect(200);
      expect(me.body.role).toBe('customer');
    });

    it('form bodies too (qs drops __proto__; constructor is refused)', async () => {
      const res = await http()
        .post('/api/auth/login')
        .type('form')
        .send('email=a%40b.test&password=x&constructor[prototype][polluted]=1')
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('access tokens', () => {
    const claims = () => ({ sub: customer.id, email: customer.email, role: 'customer', typ: 'access' });
    const now = () => Math.floor(Date.now() / 1000);
    const me = (token: string) => http().get('/api/me').set('Authorization', `Bearer ${token}`);

    it('control: a hand-signed token with iat and exp works', async () => {
      await me(signRaw({ ...claims(), iat: now(), exp: now() + 60 })).expect(200);
      await me(await app.get(JwtService).signAsync(claims())).expect(200);
    });

    it.each([
      ['no exp (it would never expire)', () => ({ ...claims(), iat: now() })],
      ['neither iat nor exp', () => claims()],
      ['no iat', () => ({ ...claims(), exp: now() + 60 })],
      ['exp not a number', () => ({ ...claims(), iat: now(), exp: 'never' })],
      ['issued in the future', () => ({ ...claims(), iat: now() + 3600, exp: now() + 7200 })],
      ['exp before iat', () => ({ ...claims(), iat: now(), exp: now() - 1 })],
    ])('%s → 401', async (_what, payload) => {
      const res = await me(signRaw(payload())).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
    });
  });
});
