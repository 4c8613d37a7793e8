/**
 * Store staff end to end (API.md, "Store staff"): invitations per store, existing admins added at once,
 * role changes, removal ending the sessions of an admin left in no store, and the last owner rule,
 * under concurrency too.
 */
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { closeTestApp, createTestApp } from '../support/app';
import { addMembership, bearer, createTestUser, TestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { StoreWorlds } from './store-world';

const PASSWORD = 'correct horse battery staple';
const email = (): string => `staff-${randomBytes(4).toString('hex')}@test.example`;

interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; role: string };
}

describe('store staff', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let superAdmin: TestUser;
  let owner: TestUser;
  let storeA: string;
  let storeB: string;
  const http = () => request(app.getHttpServer());
  const sql = <T>(text: string, params: unknown[] = []) => app.get(DataSource).query<T[]>(text, params);
  const staffOf = (storeId: string) => `/api/admin/stores/${storeId}/staff`;
  const token = (t: string) => ({ Authorization: `Bearer ${t}` });

  const newStore = async (): Promise<string> => {
    const res = await http()
      .post('/api/admin/stores')
      .set(bearer(superAdmin))
      .send({ name: `Shop ${randomBytes(3).toString('hex')}` })
      .expect(201);
    return res.body.id as string;
  };
  const memberAdmin = async (storeId: string, role: 'owner' | 'manager' | 'staff'): Promise<TestUser> => {
    const user = await createTestUser(app, 'admin', undefined, { stores: 'none' });
    await addMembership(app, user, storeId, role);
    return user;
  };
  /** A new admin through the real invitation flow, member of `storeId` with `role`: a real session. */
  const invitedAdmin = async (storeId: string, role: 'owner' | 'manager' | 'staff'): Promise<Session> => {
    const invited = await http()
      .post(staffOf(storeId))
      .set(bearer(superAdmin))
      .send({ email: email(), role })
      .expect(201);
    const accepted = await http()
      .post('/api/auth/invitations/accept')
      .send({ token: invited.body.invitation.token, password: PASSWORD })
      .expect(201);
    return accepted.body as Session;
  };
  const owners = async (storeId: string): Promise<number> =>
    Number(
      (
        await sql<{ n: string }>(
          `SELECT count(*) AS n FROM store_memberships WHERE store_id = $1 AND role = 'owner'`,
          [storeId],
        )
      )[0].n,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url, { WEBHOOK_ALLOW_PRIVATE: 'true' });
    superAdmin = await createTestUser(app, 'super_admin');
    storeA = await newStore();
    storeB = await newStore();
    owner = await memberAdmin(storeA, 'owner');
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  it('an owner invites a new email to their store; accepting makes a manager of that store only', async () => {
    const address = email();
    const invited = await http()
      .post(staffOf(storeA))
      .set(bearer(owner))
      .send({ email: address, role: 'manager' })
      .expect(201);
    expect(invited.body).toEqual({
      kind: 'invitation',
      membership: null,
      invitation: expect.objectContaining({ storeId: storeA, email: address, role: 'manager' }),
    });
    const accepted = await http()
      .post('/api/auth/invitations/accept')
      .send({ token: invited.body.invitation.token, password: PASSWORD })
      .expect(201);
    const session = accepted.body as Session;
    expect(session.user.role).toBe('admin');
    expect(
      await sql(`SELECT store_id, role FROM store_memberships WHERE profile_id = $1`, [session.user.id]),
    ).toEqual([{ store_id: storeA, role: 'manager' }]);

    const stores = await http().get('/api/admin/stores').set(token(session.accessToken)).expect(200);
    expect((stores.body.items as Array<{ id: string }>).map((s) => s.id)).toEqual([storeA]);
    await http().get(`/api/admin/stores/${storeA}/orders`).set(token(session.accessToken)).expect(200);
    const other = await http()
      .get(`/api/admin/stores/${storeB}/orders`)
      .set(token(session.accessToken))
      .expect(404);
    expect(other.body.code).toBe('STORE_NOT_FOUND');
    // A manager does not manage staff.
    const denied = await http().get(staffOf(storeA)).set(token(session.accessToken)).expect(403);
    expect(denied.body.code).toBe('FORBIDDEN');

    const audit = await sql<{ action: string }>(
      `SELECT action FROM logs WHERE store_id = $1 AND action IN ('staff.invite', 'staff.join') ORDER BY created_at`,
      [storeA],
    );
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['staff.invite', 'staff.join']));
  });

  it('an existing admin becomes a member at once; twice is 409 ALREADY_MEMBER; the list shows them', async () => {
    const other = await memberAdmin(storeB, 'staff');
    const added = await http()
      .post(staffOf(storeA))
      .set(bearer(owner))
      .send({ email: other.email.toUpperCase(), role: 'staff' })
      .expect(201);
    expect(added.body).toEqual({
      kind: 'membership',
      invitation: null,
      membership: expect.objectContaining({
        profileId: other.id,
        storeId: storeA,
        role: 'staff',
        email: other.email,
      }),
    });
    const again = await http()
      .post(staffOf(storeA))
      .set(bearer(owner))
      .send({ email: other.email, role: 'manager' })
      .expect(409);
    expect(again.body.code).toBe('ALREADY_MEMBER');
    const list = await http()
      .get(`${staffOf(storeA)}?limit=100`)
      .set(bearer(owner))
      .expect(200);
    expect(list.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ profileId: other.id, role: 'staff' })]),
    );
    expect(
      await sql(`SELECT 1 FROM logs WHERE action = 'staff.add' AND entity_id = $1`, [other.id]),
    ).toHaveLength(1);
  });

  it('an owner of store A cannot touch store B’s staff (404), nor a store that does not exist', async () => {
    const res = await http().get(staffOf(storeB)).set(bearer(owner)).expect(404);
    expect(res.body.code).toBe('STORE_NOT_FOUND');
    await http()
      .post(staffOf('00000000-0000-0000-0000-000000000000'))
      .set(bearer(superAdmin))
      .send({ email: email(), role: 'staff' })
      .expect(404);
    await http().post(staffOf(storeA)).set(bearer(owner)).send({ email: email(), role: 'boss' }).expect(400);
  });

  it('PATCH changes the role (audited); a non-member is 404 STAFF_NOT_FOUND', async () => {
    const member = await memberAdmin(storeA, 'staff');
    const res = await http()
      .patch(`${staffOf(storeA)}/${member.id}`)
      .set(bearer(owner))
      .send({ role: 'manager' })
      .expect(200);
    expect(res.body).toEqual(expect.objectContaining({ profileId: member.id, role: 'manager' }));
    await http().get(`/api/admin/stores/${storeA}/customers`).set(bearer(member)).expect(200);
    const [log] = await sql<{ details: unknown }>(
      `SELECT details FROM logs WHERE action = 'staff.role_change' AND entity_id = $1`,
      [member.id],
    );
    expect(log.details).toEqual({ role: { before: 'staff', after: 'manager' } });
    const missing = await http()
      .patch(`${staffOf(storeA)}/${superAdmin.id}`)
      .set(bearer(owner))
      .send({ role: 'staff' })
      .expect(404);
    expect(missing.body.code).toBe('STAFF_NOT_FOUND');
    await http()
      .delete(`${staffOf(storeA)}/${superAdmin.id}`)
      .set(bearer(owner))
      .expect(404);
  });

  it('removal: an admin left in no store loses their sessions (the refresh token stops working)', async () => {
    const session = await invitedAdmin(storeA, 'staff');
    await http()
      .delete(`${staffOf(storeA)}/${session.user.id}`)
      .set(bearer(owner))
      .expect(204);
    const refresh = await http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken });
    expect(refresh.status).toBe(401);
    // Their access token is still a valid token, but no store is theirs any more.
    await http().get(`/api/admin/stores/${storeA}/products`).set(token(session.accessToken)).expect(404);
    const [log] = await sql<{ details: { sessionsRevoked: number } }>(
      `SELECT details FROM logs WHERE action = 'staff.remove' AND entity_id = $1`,
      [session.user.id],
    );
    expect(log.details.sessionsRevoked).toBeGreaterThan(0);
  });

  it('removal from one of two stores keeps the sessions', async () => {
    const session = await invitedAdmin(storeA, 'staff');
    await addMembership(app, { ...superAdmin, id: session.user.id }, storeB, 'staff');
    await http()
      .delete(`${staffOf(storeA)}/${session.user.id}`)
      .set(bearer(owner))
      .expect(204);
    await http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200);
  });

  it('the last owner can be neither removed nor demoted (409 LAST_OWNER); with two, one can go', async () => {
    const store = await newStore();
    const only = await memberAdmin(store, 'owner');
    const removed = await http()
      .delete(`${staffOf(store)}/${only.id}`)
      .set(bearer(only))
      .expect(409);
    expect(removed.body.code).toBe('LAST_OWNER');
    const demoted = await http()
      .patch(`${staffOf(store)}/${only.id}`)
      .set(bearer(superAdmin))
      .send({ role: 'manager' })
      .expect(409);
    expect(demoted.body.code).toBe('LAST_OWNER');
    const second = await memberAdmin(store, 'owner');
    await http()
      .patch(`${staffOf(store)}/${only.id}`)
      .set(bearer(second))
      .send({ role: 'manager' })
      .expect(200);
    expect(await owners(store)).toBe(1);
  });

  it('two owners removing each other at once never leave the store without an owner', async () => {
    for (let round = 0; round < 8; round++) {
      const store = await newStore();
      const [a, b] = [await memberAdmin(store, 'owner'), await memberAdmin(store, 'owner')];
      const results = await Promise.all([
        http()
          .delete(`${staffOf(store)}/${b.id}`)
          .set(bearer(a)),
        http()
          .delete(`${staffOf(store)}/${a.id}`)
          .set(bearer(b)),
      ]);
      expect(results.filter((r) => r.status === 204)).toHaveLength(1);
      const refused = results.find((r) => r.status !== 204);
      // Overlapping, the second removal meets the last-owner rule (409). When the first one committed
      // before the second request was authorised, its sender is no longer staff of the store: 404, as
      // for anyone outside it.
      expect([409, 404]).toContain(refused?.status);
      if (refused?.status === 409) expect(refused.body.code).toBe('LAST_OWNER');
      expect(await owners(store)).toBe(1);
    }
  });

  it('GET /orders/:id: an admin reads the orders of their own stores only (404 for another store’s)', async () => {
    const fixtures = new StoreWorlds(app, superAdmin);
    const [a, b] = [await fixtures.world('Orders A'), await fixtures.world('Orders B')];
    const staff = await memberAdmin(a.storeId, 'staff');
    const mine = await http().get(`/api/orders/${a.order}`).set(bearer(staff)).expect(200);
    expect(mine.body.id).toBe(a.order);
    const other = await http().get(`/api/orders/${b.order}`).set(bearer(staff)).expect(404);
    expect(other.body.code).toBe('ORDER_NOT_FOUND');
    await http().get(`/api/orders/${b.order}`).set(bearer(superAdmin)).expect(200);
  });

  it('a store created later has no members: only super admins work in it until they add an owner', async () => {
    const store = await newStore();
    expect(await sql(`SELECT 1 FROM store_memberships WHERE store_id = $1`, [store])).toHaveLength(0);
    await http().get(`/api/admin/stores/${store}/products`).set(bearer(owner)).expect(404);
    await http()
      .post(staffOf(store))
      .set(bearer(superAdmin))
      .send({ email: owner.email, role: 'owner' })
      .expect(201);
    await http().get(`/api/admin/stores/${store}/products`).set(bearer(owner)).expect(200);
  });
});
