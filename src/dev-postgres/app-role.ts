import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { Client } from 'pg';
import { createAppRoleSql, DEFAULT_APP_ROLE, grantAppRoleSql, runAll } from '../database/rls/app-role';
import { errnoCode } from './errors';

/** The app role's password, kept beside the superuser's (`<dataDir>/pg-app-password`). */
async function readOrCreateAppPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-app-password');
  try {
    const existing = (await fsp.readFile(file, 'utf8')).trim();
    if (existing) return existing;
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
  const password = randomBytes(24).toString('hex');
  await fsp.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * The app's own role in the embedded cluster (docs/security.md, "Database roles"): created or its
 * password reset through the superuser's `adminUrl`, then given its rights in `databaseUrl` (run after
 * the migrations, so that every table exists). The superuser owns the tables and runs the migrations.
 * Returns `databaseUrl` with the app role's credentials.
 */
export async function provisionAppRole(
  dataDir: string,
  adminUrl: string,
  databaseUrl: string,
): Promise<string> {
  const password = await readOrCreateAppPassword(dataDir);
  await withClient(adminUrl, (client) => runAll(client, createAppRoleSql(DEFAULT_APP_ROLE, password)));
  await withClient(databaseUrl, (client) => runAll(client, grantAppRoleSql(DEFAULT_APP_ROLE)));
  const url = new URL(databaseUrl);
  url.username = DEFAULT_APP_ROLE;
  url.password = password;
  return url.toString();
}

async function withClient(url: string, work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
