import { INestApplication } from '@nestjs/common';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { MailTokenSealer } from '../../src/auth/mail-token-sealer';
import { INTERNAL_EVENT_TYPES } from '../../src/events';
import { createTestDatabase, TestDatabase } from '../support/database';
import { auditCount, concurrently, PASSWORD, register, Session, sql, uniqueEmail } from './auth-helpers';

interface Invitation {
  id: string;
  email: string;
  token: string;
  expiresAt: string;
}

describe('admin invitations', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let superAdmin: TestUser;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    http = request(app.getHttpServer());
    superAdmin = await createTestUser(app, 'super_admin');
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  async function invite(email = uniqueEmail('invitee')): Promise<Invitation> {
    const res = await http.post('/api/admin/invitations').set(bearer(superAdmin)).send({ email }).expect(201);
    return res.body as Invitation;
  }

  describe('POST /api/admin/invitations', () => {
    it('201 {id, email, token, expiresAt}: 7 days, token stored only as its SHA-256, audited', async () => {
      const before = await auditCount(app, 'invitation.create');
      const res = await http
        .post('/api/admin/invitations')
        .set(bearer(superAdmin))
        .send({ email: ' New.Admin@Example.com' })
        .expect(201);
      const body = res.body as Invitation;
      expect(Object.keys(body).sort()).toEqual(['email', 'expiresAt', 'id', 'token']);
      expect(body.email).toBe('new.admin@example.com');
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const days = (Date.parse(body.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThanOrEqual(7);

      const [row] = await sql<{ token_hash: string; created_by: string }>(
        app,
        'SELECT token_hash, created_by FROM admin_invitations WHERE id = $1',
        [body.id],
      );
      expect(row).toEqual({
        token_hash: createHash('sha256').update(body.token).digest('hex'),
        created_by: superAdmin.id,
      });
      expect(await auditCount(app, 'invitation.create')).toBe(before + 1);
      const [log] = await sql<{ user_id: string; details: string }>(
        app,
        `SELECT user_id, details::text FROM logs WHERE action = 'invitation.create' AND entity_id = $1`,
        [body.id],
      );
      expect(log.user_id).toBe(superAdmin.id);
      expect(log.details).not.toContain(body.token);
      expect(log.details).not.toContain(row.token_hash);
    });

    it('403 for an admin and a customer; 409 ALREADY_ADMIN for an admin’s email; 400 for a bad email', async () => {
      const admin = await createTestUser(app, 'admin');
      const customer = await createTestUser(app, 'customer');
      await http.post('/api/admin/invitations').set(bearer(admin)).send({ email: uniqueEmail() }).expect(403);
      await http
        .post('/api/admin/invitations')
        .set(bearer(customer))
        .send({ email: uniqueEmail() })
        .expect(403);
      const taken = await http
        .post('/api/admin/invitations')
        .set(bearer(superAdmin))
        .send({ email: admin.email.toUpperCase() })
        .expect(409);
      expect(taken.body.code).toBe('ALREADY_ADMIN');
      const bad = await http
        .post('/api/admin/invitations')
        .set(bearer(superAdmin))
        .send({ email: 'x' })
        .expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('POST /api/auth/invitations/accept', () => {
    it('creates the admin: 201 with tokens and role admin; the token is single use', async () => {
      const invitation = await invite();
      const acceptedBefore = await auditCount(app, 'invitation.accept');
      const res = await http
        .post('/api/auth/invitations/accept')
        .send({ token: invitation.token, password: PASSWORD, fullName: 'Grace Hopper' })
        .expect(201);
      const session = res.body as Session;
      expect(session.user).toMatchObject({
        email: invitation.email,
        role: 'admin',
        fullName: 'Grace Hopper',
        emailVerified: true,
      });
      await http
        .get('/api/admin/stores')
        .set('Authorization', `Bearer ${session.accessToken}`)
        .expect(200);
      // The new admin can log in with the password.
      await http.post('/api/auth/login').send({ email: invitation.email, password: PASSWORD }).expect(200);
      expect(await auditCount(app, 'invitation.accept')).toBe(acceptedBefore + 1);

      const again = await http
        .post('/api/auth/invitations/accept')
        .send({ token: invitation.token, password: PASSWORD })
        .expect(410);
      expect(again.body).toMatchObject({ statusCode: 410, code: 'INVITATION_USED' });
      expect(await auditCount(app, 'invitation.accept')).toBe(acceptedBefore + 1);
    });

    it('promotes an existing customer only with its own password, never changes it, ends old sessions', async () => {
      const customer = await register(app, uniqueEmail('promoted'));
      const invitation = await invite(customer.user.email.toUpperCase());
      const roleChangesBefore = await auditCount(app, 'profile.role_change');
      const [{ password_hash: hashBefore }] = await sql<{ password_hash: string }>(
        app,
        'SELECT password_hash FROM profiles WHERE id = $1',
        [customer.user.id],
      );

      // Holding the token is not enough: the inviter saw it.
      const wrong = await http
        .post('/api/auth/invitations/accept')
        .send({ token: invitation.token, password: 'a brand new password' })
        .expect(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      expect(await auditCount(app, 'invitation.accept_failed')).toBeGreaterThanOrEqual(1);
      const [still] = await sql<{ role: string; used_at: Date | null }>(
        app,
        `SELECT p.role, i.used_at FROM profiles p, admin_invitations i WHERE p.id = $1 AND i.id = $2`,
        [customer.user.id, invitation.id],
      );
      expect(still).toEqual({ role: 'customer', used_at: null });
      await http.post('/api/auth/login').send({ email: customer.user.email, password: PASSWORD }).expect(200);

      const res = await http
        .post('/api/auth/invitations/accept')
        .send({ token: invitation.token, password: PASSWORD })
        .expect(201);
      expect(res.body.user).toMatchObject({ id: customer.user.id, role: 'admin' });
      const [{ password_hash: hashAfter }] = await sql<{ password_hash: string }>(
        app,
        'SELECT password_hash FROM profiles WHERE id = $1',
        [customer.user.id],
      );
      expect(hashAfter).toBe(hashBefore);
      await http.post('/api/auth/login').send({ email: customer.user.email, password: PASSWORD }).expect(200);
      await http.post('/api/auth/refresh').send({ refreshToken: customer.refreshToken }).expect(401);
      expect(await auditCount(app, 'profile.role_change')).toBe(roleChangesBefore + 1);
      const [log] = await sql<{ details: unknown; user_id: string }>(
        app,
        `SELECT details, user_id FROM logs WHERE action = 'profile.role_change' AND entity_id = $1`,
        [customer.user.id],
      );
      expect(log).toEqual({
        user_id: customer.user.id,
        details: { role: { before: 'customer', after: 'admin' }, via: 'invitation' },
      });
    });

    it('an imported account without a password cannot be promoted by the token alone (401)', async () => {
      const email = uniqueEmail('legacy');
      await sql(app, `INSERT INTO profiles (email, role) VALUES ($1, 'customer')`, [email]);
      const invitation = await invite(email);
      const res = await http
        .post('/api/auth/invitations/accept')
        .send({ token: invitation.token, password: PASSWORD })
        .expect(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
      const [row] = await sql<{ role: string; password_hash: string | null }>(
        app,
        'SELECT role, password_hash FROM profiles WHERE email = $1',
        [email],
      );
      expect(row).toEqual({ role: 'customer', password_hash: null });
    });

    it('records admin.invitation_created (sealed token) and admin.invitation_accepted, both internal', async () => {
      const invitation = await invite();
      const [created] = await sql<{ payload: Record<string, string> }>(
        app,
        `SELECT payload FROM outbox_events WHERE type = 'admin.invitation_created' AND payload->>'invitationId' = $1`,
        [invitation.id],
      );
      expect(created.payload).toMatchObject({ email: invitation.email, expiresAt: invitation.expiresAt });
      expect(JSON.stringify(created.payload)).not.toContain(invitation.token);
      expect(app.get(MailTokenSealer).open(created.payload.sealedToken)).toBe(invitation.token);

      const res = await http
        .post('/api/auth/invitations/accept')
        .send({ token: invitation.token, password: PASSWORD })
        .expect(201);
      const accepted = await sql<{ payload: unknown }>(
        app,
        `SELECT payload FROM outbox_events WHERE type = 'admin.invitation_accepted' AND payload->>'invitationId' = $1`,
        [invitation.id],
      );
      expect(accepted).toEqual([
        { payload: { invitationId: invitation.id, profileId: res.body.user.id, email: invitation.email } },
      ]);
      expect(INTERNAL_EVENT_TYPES.has('admin.invitation_created')).toBe(true);
      expect(INTERNAL_EVENT_TYPES.has('admin.invitation_accepted')).toBe(true);
    });

    it('410 INVITATION_EXPIRED after 7 days, creating nothing', async () => {
      const invitation = await invite();
      await sql(app, `UPDATE admin_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        invitation.id,
      ]);
      const logsBefore = await auditCount(app);
      const res = await http
        .post('/api/auth/invitations/accept')
        .send({ token: invitation.token, password: PASSWORD })
        .expect(410);
      expect(res.body).toMatchObject({ statusCode: 410, error: 'Gone', code: 'INVITATION_EXPIRED' });
      expect(await sql(app, 'SELECT 1 FROM profiles WHERE email = $1', [invitation.email])).toHaveLength(0);
      expect(await auditCount(app)).toBe(logsBefore);
    });

    it('404 INVITATION_NOT_FOUND for an unknown token; 400 for a short password or a role in the body', async () => {
      const unknown = await http
        .post('/api/auth/invitations/accept')
        .send({ token: 'no-such-token', password: PASSWORD })
        .expect(404);
      expect(unknown.body.code).toBe('INVITATION_NOT_FOUND');
      const invitation = await invite();
      await http
        .post('/api/auth/invitations/accept')
        .send({ token: invitation.token, password: 'short' })
        .expect(400);
      await http
        .post('/api/auth/invitations/accept')
        .send({ token: invitation.token, password: PASSWORD, role: 'super_admin' })
        .expect(400);
      // Still usable after the rejected attempts.
      await http
        .post('/api/auth/invitations/accept')
        .send({ token: invitation.token, password: PASSWORD })
        .expect(201);
    });

    it('10 concurrent accepts of one token: exactly one 201, the rest 410 INVITATION_USED', async () => {
      const invitation = await invite();
      const results = await concurrently(10, (i) =>
        http
          .post('/api/auth/invitations/accept')
          .send({ token: invitation.token, password: `${PASSWORD} ${i}` }),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 201)) {
        expect(r.status).toBe(410);
        expect(r.body.code).toBe('INVITATION_USED');
      }
      expect(await sql(app, 'SELECT 1 FROM profiles WHERE email = $1', [invitation.email])).toHaveLength(1);
      const [{ n }] = await sql<{ n: number }>(
        app,
        `SELECT count(*)::int AS n FROM logs WHERE action = 'invitation.accept' AND entity_id = $1`,
        [invitation.id],
      );
      expect(n).toBe(1);
    });

    it('never demotes: a super admin accepting an invitation stays super_admin', async () => {
      const email = uniqueEmail('boss');
      const invitation = await invite(email);
      const boss = await register(app, email);
      await sql(app, `UPDATE profiles SET role = 'super_admin' WHERE id = $1`, [boss.user.id]);
      const res = await http
        .post('/api/auth/invitations/accept')
        .send({ token: invitation.token, password: PASSWORD })
        .expect(201);
      expect(res.body.user.role).toBe('super_admin');
    });
  });
});
