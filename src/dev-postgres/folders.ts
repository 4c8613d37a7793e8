import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { PostgresBinaries } from './binaries';
import { EmbeddedPostgresError } from './errors';
import { RunAs } from './os-user';
import { PG_USER } from './settings';

/** Creates `dir` (0700, owned by the server's OS user when we are root), as Postgres insists. */
export async function prepareDirectory(
  dir: string,
  runAs: RunAs | undefined,
  mustBeEmpty: boolean,
): Promise<void> {
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  if (mustBeEmpty && (await fsp.readdir(dir)).length > 0) {
    throw new EmbeddedPostgresError(
      `${dir} is not empty but holds no cluster (no PG_VERSION): an earlier initdb was interrupted. ` +
        `Delete ${dir} and start again.`,
    );
  }
  if (runAs) {
    const stat = await fsp.stat(dir);
    if (stat.uid !== runAs.uid) {
      // E.g. a cluster created by an earlier non-root run: Postgres insists on owning its files.
      await chownRecursive(dir, runAs);
    }
  }
  // Postgres refuses a data directory that others can read.
  await fsp.chmod(dir, 0o700);
}

/** `<dataDir>/run` unless that is too long for a Unix socket path (107 bytes); then a short /tmp path. */
export function socketDirFor(dataDir: string): string {
  const preferred = path.join(dataDir, 'run');
  if (Buffer.byteLength(path.join(preferred, '.s.PGSQL.65535')) <= 100) {
    return preferred;
  }
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `commerce-pg-${hash}`);
}

/**
 * The `postgres` user must be able to enter every folder above the binaries and the data directory;
 * a checkout under a 0700 home folder is the usual culprit. Checked as that user (so groups and ACLs
 * count), in one `sh` run.
 */
export async function assertTraversable(
  runAs: RunAs,
  binaries: PostgresBinaries,
  dataDir: string,
): Promise<void> {
  const chain = (dir: string): string[] => {
    const dirs: string[] = [];
    for (let current = dir; ; current = path.dirname(current)) {
      dirs.unshift(current);
      if (path.dirname(current) === current) {
        return dirs;
      }
    }
  };
  const checks = [
    ...chain(path.join(binaries.nativeDir, 'bin')),
    path.join(binaries.nativeDir, 'lib'),
    path.join(binaries.nativeDir, 'share'),
    binaries.postgres,
    binaries.initdb,
    ...chain(dataDir),
  ];
  const script = 'for p do [ -x "$p" ] || { printf "%s" "$p"; exit 3; }; done';
  const result = await new Promise<{ code: number | null; failed: string }>((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', script, 'sh', ...checks], {
      ...runAs,
      cwd: '/',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let failed = '';
    child.stdout?.on('data', (chunk: Buffer) => (failed += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, failed }));
  });
  if (result.code === 0) {
    return;
  }
  const failed = result.failed;
  let detail = '';
  try {
    const stat = await fsp.stat(failed);
    detail = ` (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')}, owner uid ${stat.uid})`;
  } catch {
    // Only decoration for the message.
  }
  const what =
    failed.startsWith(dataDir) || dataDir.startsWith(failed + path.sep) || failed === '/'
      ? `the data directory ${dataDir}`
      : `the PostgreSQL binaries in ${binaries.nativeDir}`;
  throw new EmbeddedPostgresError(
    `The embedded PostgreSQL runs as the OS user "${PG_USER}", which cannot enter ${failed}${detail}, ` +
      `a parent folder of ${what}. Allow it (chmod o+x ${failed}), move the project or DATA_DIR out of ` +
      'a private (0700) folder, or set DATABASE_URL.',
  );
}

async function chownRecursive(dir: string, runAs: RunAs): Promise<void> {
  await fsp.chown(dir, runAs.uid, runAs.gid);
  for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      await chownRecursive(full, runAs);
    } else {
      await fsp.lchown(full, runAs.uid, runAs.gid);
    }
  }
}
