import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * Migration 0027 wrote the policy helpers out over current_setting() (cheaper to inline when planning).
 * They must answer exactly what 0023's nested definitions answered, NULLs included, for every context
 * the app can stamp and some it never does.
 */
describe('row-level security helpers (migration 0027)', () => {
  let db: TestDatabase;
  let sql: Client;
  const A = '00000000-0000-4000-8000-00000000000a';
  const B = '00000000-0000-4000-8000-00000000000b';
  const C = '00000000-0000-4000-8000-00000000000c';

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    // 0023's bodies, in this session's temporary schema.
    await sql.query(`CREATE FUNCTION pg_temp.nested_is_system() RETURNS boolean LANGUAGE sql STABLE AS
                       $$ SELECT app_role() = 'system' $$`);
    await sql.query(`CREATE FUNCTION pg_temp.nested_all_stores() RETURNS boolean LANGUAGE sql STABLE AS
                       $$ SELECT app_role() IN ('system', 'super_admin') $$`);
    await sql.query(`CREATE FUNCTION pg_temp.nested_store_visible(store uuid) RETURNS boolean LANGUAGE sql STABLE AS
                       $$ SELECT app_role() IN ('system', 'super_admin')
                                 OR (app_role() = 'admin' AND store = ANY (app_store_ids())) $$`);
  });

  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  it('answer what the nested definitions answered, for every role, store list and store', async () => {
    const roles = [null, '', 'anonymous', 'customer', 'admin', 'super_admin', 'system', 'SYSTEM'];
    const storeLists = [null, '', '{}', `{${A}}`, `{${A},${B}}`];
    const stores = [A, B, C, null];
    let compared = 0;
    for (const role of roles) {
      for (const storeIds of storeLists) {
        // null: never set in this session's transaction (current_setting(…, true) is NULL).
        await sql.query('BEGIN');
        if (role !== null) await sql.query(`SELECT set_config('app.role', $1, true)`, [role]);
        if (storeIds !== null) await sql.query(`SELECT set_config('app.store_ids', $1, true)`, [storeIds]);
        for (const store of stores) {
          const { rows } = await sql.query<Record<string, boolean | null>>(
            `SELECT app_store_visible($1::uuid) AS flat, pg_temp.nested_store_visible($1::uuid) AS nested,
                    app_sees_inactive($1::uuid) AS plpgsql,
                    app_all_stores() AS flat_all, pg_temp.nested_all_stores() AS nested_all,
                    app_is_system() AS flat_system, pg_temp.nested_is_system() AS nested_system`,
            [store],
          );
          const context = { role, storeIds, store };
          expect({ ...context, value: rows[0].flat }).toEqual({ ...context, value: rows[0].nested });
          // 0029's PL/pgSQL twin that the public reads call (not inlined): the same answer.
          expect({ ...context, value: rows[0].plpgsql }).toEqual({ ...context, value: rows[0].nested });
          expect({ ...context, value: rows[0].flat_all }).toEqual({ ...context, value: rows[0].nested_all });
          expect({ ...context, value: rows[0].flat_system }).toEqual({
            ...context,
            value: rows[0].nested_system,
          });
          compared++;
        }
        await sql.query('ROLLBACK');
      }
    }
    expect(compared).toBe(roles.length * storeLists.length * stores.length);
  });

  it('call no other helper, so inlining one parses one body', async () => {
    const { rows } = await sql.query<{ proname: string; prosrc: string }>(
      `SELECT proname, prosrc FROM pg_proc
        WHERE proname IN ('app_store_visible', 'app_all_stores', 'app_is_system')`,
    );
    expect(rows).toHaveLength(3);
    // The helper's name is in the failure message: which one calls another.
    for (const row of rows) expect(`${row.proname}: ${row.prosrc}`).not.toMatch(/: .*\bapp_\w+\(/s);
  });
});
