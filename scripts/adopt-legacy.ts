/**
 * npm run db:adopt-legacy
 *
 * Lets an existing database in the legacy shape adopt the project: records migration 0001 (the legacy
 * baseline) as applied, so `migration:run` continues with 0002. Checks first that the legacy tables are
 * there and that no migration was recorded yet; changes nothing else. Exit 0 done, 1 refused, 2 cannot
 * connect. See docs/migrations.md.
 */
import { Client } from 'pg';
import { LEGACY_BASELINE } from '../migrations';

const LEGACY_TABLES = [
  'stores',
  'profiles',
  'categories',
  'tags',
  'products',
  'product_variants',
  'inventory',
  'orders',
  'order_items',
  'store_customers',
];

export async function adoptLegacy(client: Client): Promise<{ ok: boolean; message: string }> {
  const name = new LEGACY_BASELINE().name;
  const timestamp = name.slice(-13);

  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1)`,
    [LEGACY_TABLES],
  );
  const missing = LEGACY_TABLES.filter((t) => !tables.rows.some((r) => r.table_name === t));
  if (missing.length > 0) {
    return { ok: false, message: `Not a legacy database: missing table(s) ${missing.join(', ')}.` };
  }
  const json = await client.query(
    `SELECT 1 FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'store_customers' AND column_name = 'orders'`,
  );
  if (json.rowCount === 0) {
    return { ok: false, message: 'Not the legacy shape: store_customers.orders is missing.' };
  }

  await client.query('BEGIN');
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS migrations (
         id SERIAL NOT NULL, "timestamp" BIGINT NOT NULL, name CHARACTER VARYING NOT NULL,
         CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY (id))`,
    );
    await client.query(`LOCK TABLE migrations IN EXCLUSIVE MODE`);
    const recorded = await client.query<{ name: string }>(`SELECT name FROM migrations`);
    if (recorded.rowCount !== 0) {
      await client.query('ROLLBACK');
      return {
        ok: recorded.rows.some((r) => r.name === name),
        message: `Migrations are already recorded (${recorded.rows.map((r) => r.name).join(', ')}); nothing to do.`,
      };
    }
    await client.query(`INSERT INTO migrations ("timestamp", name) VALUES ($1, $2)`, [timestamp, name]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return {
    ok: true,
    message: `Recorded ${name} as applied. Next: npm run db:verify, then npm run migration:run (docs/migrations.md).`,
  };
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set.');
    return 2;
  }
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    console.error(
      `Cannot connect to the database: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  try {
    const result = await adoptLegacy(client);
    (result.ok ? console.log : console.error)(result.message);
    return result.ok ? 0 : 1;
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(2);
    },
  );
}
