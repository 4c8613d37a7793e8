/**
 * The role the app connects as (docs/security.md, "Database roles"): it logs in, owns nothing, is no
 * superuser and has no BYPASSRLS, so every row it touches passes the policies of migration 0023. The
 * embedded default run and the tests create it under this name; an operator may pick another.
 */
export const DEFAULT_APP_ROLE = 'commerce_app';

interface Queryable {
  query(sql: string): Promise<unknown>;
}

/** `CREATE ROLE … LOGIN` unless it exists; then (re)sets its password. Run by a role with CREATEROLE. */
export function createAppRoleSql(role: string, password: string): string[] {
  const name = identifier(role);
  return [
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(role)}) THEN
         CREATE ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
       END IF;
     END $$`,
    `ALTER ROLE ${name} WITH LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${literal(password)}`,
  ];
}

/**
 * The app role's rights in one database, run by the tables' owner after the migrations: read and write
 * every table and sequence (the policies decide which rows), the same on the tables later migrations
 * create (default privileges of the owner), but only SELECT and INSERT on the audit log (append-only)
 * and nothing on the migrations table. Idempotent.
 */
export function grantAppRoleSql(role: string): string[] {
  const name = identifier(role);
  return [
    `GRANT USAGE ON SCHEMA public TO ${name}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${name}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${name}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${name}`,
    // The job queue's schema (migration 0025, src/jobs): rows of its tables only; its queues (partitions)
    // are created by the owner in migrations, whose later tables the default privileges cover.
    `DO $$ BEGIN
       IF to_regnamespace('pgboss') IS NOT NULL THEN
         GRANT USAGE ON SCHEMA pgboss TO ${name};
         GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${name};
         GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${name};
         ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${name};
       END IF;
     END $$`,
    // Guarded: a database the migrations have not reached yet has neither table. The migrations table
    // is read only, for readiness (src/health/readiness.ts, as the system: its policy admits no one else).
    `DO $$ BEGIN
       IF to_regclass('public.logs') IS NOT NULL THEN REVOKE UPDATE, DELETE, TRUNCATE ON logs FROM ${name}; END IF;
       IF to_regclass('public.migrations') IS NOT NULL THEN
         REVOKE ALL ON migrations FROM ${name};
         GRANT SELECT ON migrations TO ${name};
       END IF;
     END $$`,
  ];
}

export async function runAll(client: Queryable, statements: string[]): Promise<void> {
  for (const sql of statements) await client.query(sql);
}

function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
