/**
 * Migration 0018 on a database with orders placed before it: each order's shipping address is copied
 * onto the order (`orders.shipping_address`), so editing or deleting the address-book entry later no
 * longer changes what the order says; and its `down` on that data works as docs/migrations.md says
 * (refuses while guest orders exist; then the copies go and orders read the address book again).
 */
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS, LEGACY_BASELINE } from '../../migrations';
import { GuestCheckout1000000000018 } from '../../migrations/0018-guest-checkout';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { createEmptyDatabase, TestDatabase } from '../support/database';

const STORE = '2a000000-0000-4000-8000-000000000001';
const ALICE = '2b000000-0000-4000-8000-000000000001';
const BOB = '2b000000-0000-4000-8000-000000000002';
const HOME = '2c000000-0000-4000-8000-000000000001';
const OFFICE = '2c000000-0000-4000-8000-000000000002';
const ORDER = {
  home: '2d000000-0000-4000-8000-000000000001',
  homeAgain: '2d000000-0000-4000-8000-000000000002',
  office: '2d000000-0000-4000-8000-000000000003',
  noAddress: '2d000000-0000-4000-8000-000000000004',
};
const GUEST_ORDER = '2d000000-0000-4000-8000-000000000005';
/** 0001 … 0017: the schema before guest checkout. */
const BEFORE_0018 = ALL_MIGRATIONS.findIndex((m) => m === GuestCheckout1000000000018);

const HOME_SNAPSHOT = {
  fullName: 'Alice Legacy',
  phone: '+49 30 123',
  addressLine1: 'Hauptstraße 1',
  addressLine2: 'Hinterhaus',
  city: 'Berlin',
  state: 'BE',
  postalCode: '10115',
  country: 'DE',
};
const OFFICE_SNAPSHOT = {
  fullName: 'Bob Legacy',
  phone: '+1 555 0100',
  addressLine1: '1 Main St',
  addressLine2: null,
  city: 'Springfield',
  state: 'IL',
  postalCode: '62701',
  country: 'US',
};

function dataSource(url: string, count?: number): DataSource {
  return new DataSource({
    ...buildDataSourceOptions(url),
    migrations: count === undefined ? ALL_MIGRATIONS : ALL_MIGRATIONS.slice(0, count),
  });
}

async function migrate(url: string, count?: number): Promise<void> {
  const ds = dataSource(url, count);
  await ds.initialize();
  try {
    await ds.runMigrations();
  } finally {
    await ds.destroy();
  }
}

/** Reverts the newest migrations, one at a time, until `name` has been reverted. */
async function revertThrough(url: string, name: string): Promise<void> {
  const ds = dataSource(url);
  await ds.initialize();
  try {
    for (;;) {
      const [last] = await ds.query<Array<{ name: string }>>(
        `SELECT name FROM migrations ORDER BY id DESC LIMIT 1`,
      );
      await ds.undoLastMigration();
      if (last.name === name) return;
    }
  } finally {
    await ds.destroy();
  }
}

async function snapshots(client: Client): Promise<Record<string, unknown>> {
  const { rows } = await client.query<{ id: string; shipping_address: unknown }>(
    `SELECT id::text, shipping_address FROM orders ORDER BY id`,
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.shipping_address]));
}

/** The legacy way: the order points at an address-book row and has no copy. */
async function legacyOrders(client: Client): Promise<void> {
  await client.query(`
    INSERT INTO stores (id, slug, name) VALUES ('${STORE}', 's', 'Store');
    INSERT INTO profiles (id, email) VALUES ('${ALICE}', 'alice-legacy@example.com'), ('${BOB}', 'bob-legacy@example.com');
    INSERT INTO addresses (id, user_id, full_name, phone, address_line1, address_line2, city, state, postal_code, country) VALUES
      ('${HOME}', '${ALICE}', 'Alice Legacy', '+49 30 123', 'Hauptstraße 1', 'Hinterhaus', 'Berlin', 'BE', '10115', 'DE'),
      ('${OFFICE}', '${BOB}', 'Bob Legacy', '+1 555 0100', '1 Main St', NULL, 'Springfield', 'IL', '62701', 'US');
    INSERT INTO orders (id, store_id, user_id, order_number, status, subtotal, total, shipping_address_id) VALUES
      ('${ORDER.home}', '${STORE}', '${ALICE}', '20260100001', 'delivered', 10, 10, '${HOME}'),
      ('${ORDER.homeAgain}', '${STORE}', '${ALICE}', '20260100002', 'paid', 20, 20, '${HOME}'),
      ('${ORDER.office}', '${STORE}', '${BOB}', '20260100003', 'shipped', 30, 30, '${OFFICE}'),
      ('${ORDER.noAddress}', '${STORE}', '${BOB}', '20260100004', 'cancelled', 40, 40, NULL);`);
}

describe('migration 0018 on legacy orders: the address copies', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    const baseline = new DataSource({ ...buildDataSourceOptions(db.url), migrations: [LEGACY_BASELINE] });
    await baseline.initialize();
    await baseline.runMigrations();
    await baseline.destroy();
    await migrate(db.url, BEFORE_0018);
    client = new Client({ connectionString: db.url });
    await client.connect();
    await legacyOrders(client);
    await migrate(db.url);
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('copies each order’s address onto the order, and leaves orders without one without', async () => {
    expect(await snapshots(client)).toEqual({
      [ORDER.home]: HOME_SNAPSHOT,
      [ORDER.homeAgain]: HOME_SNAPSHOT,
      [ORDER.office]: OFFICE_SNAPSHOT,
      [ORDER.noAddress]: null,
    });
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM orders WHERE shipping_address_id IS NULL`,
    );
    expect(rows[0].n).toBe(1); // the link stays where it was
  });

  it('keeps the copy when the address is edited, and when it is deleted (the link is cleared)', async () => {
    await client.query(
      `UPDATE addresses SET city = 'Potsdam', address_line1 = 'Neuer Markt 2' WHERE id = $1`,
      [HOME],
    );
    await client.query(`DELETE FROM addresses WHERE id = $1`, [OFFICE]);
    expect(await snapshots(client)).toEqual({
      [ORDER.home]: HOME_SNAPSHOT,
      [ORDER.homeAgain]: HOME_SNAPSHOT,
      [ORDER.office]: OFFICE_SNAPSHOT,
      [ORDER.noAddress]: null,
    });
    const { rows } = await client.query(`SELECT shipping_address_id FROM orders WHERE id = $1`, [
      ORDER.office,
    ]);
    expect(rows[0].shipping_address_id).toBeNull(); // ON DELETE SET NULL since 0018
  });

  it('down refuses while a guest order exists, then drops the copies and restores RESTRICT and NOT NULL', async () => {
    await revertThrough(db.url, 'Shipping1000000000019');
    await client.query(
      `INSERT INTO orders (id, store_id, order_number, status, subtotal, total, guest_email, order_token_hash)
       VALUES ($1, $2, '20260100005', 'pending', 5, 5, 'guest@example.com', 'hash')`,
      [GUEST_ORDER, STORE],
    );
    await expect(revertThrough(db.url, 'GuestCheckout1000000000018')).rejects.toThrow(
      /1 guest order\(s\) have no user/,
    );
    expect(Object.keys(await snapshots(client))).toHaveLength(5); // nothing changed
    await client.query(`DELETE FROM orders WHERE id = $1`, [GUEST_ORDER]);

    await revertThrough(db.url, 'GuestCheckout1000000000018');
    const columns = await client.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'
          AND column_name IN ('shipping_address', 'guest_email', 'order_token_hash', 'shipping_method_id')`,
    );
    expect(columns.rows).toEqual([]);
    const fk = await client.query(
      `SELECT confdeltype FROM pg_constraint WHERE conrelid = 'public.orders'::regclass AND conname = 'fk_orders_shipping_address'`,
    );
    expect(fk.rows).toEqual([{ confdeltype: 'r' }]);
    const userId = await client.query(
      `SELECT is_nullable FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'user_id'`,
    );
    expect(userId.rows).toEqual([{ is_nullable: 'NO' }]);
    // Orders read the address book again: the edit shows through (the caveat the runbook names).
    const { rows } = await client.query(
      `SELECT o.id::text, a.city FROM orders o LEFT JOIN addresses a ON a.id = o.shipping_address_id ORDER BY o.id`,
    );
    expect(rows).toEqual([
      { id: ORDER.home, city: 'Potsdam' },
      { id: ORDER.homeAgain, city: 'Potsdam' },
      { id: ORDER.office, city: null },
      { id: ORDER.noAddress, city: null },
    ]);
    await expect(client.query(`DELETE FROM addresses WHERE id = $1`, [HOME])).rejects.toThrow(/foreign key/);

    // And up again: the copies come back from the (edited) address book.
    await migrate(db.url);
    expect((await snapshots(client))[ORDER.home]).toEqual({
      ...HOME_SNAPSHOT,
      city: 'Potsdam',
      addressLine1: 'Neuer Markt 2',
    });
  });
});
