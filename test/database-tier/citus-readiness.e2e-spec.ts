/**
 * Keeps the schema on the path to a distributed PostgreSQL (docs/operations.md, "Past one primary (Citus)"):
 * every table of `public` either carries `store_id` (distributed by it), is declared global, or is a
 * child table listed as still finding its store through its parent. A new table must pick one.
 */
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../support/database';

/** Reference tables (copied to every node) and coordinator-only tables: no store of their own. */
const GLOBAL_TABLES = [
  'stores',
  'profiles',
  'admin_invitations',
  'refresh_tokens',
  'account_tokens',
  'addresses',
  'payment_events',
  'order_number_counters',
  'migrations',
];

/** Store data reached through a parent today: each needs its own store_id before distribution. */
const CHILDREN_WITHOUT_STORE_ID = [
  'order_items',
  'cart_items',
  'inventory',
  'inventory_reservations',
  'payments',
  'product_images',
  'product_tags',
  'fulfillment_items',
  'return_items',
  'event_deliveries',
  'mail_deliveries',
  'idempotency_keys',
];

describe('schema ready for store_id distribution', () => {
  let db: TestDatabase;
  let sql: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  it('every table has store_id, or is declared global or a known child', async () => {
    const { rows } = await sql.query<{ table: string; store: boolean }>(`
      SELECT c.relname AS table,
             EXISTS (SELECT 1 FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attname = 'store_id' AND NOT a.attisdropped) AS store
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       ORDER BY 1`);
    const declared = new Set([...GLOBAL_TABLES, ...CHILDREN_WITHOUT_STORE_ID]);
    const undeclared = rows.filter((r) => !r.store && !declared.has(r.table)).map((r) => r.table);
    expect(undeclared).toEqual([]);
    // A child that gained store_id (or a table that went away) leaves the list.
    const present = new Map(rows.map((r) => [r.table, r.store]));
    const stale = CHILDREN_WITHOUT_STORE_ID.filter((t) => present.get(t) !== false);
    expect(stale).toEqual([]);
  });
});
