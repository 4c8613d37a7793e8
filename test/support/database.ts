import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DEFAULT_APP_ROLE, grantAppRoleSql, runAll } from '../../src/database/rls/app-role';
import { ADMIN_URL_ENV, APP_ROLE_URL_ENV, TEMPLATE_DATABASE } from './constants';

export interface TestDatabase {
  /** Connection URL for this database (same server and credentials as the admin URL). */
  url: string;
  name: string;
  /** Drops the database, disconnecting whoever is still connected. Safe to call twice. */
  drop(): Promise<void>;
}

let counter = 0;

/** A fresh database with every migration applied (cloned from the migrated template). */
export function createTestDatabase(): Promise<TestDatabase> {
  return createDatabase(TEMPLATE_DATABASE);
}

/** A fresh, empty database (not even the migrations table), for migration tests. */
export function createEmptyDatabase(): Promise<TestDatabase> {
  // template0: template1 could carry objects someone added; template0 is pristine by definition.
  return createDatabase('template0');
}

/** The cluster's admin URL (database `postgres`), for tests that need server-level statements. */
export function adminUrl(): string {
  const url = process.env[ADMIN_URL_ENV];
  if (!url) {
    throw new Error(`${ADMIN_URL_ENV} is not set: run the tests through jest (test/support/global-setup.ts)`);
  }
  return url;
}

/** `url` with another database name. */
export function urlForDatabase(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/**
 * Row-level security in test apps: on, as in the app (DATABASE_RLS unset or `on`); `DATABASE_RLS=off
 * npx jest …` runs the suite with the app's own checks alone, as the owner.
 */
export function rlsEnabled(): boolean {
  return (process.env.DATABASE_RLS?.trim().toLowerCase() || 'on') !== 'off';
}

/**
 * `url` (a test database, as the cluster's superuser) as the app's own role instead (no owner, no
 * BYPASSRLS): what a test app connects as, so that the policies hold for it as in production. Any other
 * URL is returned as is.
 */
export function appRoleUrlFor(url: string): string {
  const appUrl = process.env[APP_ROLE_URL_ENV];
  if (!appUrl) return url;
  const target = new URL(url);
  if (decodeURIComponent(target.username) !== new URL(adminUrl()).username) return url;
  const role = new URL(appUrl);
  target.username = role.username;
  target.password = role.password;
  return target.toString();
}

/** Gives the app role its rights in the database of `url` (idempotent; run as the superuser). */
export async function grantAppRole(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    // A cluster of the test's own (outage tests) has no app role yet: test apps only SET ROLE to it.
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${DEFAULT_APP_ROLE}') THEN
        CREATE ROLE ${DEFAULT_APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
    END $$`);
    await runAll(client, grantAppRoleSql(DEFAULT_APP_ROLE));
  } finally {
    await client.end();
  }
}

async function createDatabase(template: string): Promise<TestDatabase> {
  counter += 1;
  const worker = process.env.JEST_WORKER_ID ?? '0';
  const name = `test_w${worker}_${counter}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) =>
    client.query(
      `CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`,
    ),
  );
  let dropped = false;
  return {
    name,
    url: urlForDatabase(name),
    drop: async () => {
      if (dropped) {
        return;
      }
      dropped = true;
      await withAdminClient((client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
