/**
 * GET /admin/customers, /admin/customers/:id and /admin/audit-logs per store (issue 14): a super admin
 * sees everything; another admin sees the customers (store_customers) and audit rows of the stores
 * where their role holds customers.read / audit.read, nothing of other stores (404 on their customer
 * ids), no store-less audit rows; no such store → an empty page, not 403.
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { closeTestApp, createTestApp } from '../support/app';
import { addMembership, bearer, createTestUser, TestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';

type Page = { items: Array<{ id: string; action?: string; entityId?: string | null }>; total: number };

describe('admin customers and audit log, scoped by the caller’s stores', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let superAdmin: TestUser;
  let everywhere: TestUser;
  const members: Partial<Record<'owner' | 'manager' | 'staff', TestUser>> = {};
  const stores: Record<'A' | 'B', string> = { A: '', B: '' };
  const customers: Record<'A' | 'B' | 'none', TestUser> = {} as Record<'A' | 'B' | 'none', TestUser>;
  const categories: Record<'A' | 'B', string> = { A: '', B: '' };
  const http = () => request(app.getHttpServer());
  const member = (role: 'owner' | 'manager' | 'staff'): TestUser => {
    const user = members[role];
    if (!user) throw new Error(`no ${role}`);
    return user;
  };
  const get = async (caller: TestUser, path: string, status = 200): Promise<Page> =>
    (await http().get(path).set(bearer(caller)).expect(status)).body as Page;
  const ids = (page: Page): string[] => page.items.map((i) => i.id).sort();

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db.url);
    superAdmin = await createTestUser(app, 'super_admin');
    for (const name of ['A', 'B'] as const) {
      const store = await http()
        .post('/api/admin/stores')
        .set(bearer(superAdmin))
        .send({ name: `Scope ${name}` })
        .expect(201);
      stores[name] = store.body.id;
      const category = await http()
        .post(`/api/admin/stores/${stores[name]}/categories`)
        .set(bearer(superAdmin))
        .send({ name: `Cat ${name}` })
        .expect(201);
      categories[name] = category.body.id;
      customers[name] = await createTestUser(app, 'customer', `buyer-${name.toLowerCase()}@scope.example`);
      // What placing an order does (StoreCustomerRegistry.register); the scope is about reading it.
      await app
        .get(DataSource)
        .query(`INSERT INTO store_customers (store_id, profile_id) VALUES ($1, $2)`, [
          stores[name],
          customers[name].id,
        ]);
    }
    customers.none = await createTestUser(app, 'customer', 'never-bought@scope.example');
    // A store-less audit row (an auth event).
    await http()
      .post('/api/auth/login')
      .send({ email: 'ghost@scope.example', password: 'x'.repeat(12) });
    for (const role of ['owner', 'manager', 'staff'] as const) {
      members[role] = await createTestUser(app, 'admin', undefined, { stores: 'none' });
      await addMembership(app, member(role), stores.A, role);
    }
    // As migration 0022 left every existing admin: owner of every store.
    everywhere = await createTestUser(app, 'admin');
  }, 120_000);

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
  });

  it.each(['owner', 'manager'] as const)(
    'the %s of store A lists store A’s customers only; q searches within them',
    async (role) => {
      const page = await get(member(role), '/api/admin/customers');
      expect(ids(page)).toEqual([customers.A.id]);
      expect(page.total).toBe(1);
      const other = await get(member(role), `/api/admin/customers?q=buyer-b`);
      expect(other).toEqual(expect.objectContaining({ items: [], total: 0 }));
      const mine = await get(member(role), `/api/admin/customers?q=buyer-a&role=customer`);
      expect(ids(mine)).toEqual([customers.A.id]);
    },
  );

  it.each(['owner', 'manager'] as const)(
    'the %s of store A reads store A’s customer; store B’s and a non-customer are 404',
    async (role) => {
      const detail = await http()
        .get(`/api/admin/customers/${customers.A.id}`)
        .set(bearer(member(role)))
        .expect(200);
      expect(detail.body).toEqual(expect.objectContaining({ id: customers.A.id, addresses: [] }));
      for (const other of [customers.B, customers.none, everywhere]) {
        const res = await http()
          .get(`/api/admin/customers/${other.id}`)
          .set(bearer(member(role)));
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('CUSTOMER_NOT_FOUND');
      }
    },
  );

  it('staff (no customers.read anywhere): an empty list, 404 on every profile', async () => {
    expect(await get(member('staff'), '/api/admin/customers')).toEqual(
      expect.objectContaining({ items: [], total: 0 }),
    );
    const res = await http()
      .get(`/api/admin/customers/${customers.A.id}`)
      .set(bearer(member('staff')));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('CUSTOMER_NOT_FOUND');
  });

  it('a super admin sees every profile; an owner of every store sees every store’s customers', async () => {
    const all = await get(superAdmin, '/api/admin/customers?limit=100');
    expect(ids(all)).toEqual(expect.arrayContaining([customers.A.id, customers.B.id, customers.none.id]));
    await http().get(`/api/admin/customers/${customers.none.id}`).set(bearer(superAdmin)).expect(200);
    const owned = await get(everywhere, '/api/admin/customers?limit=100');
    expect(ids(owned)).toEqual([customers.A.id, customers.B.id].sort());
    await http().get(`/api/admin/customers/${customers.B.id}`).set(bearer(everywhere)).expect(200);
  });

  it('audit log: store A’s owner sees store A’s rows only, never store B’s or store-less ones', async () => {
    const page = await get(member('owner'), '/api/admin/audit-logs?limit=100');
    const entityIds = page.items.map((i) => i.entityId);
    expect(entityIds).toContain(categories.A);
    expect(entityIds).not.toContain(categories.B);
    expect(entityIds).not.toContain(stores.B);
    expect(page.items.map((i) => i.action)).not.toContain('auth.login_failed');
    expect(entityIds).toContain(stores.A); // its store.create row carries the store
    const rows = await app
      .get(DataSource)
      .query<Array<{ store_id: string | null }>>(`SELECT store_id FROM logs WHERE id = ANY($1::uuid[])`, [
        page.items.map((i) => i.id),
      ]);
    expect(rows.length).toBe(page.total);
    expect(new Set(rows.map((r) => r.store_id))).toEqual(new Set([stores.A]));
  });

  it.each(['manager', 'staff'] as const)(
    'audit log: the %s (no audit.read) gets an empty page',
    async (role) => {
      expect(await get(member(role), '/api/admin/audit-logs')).toEqual(
        expect.objectContaining({ items: [], total: 0 }),
      );
    },
  );

  it('audit log: a super admin sees every row, store-less ones included', async () => {
    const page = await get(superAdmin, '/api/admin/audit-logs?limit=100');
    const entityIds = page.items.map((i) => i.entityId);
    expect(entityIds).toEqual(expect.arrayContaining([categories.A, categories.B]));
    expect(page.items.map((i) => i.action)).toContain('auth.login_failed');
  });
});
