/** `npm run db:adopt-legacy`: an existing legacy database (no migration history) joins the project. */
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS, LEGACY_BASELINE } from '../../migrations';
import { adoptLegacy } from '../../scripts/adopt-legacy';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { createEmptyDatabase } from '../support/database';

describe('db:adopt-legacy', () => {
  let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let client: Client;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    // Build the legacy shape, then forget that a migration made it: that is a legacy database.
    const baseline = new DataSource({ ...buildDataSourceOptions(db.url), migrations: [LEGACY_BASELINE] });
    await baseline.initialize();
    await baseline.runMigrations();
    await baseline.query(`DROP TABLE migrations`);
    await baseline.destroy();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('refuses a database that is not in the legacy shape', async () => {
    const empty = await createEmptyDatabase();
    const other = new Client({ connectionString: empty.url });
    await other.connect();
    try {
      const result = await adoptLegacy(other);
      expect(result.ok).toBe(false);
      expect(result.message).toContain('missing table(s) stores');
      const tables = await other.query(
        `SELECT 1 FROM information_schema.tables WHERE table_name = 'migrations'`,
      );
      expect(tables.rowCount).toBe(0);
    } finally {
      await other.end();
      await empty.drop();
    }
  });

  it('records only the baseline, after which the remaining migrations run', async () => {
    const result = await adoptLegacy(client);
    expect(result).toEqual({
      ok: true,
      message: expect.stringContaining('Recorded LegacyBaseline1000000000001'),
    });

    const again = await adoptLegacy(client);
    expect(again.ok).toBe(true);
    expect(again.message).toContain('already recorded');

    const ds = new DataSource(buildDataSourceOptions(db.url));
    await ds.initialize();
    try {
      const ran = await ds.runMigrations();
      expect(ran.map((m) => m.name)).not.toContain('LegacyBaseline1000000000001');
      expect(ran).toHaveLength(ALL_MIGRATIONS.length - 1);
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
