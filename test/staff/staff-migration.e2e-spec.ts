/**
 * Migration 0022 on a database with data: every existing `admin` becomes `owner` of every existing
 * store (customers and super admins get nothing), the backfill crosses batch boundaries, a re-run
 * changes nothing, and `down` removes both tables.
 */
import { DataSource, QueryRunner } from 'typeorm';
import { StoreStaff1000000000022 } from '../../migrations/0022-store-staff';
import { createTestDatabase, TestDatabase } from '../support/database';

describe('migration 0022: store staff backfill', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let q: QueryRunner;
  const migration = new StoreStaff1000000000022();
  const rows = <T>(sql: string, params: unknown[] = []) => q.query(sql, params) as Promise<T[]>;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    q = dataSource.createQueryRunner();
    await migration.down(q); // back to 0021's schema, with room for data the backfill must see
  });

  afterAll(async () => {
    await q?.release();
    await dataSource?.destroy();
    await db?.drop();
  });

  it('makes every admin owner of every store, nobody else anything; a re-run adds nothing', async () => {
    // More stores than one batch (500) so the keyset walk is exercised.
    await q.query(
      `INSERT INTO stores (slug, name) SELECT 'm22-' || g, 'Store ' || g FROM generate_series(1, 1203) g`,
    );
    await q.query(
      `INSERT INTO profiles (email, role) VALUES
         ('a1@m22.example', 'admin'), ('a2@m22.example', 'admin'),
         ('s1@m22.example', 'super_admin'), ('c1@m22.example', 'customer')`,
    );
    await migration.up(q);
    const [{ stores }] = await rows<{ stores: string }>(`SELECT count(*) AS stores FROM stores`);
    const byRole = await rows<{ email: string; role: string; n: string }>(
      `SELECT p.email, m.role, count(*) AS n FROM store_memberships m JOIN profiles p ON p.id = m.profile_id
        GROUP BY p.email, m.role ORDER BY p.email`,
    );
    expect(byRole).toEqual([
      { email: 'a1@m22.example', role: 'owner', n: stores },
      { email: 'a2@m22.example', role: 'owner', n: stores },
    ]);

    await migration.down(q);
    expect(await rows(`SELECT to_regclass('store_memberships') AS t`)).toEqual([{ t: null }]);
    expect(await rows(`SELECT to_regclass('store_invitations') AS t`)).toEqual([{ t: null }]);
    await migration.up(q);
    const [{ n }] = await rows<{ n: string }>(`SELECT count(*) AS n FROM store_memberships`);
    expect(Number(n)).toBe(2 * Number(stores));
  });
});
