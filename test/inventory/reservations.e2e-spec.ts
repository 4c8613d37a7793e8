/**
 * InventoryService under concurrency on the real database: no oversell, no deadlock reaching a caller,
 * release and commit exactly once; the invariants are checked in the database after every test.
 */
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../src/database/transactions';
import {
  InsufficientStockException,
  InventoryService,
  ReservationLine,
} from '../../src/inventory/inventory.service';
import { closeTestWorld, openTestWorld } from '../support/app';
import { TestDatabase } from '../support/database';
import { insertPendingOrders, insertStockedVariants, inventoryViolations } from '../support/invariants';

describe('InventoryService', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let inventory: InventoryService;
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
    inventory = app.get(InventoryService);
    dataSource = app.get(DataSource);
  });

  afterEach(async () => {
    expect(await inventoryViolations(sql)).toEqual([]);
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  const reserve = (orderId: string, lines: ReservationLine[]) =>
    inTransaction(dataSource, (tx) => inventory.reserve(tx, orderId, lines)).then(
      () => 'held' as const,
      (e: unknown) => {
        if (e instanceof InsufficientStockException) return e;
        throw e;
      },
    );

  it('50 concurrent buyers for 10 units: exactly 10 holds, 40 INSUFFICIENT_STOCK, nothing oversold', async () => {
    const { storeId, variantIds } = await insertStockedVariants(sql, 1, 10);
    const orders = await insertPendingOrders(sql, storeId, 50);
    const results = await Promise.all(
      orders.map((o) => reserve(o, [{ variantId: variantIds[0], quantity: 1 }])),
    );
    expect(results.filter((r) => r === 'held')).toHaveLength(10);
    const refused = results.filter((r): r is InsufficientStockException => r !== 'held');
    expect(refused).toHaveLength(40);
    for (const r of refused) {
      expect(r.getStatus()).toBe(409);
      expect(r.code).toBe('INSUFFICIENT_STOCK');
      expect(r.shortfalls).toEqual([{ variantId: variantIds[0], requested: 1, available: 0 }]);
    }
    const stock = await sql.query(`SELECT quantity, reserved FROM inventory WHERE variant_id = $1`, [
      variantIds[0],
    ]);
    expect(stock.rows[0]).toEqual({ quantity: 10, reserved: 10 });
  });

  it('multi-line orders over overlapping variants, in random line order: no deadlock, all-or-nothing', async () => {
    const { storeId, variantIds } = await insertStockedVariants(sql, 4, 15);
    const orders = await insertPendingOrders(sql, storeId, 40);
    const shuffled = (): string[] => [...variantIds].sort(() => Math.random() - 0.5);
    const results = await Promise.all(
      orders.map((o) =>
        reserve(
          o,
          shuffled()
            .slice(0, 3)
            .map((variantId) => ({ variantId, quantity: 2 })),
        ),
      ),
    );
    // 40 orders × 3 lines × 2 units = 240 units wanted from 60: some succeed, the rest fail whole.
    const held = results.filter((r) => r === 'held').length;
    expect(held).toBeGreaterThan(0);
    const holds = await sql.query<{ order_id: string; lines: number }>(
      `SELECT order_id, count(*)::int AS lines FROM inventory_reservations WHERE order_id = ANY($1) GROUP BY order_id`,
      [orders],
    );
    expect(holds.rows).toHaveLength(held);
    expect(holds.rows.every((r) => r.lines === 3)).toBe(true);
    const total = await sql.query(
      `SELECT sum(reserved)::int AS r FROM inventory WHERE variant_id = ANY($1)`,
      [variantIds],
    );
    expect(total.rows[0].r).toBe(held * 6);
  });

  it('lines of one variant add up; a short line names every shortfall and holds nothing', async () => {
    const { storeId, variantIds } = await insertStockedVariants(sql, 2, 3);
    const [order] = await insertPendingOrders(sql, storeId, 1);
    const result = await reserve(order, [
      { variantId: variantIds[0], quantity: 2 },
      { variantId: variantIds[0], quantity: 2 },
      { variantId: variantIds[1], quantity: 5 },
    ]);
    expect(result).toBeInstanceOf(InsufficientStockException);
    expect((result as InsufficientStockException).shortfalls).toEqual([
      { variantId: variantIds[0], requested: 4, available: 3 },
      { variantId: variantIds[1], requested: 5, available: 3 },
    ]);
    const held = await sql.query(
      `SELECT count(*)::int AS n FROM inventory_reservations WHERE order_id = $1`,
      [order],
    );
    expect(held.rows[0].n).toBe(0);
    expect(await reserve(order, [{ variantId: variantIds[0], quantity: 3 }])).toBe('held');
  });

  it('an unknown variant is a shortfall with 0 available, not a 500', async () => {
    const { storeId } = await insertStockedVariants(sql, 1, 1);
    const [order] = await insertPendingOrders(sql, storeId, 1);
    const missing = '00000000-0000-4000-8000-000000000000';
    const result = await reserve(order, [{ variantId: missing, quantity: 1 }]);
    expect((result as InsufficientStockException).shortfalls).toEqual([
      { variantId: missing, requested: 1, available: 0 },
    ]);
  });

  it('release: 10 concurrent releases of one order give the stock back exactly once', async () => {
    const { storeId, variantIds } = await insertStockedVariants(sql, 2, 10);
    const [order] = await insertPendingOrders(sql, storeId, 1);
    await reserve(
      order,
      variantIds.map((variantId) => ({ variantId, quantity: 4 })),
    );
    const counts = await Promise.all(
      Array.from({ length: 10 }, () => inTransaction(dataSource, (tx) => inventory.release(tx, order))),
    );
    expect(counts.sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    const stock = await sql.query(`SELECT quantity, reserved FROM inventory WHERE variant_id = ANY($1)`, [
      variantIds,
    ]);
    expect(stock.rows).toEqual([
      { quantity: 10, reserved: 0 },
      { quantity: 10, reserved: 0 },
    ]);
    expect(await inventory.available(variantIds)).toEqual(new Map(variantIds.map((id) => [id, 10])));
  });

  it('commit: concurrent commits lower quantity once; release after commit changes nothing', async () => {
    const { storeId, variantIds } = await insertStockedVariants(sql, 1, 10);
    const [order] = await insertPendingOrders(sql, storeId, 1);
    await reserve(order, [{ variantId: variantIds[0], quantity: 3 }]);
    const counts = await Promise.all(
      Array.from({ length: 10 }, () => inTransaction(dataSource, (tx) => inventory.commit(tx, order))),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await inTransaction(dataSource, (tx) => inventory.release(tx, order))).toBe(0);
    const stock = await sql.query(`SELECT quantity, reserved FROM inventory WHERE variant_id = $1`, [
      variantIds[0],
    ]);
    expect(stock.rows[0]).toEqual({ quantity: 7, reserved: 0 });
  });

  it('a hold taken in a transaction that rolls back leaves no trace', async () => {
    const { storeId, variantIds } = await insertStockedVariants(sql, 1, 5);
    const [order] = await insertPendingOrders(sql, storeId, 1);
    await expect(
      dataSource.transaction(async (tx) => {
        await inventory.reserve(tx, order, [{ variantId: variantIds[0], quantity: 5 }]);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await inventory.available(variantIds)).toEqual(new Map([[variantIds[0], 5]]));
  });

  it('rejects a non-positive quantity with 400 before touching stock', async () => {
    const { storeId, variantIds } = await insertStockedVariants(sql, 1, 5);
    const [order] = await insertPendingOrders(sql, storeId, 1);
    await expect(
      dataSource.transaction((tx) =>
        inventory.reserve(tx, order, [{ variantId: variantIds[0], quantity: 0 }]),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
