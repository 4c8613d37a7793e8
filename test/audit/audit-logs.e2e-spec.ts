/**
 * The audit trail: which events write a row (and only on success), that no secret ever lands in it,
 * and GET /api/admin/audit-logs (filters, paging, newest first, 400 for bad filters).
 */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { uniqueEmail } from '../auth/auth-helpers';

const USER_AGENT = 'audit-test-agent/1.0';

interface LogRow {
  action: string;
  user_id: string | null;
  entity_type: string | null;
  entity_id: string | null;
  details: Record<string, unknown> | null;
  ip_address: string | null;
  user_agent: string | null;
}

describe('audit trail', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let superAdmin: TestUser;
  let admin: TestUser;
  const http = () => request(app.getHttpServer());
  const auditCount = async () => Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count);
  const logsSince = async (count: number) =>
    (await sql.query<LogRow>(`SELECT * FROM logs ORDER BY created_at, action OFFSET $1`, [count])).rows;

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    superAdmin = await createTestUser(app, 'super_admin');
    admin = await createTestUser(app, 'admin');
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  describe('recorded events', () => {
    /** Every secret the run below handles: none of them may appear anywhere in `logs`. */
    const secrets: string[] = [];
    const password = 'Sup3r secret passphrase!';
    const newPassword = 'An0ther secret passphrase?';
    const email = uniqueEmail('audited');
    let userId: string;

    it('register, login, failed logins, refresh, reuse, logout: one row each, attributed', async () => {
      const start = await auditCount();
      const reg = await http()
        .post('/api/auth/register')
        .set('User-Agent', USER_AGENT)
        .send({ email, password, fullName: 'Audited' })
        .expect(201);
      userId = reg.body.user.id;
      secrets.push(password, reg.body.accessToken, reg.body.refreshToken);

      const login = await http()
        .post('/api/auth/login')
        .set('User-Agent', USER_AGENT)
        .send({ email, password })
        .expect(200);
      secrets.push(login.body.accessToken, login.body.refreshToken);
      await http()
        .post('/api/auth/login')
        .send({ email, password: `${password}x` })
        .expect(401);
      const unknownEmail = uniqueEmail('ghost');
      await http().post('/api/auth/login').send({ email: unknownEmail, password }).expect(401);

      const refreshed = await http()
        .post('/api/auth/refresh')
        .send({ refreshToken: login.body.refreshToken })
        .expect(200);
      secrets.push(refreshed.body.accessToken, refreshed.body.refreshToken);
      // The rotated token again: reuse → 401, family revoked, audited.
      await http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
      await http()
        .post('/api/auth/logout')
        .set('Authorization', `Bearer ${reg.body.accessToken}`)
        .send({ refreshToken: reg.body.refreshToken })
        .expect(204);

      const rows = await logsSince(start);
      expect(rows.map((r) => [r.action, r.user_id])).toEqual(
        expect.arrayContaining([
          ['auth.register', userId],
          ['auth.login', userId],
          ['auth.login_failed', userId],
          ['auth.login_failed', null],
          ['auth.refresh_reuse', userId],
          ['auth.logout', userId],
        ]),
      );
      // A refresh that simply rotates is not an event of its own; nothing else was written.
      expect(rows).toHaveLength(6);
      const failures = rows.filter((r) => r.action === 'auth.login_failed');
      expect(failures.map((r) => r.details?.reason).sort()).toEqual(['unknown_email', 'wrong_password']);
      expect(failures.find((r) => r.user_id === null)?.details?.email).toBe(unknownEmail);
      const registered = rows.find((r) => r.action === 'auth.register');
      expect(registered).toEqual(
        expect.objectContaining({
          entity_type: 'profile',
          entity_id: userId,
          ip_address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/),
          user_agent: USER_AGENT,
        }),
      );
    });

    it('invitation created and accepted; a promotion by invitation records the role change', async () => {
      const start = await auditCount();
      const newcomer = await http()
        .post('/api/admin/invitations')
        .set(bearer(superAdmin))
        .send({ email: uniqueEmail('newcomer') })
        .expect(201);
      secrets.push(newcomer.body.token);
      const accepted = await http()
        .post('/api/auth/invitations/accept')
        .send({ token: newcomer.body.token, password: newPassword })
        .expect(201);
      secrets.push(accepted.body.accessToken, accepted.body.refreshToken);

      // The customer registered above is invited and accepts: customer → admin. An existing account
      // proves itself with its current password (which the invitation never changes).
      const promotion = await http()
        .post('/api/admin/invitations')
        .set(bearer(superAdmin))
        .send({ email })
        .expect(201);
      secrets.push(promotion.body.token);
      const promoted = await http()
        .post('/api/auth/invitations/accept')
        .send({ token: promotion.body.token, password })
        .expect(201);
      secrets.push(promoted.body.accessToken, promoted.body.refreshToken);
      expect(promoted.body.user).toEqual(expect.objectContaining({ id: userId, role: 'admin' }));

      const rows = await logsSince(start);
      expect(rows.map((r) => [r.action, r.user_id, r.entity_id])).toEqual(
        expect.arrayContaining([
          ['invitation.create', superAdmin.id, newcomer.body.id],
          ['invitation.accept', accepted.body.user.id, newcomer.body.id],
          ['invitation.create', superAdmin.id, promotion.body.id],
          ['invitation.accept', userId, promotion.body.id],
          ['profile.role_change', userId, userId],
        ]),
      );
      expect(rows).toHaveLength(5);
      expect(rows.find((r) => r.action === 'profile.role_change')?.details).toEqual({
        role: { before: 'customer', after: 'admin' },
        via: 'invitation',
      });
    });

    it('no password, password hash or token anywhere in the logs table (every column of every row)', async () => {
      const hashes = [
        ...(
          await sql.query<{ h: string }>(
            `SELECT password_hash AS h FROM profiles WHERE password_hash IS NOT NULL`,
          )
        ).rows,
        ...(await sql.query<{ h: string }>(`SELECT token_hash AS h FROM refresh_tokens`)).rows,
        ...(await sql.query<{ h: string }>(`SELECT token_hash AS h FROM admin_invitations`)).rows,
      ].map((r) => r.h);
      expect(hashes.length).toBeGreaterThanOrEqual(8);
      const needles = [...secrets, newPassword, ...hashes];
      const rows = (await sql.query<{ t: string }>(`SELECT l::text AS t FROM logs l`)).rows.map((r) => r.t);
      expect(rows.length).toBeGreaterThanOrEqual(11);
      const leaks = rows.flatMap((row) =>
        needles.filter((n) => row.includes(n)).map((n) => `${n} in ${row}`),
      );
      expect(leaks).toEqual([]);
      expect(rows.join('\n')).not.toMatch(/argon2|eyJ[A-Za-z0-9_-]{10,}\./);
    });
  });

  describe('admin mutations: one row on success, none on failure', () => {
    it('POST /admin/invitations', async () => {
      const existingAdmin = await createTestUser(app, 'admin');
      const cases: Array<[string, () => request.Test, number]> = [
        ['anonymous', () => http().post('/api/admin/invitations').send({ email: uniqueEmail() }), 401],
        [
          'admin (super only)',
          () => http().post('/api/admin/invitations').set(bearer(admin)).send({ email: uniqueEmail() }),
          403,
        ],
        [
          'bad email',
          () => http().post('/api/admin/invitations').set(bearer(superAdmin)).send({ email: 'nope' }),
          400,
        ],
        [
          'unknown field',
          () =>
            http()
              .post('/api/admin/invitations')
              .set(bearer(superAdmin))
              .send({ email: uniqueEmail(), role: 'super_admin' }),
          400,
        ],
        [
          'already an admin',
          () =>
            http()
              .post('/api/admin/invitations')
              .set(bearer(superAdmin))
              .send({ email: existingAdmin.email }),
          409,
        ],
      ];
      for (const [name, send, status] of cases) {
        const before = await auditCount();
        const res = await send();
        expect({ name, status: res.status }).toEqual({ name, status });
        expect({ name, rows: await auditCount() }).toEqual({ name, rows: before });
      }
      const before = await auditCount();
      const ok = await http()
        .post('/api/admin/invitations')
        .set(bearer(superAdmin))
        .send({ email: uniqueEmail() })
        .expect(201);
      expect(await auditCount()).toBe(before + 1);
      const [row] = await logsSince(before);
      expect(row).toEqual(
        expect.objectContaining({
          action: 'invitation.create',
          user_id: superAdmin.id,
          entity_type: 'admin_invitation',
          entity_id: ok.body.id,
        }),
      );
    });

    it('failed invitation accepts and a duplicate registration write nothing', async () => {
      const invitation = await http()
        .post('/api/admin/invitations')
        .set(bearer(superAdmin))
        .send({ email: uniqueEmail() })
        .expect(201);
      await http()
        .post('/api/auth/invitations/accept')
        .send({ token: invitation.body.token, password: 'long enough password' })
        .expect(201);
      const email = uniqueEmail();
      await http().post('/api/auth/register').send({ email, password: 'long enough password' }).expect(201);

      const before = await auditCount();
      await http()
        .post('/api/auth/invitations/accept')
        .send({ token: invitation.body.token, password: 'long enough password' })
        .expect(410);
      await http()
        .post('/api/auth/invitations/accept')
        .send({ token: 'x'.repeat(43), password: 'long enough password' })
        .expect(404);
      await http().post('/api/auth/invitations/accept').send({ token: invitation.body.token }).expect(400);
      await http().post('/api/auth/register').send({ email, password: 'long enough password' }).expect(409);
      await http().post('/api/auth/register').send({ email: uniqueEmail(), password: 'short' }).expect(400);
      expect(await auditCount()).toBe(before);
    });
  });

  describe('GET /api/admin/audit-logs', () => {
    const actorA = randomUUID();
    const actorB = randomUUID();
    const widget = randomUUID();
    const hour = (h: number) => new Date(Date.UTC(2030, 0, 1, h)).toISOString();
    type Item = {
      id: string;
      userId: string | null;
      action: string;
      entityId: string | null;
      createdAt: string;
    };
    const list = async (query: Record<string, string | number>) => {
      const res = await http().get('/api/admin/audit-logs').query(query).set(bearer(superAdmin)).expect(200);
      return res.body as { items: Item[]; total: number; page: number; limit: number };
    };

    beforeAll(async () => {
      // Known rows at known times (hours 0..5 of 2030-01-01), written as the app would write them.
      await sql.query(`INSERT INTO profiles (id, email) VALUES ($1, $2), ($3, $4)`, [
        actorA,
        uniqueEmail('actor-a'),
        actorB,
        uniqueEmail('actor-b'),
      ]);
      for (let h = 0; h < 6; h++) {
        await sql.query(
          `INSERT INTO logs (user_id, action, entity_type, entity_id, details, ip_address, user_agent, created_at)
           VALUES ($1, $2, $3, $4, $5, '10.0.0.1', 'ua', $6)`,
          [
            h % 2 === 0 ? actorA : actorB,
            h < 4 ? 'widget.update' : 'widget.delete',
            'widget',
            h < 3 ? widget : randomUUID(),
            JSON.stringify({ hour: h }),
            hour(h),
          ],
        );
      }
    });

    it('items are {id, userId, action, entityType, entityId, details, ipAddress, userAgent, createdAt}', async () => {
      const page = await list({ entityType: 'widget', limit: 1 });
      expect(page).toEqual({ items: [expect.any(Object)], total: 6, page: 1, limit: 1 });
      expect(page.items[0]).toEqual({
        id: expect.any(String),
        userId: actorB,
        action: 'widget.delete',
        entityType: 'widget',
        entityId: expect.any(String),
        details: { hour: 5 },
        ipAddress: '10.0.0.1',
        userAgent: 'ua',
        createdAt: hour(5),
      });
    });

    it('newest first, paged without overlap', async () => {
      const pages = [
        await list({ entityType: 'widget', limit: 4 }),
        await list({ entityType: 'widget', limit: 4, page: 2 }),
      ];
      const hours = pages.flatMap((p) => p.items.map((i) => i.createdAt));
      expect(hours).toEqual([5, 4, 3, 2, 1, 0].map(hour));
      expect(pages.map((p) => p.total)).toEqual([6, 6]);
    });

    it.each([
      ['userId', () => ({ userId: actorA }), [4, 2, 0]],
      ['action', () => ({ action: 'widget.delete' }), [5, 4]],
      ['entityType + entityId', () => ({ entityType: 'widget', entityId: widget }), [2, 1, 0]],
      [
        'from (inclusive) and to (exclusive)',
        () => ({ entityType: 'widget', from: hour(1), to: hour(3) }),
        [2, 1],
      ],
      ['from alone', () => ({ entityType: 'widget', from: hour(4) }), [5, 4]],
      ['to alone, as a date', () => ({ entityType: 'widget', to: '2030-01-01' }), []],
      ['filters combine', () => ({ userId: actorB, action: 'widget.update' }), [3, 1]],
      ['an entity type nobody used', () => ({ entityType: 'gadget' }), []],
    ])('filter: %s', async (_name, query, hours) => {
      const page = await list(query());
      expect(page.items.map((i) => i.createdAt)).toEqual(hours.map(hour));
      expect(page.total).toBe(hours.length);
    });

    it('finds real events too: the registrations of one user', async () => {
      const email = uniqueEmail('findme');
      const reg = await http()
        .post('/api/auth/register')
        .send({ email, password: 'long enough password' })
        .expect(201);
      const page = await list({ userId: reg.body.user.id });
      expect(page.items.map((i) => i.action)).toEqual(['auth.register']);
      expect(page.items[0].entityId).toBe(reg.body.user.id);
    });

    it.each([
      [{ userId: 'abc' }],
      [{ entityId: '123' }],
      [{ from: 'yesterday' }],
      [{ to: '2030-13-01' }],
      [{ from: '2030-02-30T00:00:00Z' }],
      [{ from: hour(3), to: hour(1) }],
      [{ page: 0 }],
      [{ limit: 101 }],
      [{ action: 'x'.repeat(101) }],
      [{ storeIdd: randomUUID() }],
    ])('400 VALIDATION_FAILED for %j', async (query) => {
      const res = await http().get('/api/admin/audit-logs').query(query).set(bearer(superAdmin));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('customers cannot read it (403), nobody anonymous (401)', async () => {
      const customer = await createTestUser(app);
      await http().get('/api/admin/audit-logs').set(bearer(customer)).expect(403);
      await http().get('/api/admin/audit-logs').expect(401);
    });
  });
});
