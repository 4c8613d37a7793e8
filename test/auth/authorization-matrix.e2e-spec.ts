/**
 * Who may call what, for every route of the auth/customers/audit issue: one row per route, one
 * column per caller (anonymous, customer A, customer B, admin, super admin), each cell the expected
 * status. Every cell is a fresh request with its own data, so a cell never depends on another's outcome.
 */
import { INestApplication } from '@nestjs/common';
import request, { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { PASSWORD, register, uniqueEmail } from './auth-helpers';

const ACTORS = ['anonymous', 'customerA', 'customerB', 'admin', 'superAdmin'] as const;
type Actor = (typeof ACTORS)[number];

interface Call {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  body?: object;
}

interface Row {
  route: string;
  expected: Record<Actor, number>;
  /** Builds the request for one cell (creating whatever data it needs). */
  prepare: (actor: Actor) => Promise<Call>;
  /** Checks the database after the cell (e.g. a refused delete deleted nothing). */
  verify?: (actor: Actor, res: Response, call: Call) => Promise<void>;
}

/** The same status for every caller (public routes). */
const everyone = (status: number): Record<Actor, number> => ({
  anonymous: status,
  customerA: status,
  customerB: status,
  admin: status,
  superAdmin: status,
});
/** Any logged-in caller. */
const loggedIn = (status: number): Record<Actor, number> => ({ ...everyone(status), anonymous: 401 });
const adminOnly = (status: number): Record<Actor, number> => ({
  anonymous: 401,
  customerA: 403,
  customerB: 403,
  admin: status,
  superAdmin: status,
});
/**
 * A profile the admin's stores never sold to (store staff, issue 14): it does not exist for them; a
 * super admin sees every profile (test/customers/admin-customers-scope for the per-store cases).
 */
const superSeesIt = (status: number): Record<Actor, number> => ({ ...adminOnly(status), admin: 404 });
/** Only the owner of the address, customer B; to anyone else it does not exist. */
const bOwns = (status: number): Record<Actor, number> => ({
  anonymous: 401,
  customerA: 404,
  customerB: status,
  admin: 404,
  superAdmin: 404,
});

const ADDRESS = {
  fullName: 'B Owner',
  phone: '+1 555 0100',
  addressLine1: '1 Main St',
  city: 'Springfield',
  state: 'IL',
  postalCode: '62701',
  country: 'US',
};

describe('authorisation matrix: auth, /me, addresses, admin customers, audit logs', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
  const http = () => request(app.getHttpServer());
  const sql = <T>(text: string, params: unknown[] = []) => app.get(DataSource).query<T[]>(text, params);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    users = {
      customerA: await createTestUser(app, 'customer'),
      customerB: await createTestUser(app, 'customer'),
      admin: await createTestUser(app, 'admin'),
      superAdmin: await createTestUser(app, 'super_admin'),
    };
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  const addressOfB = async (): Promise<string> => {
    const res = await http().post('/api/me/addresses').set(bearer(users.customerB)).send(ADDRESS).expect(201);
    return res.body.id as string;
  };
  const newInvitationToken = async (): Promise<string> => {
    const res = await http()
      .post('/api/admin/invitations')
      .set(bearer(users.superAdmin))
      .send({ email: uniqueEmail('invitee') })
      .expect(201);
    return res.body.token as string;
  };
  const roleOf = async (id: string): Promise<string> =>
    (await sql<{ role: string }>(`SELECT role FROM profiles WHERE id = $1`, [id]))[0].role;

  const rows: Row[] = [
    {
      route: 'POST /auth/register',
      expected: everyone(201),
      prepare: async () => ({
        method: 'post',
        path: '/api/auth/register',
        body: { email: uniqueEmail(), password: PASSWORD },
      }),
    },
    {
      route: 'POST /auth/register with a role in the body',
      expected: everyone(400),
      prepare: async () => ({
        method: 'post',
        path: '/api/auth/register',
        body: { email: uniqueEmail(), password: PASSWORD, role: 'super_admin' },
      }),
      verify: async (_actor, _res, call) => {
        const email = (call.body as { email: string }).email;
        expect(await sql(`SELECT 1 FROM profiles WHERE email = $1`, [email])).toHaveLength(0);
      },
    },
    {
      route: 'POST /auth/login',
      expected: everyone(200),
      prepare: async () => {
        const session = await register(app);
        return {
          method: 'post',
          path: '/api/auth/login',
          body: { email: session.user.email, password: PASSWORD },
        };
      },
    },
    {
      route: 'POST /auth/refresh',
      expected: everyone(200),
      prepare: async () => {
        const session = await register(app);
        return { method: 'post', path: '/api/auth/refresh', body: { refreshToken: session.refreshToken } };
      },
    },
    {
      route: 'POST /auth/logout',
      expected: loggedIn(204),
      prepare: async () => ({ method: 'post', path: '/api/auth/logout', body: {} }),
    },
    {
      route: 'POST /auth/invitations/accept',
      expected: everyone(201),
      prepare: async () => ({
        method: 'post',
        path: '/api/auth/invitations/accept',
        body: { token: await newInvitationToken(), password: PASSWORD },
      }),
      verify: async (_actor, res) => {
        expect(res.body.user.role).toBe('admin');
      },
    },
    {
      route: 'GET /me',
      expected: loggedIn(200),
      prepare: async () => ({ method: 'get', path: '/api/me' }),
      verify: async (actor, res) => {
        if (actor === 'anonymous') return;
        expect(res.body.id).toBe(users[actor].id);
        expect(res.body).not.toHaveProperty('passwordHash');
      },
    },
    {
      route: 'PATCH /me {fullName}',
      expected: loggedIn(200),
      prepare: async () => ({ method: 'patch', path: '/api/me', body: { fullName: 'Renamed' } }),
    },
    {
      route: 'PATCH /me {role} (nobody raises their own role)',
      expected: loggedIn(400),
      prepare: async () => ({ method: 'patch', path: '/api/me', body: { role: 'super_admin' } }),
      verify: async (actor) => {
        if (actor !== 'anonymous') expect(await roleOf(users[actor].id)).toBe(users[actor].role);
      },
    },
    {
      route: 'PATCH /me {email}',
      expected: loggedIn(400),
      prepare: async () => ({ method: 'patch', path: '/api/me', body: { email: uniqueEmail() } }),
    },
    {
      route: 'GET /me/addresses',
      expected: loggedIn(200),
      prepare: async () => ({ method: 'get', path: '/api/me/addresses' }),
    },
    {
      route: 'POST /me/addresses',
      expected: loggedIn(201),
      prepare: async () => ({ method: 'post', path: '/api/me/addresses', body: ADDRESS }),
    },
    {
      route: "PATCH /me/addresses/:id (B's address)",
      expected: bOwns(200),
      prepare: async () => ({
        method: 'patch',
        path: `/api/me/addresses/${await addressOfB()}`,
        body: { city: 'Hijacked' },
      }),
      verify: async (actor, _res, call) => {
        const id = call.path.split('/').pop();
        const [row] = await sql<{ city: string }>(`SELECT city FROM addresses WHERE id = $1`, [id]);
        expect(row.city).toBe(actor === 'customerB' ? 'Hijacked' : ADDRESS.city);
      },
    },
    {
      route: "DELETE /me/addresses/:id (B's address)",
      expected: bOwns(204),
      prepare: async () => ({ method: 'delete', path: `/api/me/addresses/${await addressOfB()}` }),
      verify: async (actor, _res, call) => {
        const id = call.path.split('/').pop();
        const rows = await sql(`SELECT 1 FROM addresses WHERE id = $1`, [id]);
        expect(rows).toHaveLength(actor === 'customerB' ? 0 : 1);
      },
    },
    {
      route: 'POST /admin/invitations (super only)',
      expected: { anonymous: 401, customerA: 403, customerB: 403, admin: 403, superAdmin: 201 },
      prepare: async () => ({
        method: 'post',
        path: '/api/admin/invitations',
        body: { email: uniqueEmail() },
      }),
      verify: async (actor, _res, call) => {
        const email = (call.body as { email: string }).email;
        const rows = await sql(`SELECT 1 FROM admin_invitations WHERE email = $1`, [email]);
        expect(rows).toHaveLength(actor === 'superAdmin' ? 1 : 0);
      },
    },
    {
      route: 'GET /admin/customers',
      expected: adminOnly(200),
      prepare: async () => ({ method: 'get', path: '/api/admin/customers' }),
    },
    {
      route: 'GET /admin/customers/:id',
      expected: superSeesIt(200),
      prepare: async () => ({ method: 'get', path: `/api/admin/customers/${users.customerA.id}` }),
    },
    {
      route: 'GET /admin/audit-logs',
      expected: adminOnly(200),
      prepare: async () => ({ method: 'get', path: '/api/admin/audit-logs' }),
    },
  ];

  const cells = rows.flatMap((row) => ACTORS.map((actor) => ({ row, actor, status: row.expected[actor] })));

  it.each(cells.map((c) => [c.row.route, c.actor, c.status, c] as const))(
    '%s as %s → %i',
    async (...args) => {
      const { row, actor, status } = args[3];
      const call = await row.prepare(actor);
      let req = http()[call.method](call.path);
      if (actor !== 'anonymous') req = req.set(bearer(users[actor]));
      const res = call.body !== undefined ? await req.send(call.body) : await req;
      if (res.status !== status) {
        throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
      }
      if (status === 401) expect(res.body.code).toBe('UNAUTHORIZED');
      if (status === 403) expect(res.body.code).toBe('FORBIDDEN');
      await row.verify?.(actor, res, call);
    },
  );

  it('the matrix covers every route of the issue', () => {
    const routes = new Set(rows.map((r) => r.route.split(' (')[0].split(' {')[0]));
    expect([...routes].sort()).toEqual(
      [
        'POST /auth/register',
        'POST /auth/register with a role in the body',
        'POST /auth/login',
        'POST /auth/refresh',
        'POST /auth/logout',
        'POST /auth/invitations/accept',
        'GET /me',
        'PATCH /me',
        'GET /me/addresses',
        'POST /me/addresses',
        'PATCH /me/addresses/:id',
        'DELETE /me/addresses/:id',
        'POST /admin/invitations',
        'GET /admin/customers',
        'GET /admin/customers/:id',
        'GET /admin/audit-logs',
      ].sort(),
    );
  });
});
