/**
 * OrdersService.getForCaller, the application's own wall behind the admin order routes (their guard
 * resolves the order's store first): an admin reads the orders of their stores and their own
 * purchases, a super admin any order, a customer their own; anything else is 404 ORDER_NOT_FOUND.
 * Called outside any request, as the database's owner: row-level security is not what refuses here.
 */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { AuthUser } from '../../src/auth/auth.types';
import { OrdersService } from '../../src/orders/orders.service';
import { closeTestWorld, openTestWorld } from '../support/app';
import { TestDatabase } from '../support/database';
import { insertPendingOrders } from '../support/invariants';

describe('OrdersService.getForCaller: whose orders a caller reads', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let orders: OrdersService;
  let orderOfA: string;
  let orderOfB: string;
  let storeA: string;
  let buyerOfA: string;

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    orders = app.get(OrdersService);
    const stores = await sql.query<{ id: string }>(
      `INSERT INTO stores (slug, name) VALUES ('scope-a', 'A'), ('scope-b', 'B') RETURNING id`,
    );
    storeA = stores.rows[0].id;
    [orderOfA] = await insertPendingOrders(sql, storeA, 1);
    [orderOfB] = await insertPendingOrders(sql, stores.rows[1].id, 1);
    buyerOfA = (await sql.query(`SELECT user_id FROM orders WHERE id = $1`, [orderOfA])).rows[0].user_id;
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  const caller = (user: Partial<AuthUser>): AuthUser => ({
    id: '00000000-0000-4000-8000-000000000001',
    email: 'caller@test.example',
    role: 'customer',
    ...user,
  });
  const read = (id: string, who: AuthUser) =>
    orders.getForCaller(id, who).then(
      (order) => order.id,
      (error: { code?: string }) => error.code,
    );

  it('an admin of store A: A’s order yes, B’s order 404', async () => {
    const staffOfA = caller({ role: 'admin', memberships: [{ storeId: storeA, role: 'staff' }] });
    expect(await read(orderOfA, staffOfA)).toBe(orderOfA);
    expect(await read(orderOfB, staffOfA)).toBe('ORDER_NOT_FOUND');
  });

  it('an admin of no store reads no store’s orders; a super admin reads both', async () => {
    const nobody = caller({ role: 'admin', memberships: [] });
    expect(await read(orderOfA, nobody)).toBe('ORDER_NOT_FOUND');
    const superAdmin = caller({ role: 'super_admin', memberships: [] });
    expect([await read(orderOfA, superAdmin), await read(orderOfB, superAdmin)]).toEqual([
      orderOfA,
      orderOfB,
    ]);
  });

  it('a customer reads their own order only', async () => {
    expect(await read(orderOfA, caller({ id: buyerOfA }))).toBe(orderOfA);
    expect(await read(orderOfB, caller({ id: buyerOfA }))).toBe('ORDER_NOT_FOUND');
  });
});
