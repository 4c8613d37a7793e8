import { MigrationInterface, QueryRunner } from 'typeorm';
import { withLockTimeout } from './support';

const ROLE = `COALESCE(NULLIF(current_setting('app.role', true), ''), 'anonymous')`;
const STORE_IDS = `COALESCE(NULLIF(current_setting('app.store_ids', true), ''), '{}')::uuid[]`;

/**
 * The helpers the policies call, each written out over current_setting() instead of calling
 * app_role() and app_store_ids(). Same results (NULL where 0023's gave NULL: an admin and a NULL
 * store). Why: the planner inlines a SQL function by parsing and analysing its body again each time,
 * and every table read carries two permissive policies that both call app_store_visible(), which called
 * app_role() twice and app_store_ids() — a dozen parses per table for each statement planned. A
 * three-table join planned in 0.9 ms as commerce_app against 0.25 ms as the owner; flat, 0.35–0.55 ms
 * (docs/benchmarks.md, 2026-12-02).
 */
const FLAT = [
  `CREATE OR REPLACE FUNCTION app_is_system() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
     $$ SELECT ${ROLE} = 'system' $$`,
  `CREATE OR REPLACE FUNCTION app_all_stores() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
     $$ SELECT ${ROLE} IN ('system', 'super_admin') $$`,
  `CREATE OR REPLACE FUNCTION app_store_visible(store uuid) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
     $$ SELECT CASE ${ROLE} WHEN 'system' THEN true WHEN 'super_admin' THEN true
                            WHEN 'admin' THEN store = ANY (${STORE_IDS}) ELSE false END $$`,
];

/** 0023's definitions, which `down` puts back. */
const NESTED = [
  `CREATE OR REPLACE FUNCTION app_is_system() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
     $$ SELECT app_role() = 'system' $$`,
  `CREATE OR REPLACE FUNCTION app_all_stores() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
     $$ SELECT app_role() IN ('system', 'super_admin') $$`,
  `CREATE OR REPLACE FUNCTION app_store_visible(store uuid) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
     $$ SELECT app_role() IN ('system', 'super_admin') OR (app_role() = 'admin' AND store = ANY (app_store_ids())) $$`,
];

/**
 * 0027 — flat row-level security helpers. Replacing a function locks no table; the sessions' cached
 * plans that inlined the old body are invalidated and planned again once.
 */
export class FlatRlsHelpers1000000000027 implements MigrationInterface {
  name = 'FlatRlsHelpers1000000000027';

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      for (const statement of FLAT) await q.query(statement);
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      for (const statement of NESTED) await q.query(statement);
    });
  }
}
