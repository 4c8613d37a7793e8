import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { EmbeddedPostgresError, errnoCode } from './errors';

/** The superuser's password, kept in `<dataDir>/pg-password`; created with a new cluster only. */
export async function readOrCreatePassword(
  dataDir: string,
  pgdata: string,
  hasCluster: boolean,
): Promise<string> {
  const file = path.join(dataDir, 'pg-password');
  try {
    const existing = (await fsp.readFile(file, 'utf8')).trim();
    if (existing) {
      return existing;
    }
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') {
      throw error;
    }
  }
  if (hasCluster) {
    throw new EmbeddedPostgresError(
      `${file} is missing, so the existing cluster in ${pgdata} cannot be opened. ` +
        `Restore the file, or delete ${dataDir} to start with an empty database.`,
    );
  }
  const password = randomBytes(24).toString('hex');
  // Only this process reads it (to build the URL); Postgres gets a temporary copy for initdb.
  await fsp.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}
