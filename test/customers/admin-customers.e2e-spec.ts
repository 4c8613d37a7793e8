/** GET /api/admin/customers (?q= email or name, paged) and /api/admin/customers/:id (profile + addresses). */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { PASSWORD } from '../auth/auth-helpers';

interface Item {
  id: string;
  email: string;
  fullName: string | null;
  role: string;
}

describe('admin customers', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let admin: TestUser;
  /** The directory of every profile is the platform's: super admins read it (store staff, issue 14). */
  let caller: TestUser;
  const ids: Record<string, string> = {};
  const http = () => request(app.getHttpServer());
  const list = async (query: Record<string, string | number>) => {
    const res = await http().get('/api/admin/customers').query(query).set(bearer(caller)).expect(200);
    return res.body as { items: Item[]; total: number; page: number; limit: number };
  };

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    admin = await createTestUser(app, 'admin', 'the-admin@staff.example');
    caller = await createTestUser(app, 'super_admin', 'the-super@staff.example');
    // Registered through the API so that they have real password hashes that must not leak.
    const people: Array<[string, string, string]> = [
      ['ada', 'Ada.Lovelace@Example.com', 'Ada Lovelace'],
      ['grace', 'grace@navy.example', 'Grace HOPPER'],
      ['alan', 'turing@example.com', 'Alan Turing'],
      ['percent', 'fifty%off@example.com', 'Discount Hunter'],
    ];
    for (const [key, email, fullName] of people) {
      const res = await http()
        .post('/api/auth/register')
        .send({ email, password: PASSWORD, fullName })
        .expect(201);
      ids[key] = res.body.user.id;
    }
    for (let i = 0; i < 5; i++) {
      await http()
        .post('/api/auth/register')
        .send({ email: `bulk${i}@bulk.example`, password: PASSWORD, fullName: `Bulk ${i}` })
        .expect(201);
    }
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  it('without q: everyone, newest first, {items, total, page, limit}, never a password hash', async () => {
    const page = await list({});
    expect(page).toEqual({ items: expect.any(Array), total: 11, page: 1, limit: 24 });
    expect(page.items[0].email).toBe('bulk4@bulk.example');
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/argon2|passwordHash|password_hash/i);
    expect(Object.keys(page.items[0]).sort()).toEqual(
      ['createdAt', 'email', 'emailVerified', 'fullName', 'id', 'phone', 'role'].sort(),
    );
  });

  it.each([
    ['part of an email, other case', 'LOVELACE@example', ['ada']],
    ['part of a name, other case', 'hopper', ['grace']],
    ['a name word that is not in the email', 'alan', ['alan']],
    ['LIKE wildcards are literal text', '%off', ['percent']],
    ['underscore is literal too', 'a_a', []],
    ['nothing matches', 'nobody-here', []],
  ])('q = %s', async (_name, q, expected) => {
    const page = await list({ q });
    expect(page.items.map((i) => i.id).sort()).toEqual(expected.map((k) => ids[k]).sort());
    expect(page.total).toBe(expected.length);
  });

  it('pages: total counts all matches, pages do not overlap', async () => {
    const first = await list({ q: 'bulk', limit: 2, page: 1 });
    const second = await list({ q: 'bulk', limit: 2, page: 2 });
    const third = await list({ q: 'bulk', limit: 2, page: 3 });
    expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
    expect([first.items.length, second.items.length, third.items.length]).toEqual([2, 2, 1]);
    const all = [...first.items, ...second.items, ...third.items].map((i) => i.email);
    expect(all).toEqual([4, 3, 2, 1, 0].map((n) => `bulk${n}@bulk.example`));
    expect(second).toEqual(expect.objectContaining({ page: 2, limit: 2 }));
  });

  it('?role= narrows to one role', async () => {
    const admins = await list({ role: 'admin' });
    expect(admins.items.map((i) => i.id)).toEqual([admin.id]);
  });

  it.each([
    [{ limit: 101 }],
    [{ limit: 0 }],
    [{ page: 0 }],
    [{ page: 'two' }],
    [{ role: 'root' }],
    [{ q: 'x'.repeat(201) }],
    [{ sort: 'email' }],
  ])('400 VALIDATION_FAILED for %j', async (query) => {
    const res = await http().get('/api/admin/customers').query(query).set(bearer(caller));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('detail: the profile and its addresses (default first), never the hash', async () => {
    const customer = await createTestUser(app);
    for (const [line, isDefault] of [
      ['1 First St', false],
      ['2 Second St', true],
    ] as const) {
      await http()
        .post('/api/me/addresses')
        .set(bearer(customer))
        .send({
          fullName: 'C',
          phone: '1',
          addressLine1: line,
          city: 'X',
          state: 'Y',
          postalCode: '1',
          country: 'US',
          isDefault,
        })
        .expect(201);
    }
    const res = await http().get(`/api/admin/customers/${customer.id}`).set(bearer(caller)).expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({ id: customer.id, email: customer.email, role: 'customer' }),
    );
    const addresses = res.body.addresses as Array<{ addressLine1: string }>;
    expect(addresses.map((a) => a.addressLine1)).toEqual(['2 Second St', '1 First St']);
    const ada = await http().get(`/api/admin/customers/${ids.ada}`).set(bearer(caller)).expect(200);
    expect(ada.body.addresses).toEqual([]);
    expect(JSON.stringify(ada.body)).not.toMatch(/argon2|passwordHash|password_hash/i);
  });

  it('detail: 404 CUSTOMER_NOT_FOUND for an unknown id, 400 INVALID_ID for a malformed one', async () => {
    const missing = await http().get(`/api/admin/customers/${randomUUID()}`).set(bearer(caller));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CUSTOMER_NOT_FOUND');
    const malformed = await http().get('/api/admin/customers/not-a-uuid').set(bearer(caller));
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('INVALID_ID');
  });

  it('reading customers writes no audit rows', async () => {
    const before = Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count);
    await list({ q: 'ada' });
    await http().get(`/api/admin/customers/${ids.ada}`).set(bearer(caller)).expect(200);
    expect(Number((await sql.query(`SELECT count(*) FROM logs`)).rows[0].count)).toBe(before);
  });
});
