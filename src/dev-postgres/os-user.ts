import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { EmbeddedPostgresError } from './errors';
import { PG_USER } from './settings';

const execFileAsync = promisify(execFile);

/** The OS user and group the server's processes run as (only when we are root). */
export interface RunAs {
  uid: number;
  gid: number;
}

/** Root cannot run Postgres: use the `postgres` OS user, creating it when missing. */
export async function resolveRunAs(): Promise<RunAs | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return undefined;
  }
  const lookup = async (): Promise<RunAs | undefined> => {
    try {
      const [uid, gid] = await Promise.all([
        execFileAsync('id', ['-u', PG_USER]),
        execFileAsync('id', ['-g', PG_USER]),
      ]);
      return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    } catch {
      return undefined;
    }
  };
  const existing = await lookup();
  if (existing) {
    return existing;
  }
  try {
    const group = await execFileAsync('getent', ['group', PG_USER]).catch(() => undefined);
    if (!group) {
      await execFileAsync('groupadd', ['--system', PG_USER]);
    }
    await execFileAsync('useradd', [
      '--system',
      '--no-create-home',
      '--gid',
      PG_USER,
      '--shell',
      '/usr/sbin/nologin',
      PG_USER,
    ]);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `Running as root, the embedded PostgreSQL needs an OS user "${PG_USER}" and creating it failed ` +
        `(${String((error as { message?: unknown }).message ?? error).split('\n')[0]}). ` +
        `Create it (useradd --system --no-create-home ${PG_USER}) or set DATABASE_URL.`,
    );
  }
  const created = await lookup();
  if (!created) {
    throw new EmbeddedPostgresError(`The OS user "${PG_USER}" could not be found after creating it`);
  }
  return created;
}
