import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { findFreePort } from '../../src/dev-postgres';
import { resolveRunAs } from '../../src/dev-postgres/os-user';
import { TEMP_DIR_PREFIX } from './constants';

export const PGBOUNCER_BIN = process.env.PGBOUNCER_BIN ?? '/usr/sbin/pgbouncer';

export function pgbouncerAvailable(): boolean {
  return fs.existsSync(PGBOUNCER_BIN);
}

/**
 * The startup parameters node-postgres sends that PgBouncer 1.18 does not know: accepted and dropped
 * (so behind it statement_timeout & co. must be set on the server role: docs/operations.md).
 */
export const IGNORED_STARTUP_PARAMETERS = [
  'statement_timeout',
  'idle_in_transaction_session_timeout',
  'lock_timeout',
  'options',
  'extra_float_digits',
];

export interface Pgbouncer {
  /** `databaseUrl` with PgBouncer's host and port instead of the server's. */
  url: string;
  /** What PgBouncer logged so far. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * A real PgBouncer (Debian's 1.18) in front of the server of `databaseUrl`, in `poolMode`, with
 * `poolSize` server connections per user and database: fewer than the app's pool, so that client
 * connections really share server connections. Clients are trusted; PgBouncer logs in to the server
 * with the URL's password (userlist). As root it runs as the `postgres` OS user (it refuses root).
 */
export async function startPgbouncer(
  databaseUrl: string,
  options: { poolMode?: 'transaction' | 'session'; poolSize?: number } = {},
): Promise<Pgbouncer> {
  const server = new URL(databaseUrl);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), TEMP_DIR_PREFIX));
  fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  const port = await findFreePort();
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  fs.writeFileSync(path.join(dir, 'userlist.txt'), `"${user}" "${password.replace(/"/g, '""')}"\n`);
  const ini = path.join(dir, 'pgbouncer.ini');
  fs.writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || '5432'}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      `admin_users = ${user}`,
      `pool_mode = ${options.poolMode ?? 'transaction'}`,
      `default_pool_size = ${options.poolSize ?? 3}`,
      'max_client_conn = 500',
      `ignore_startup_parameters = ${IGNORED_STARTUP_PARAMETERS.join(',')}`,
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  const runAs = await resolveRunAs();
  if (runAs) execFileSync('chown', ['-R', `${runAs.uid}:${runAs.gid}`, dir]);
  const child: ChildProcess = spawn(PGBOUNCER_BIN, [ini], {
    stdio: 'ignore',
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
  await waitForPort(port, child, dir);
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    log: () => fs.readFileSync(path.join(dir, 'pgbouncer.log'), 'utf8'),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, child: ChildProcess, dir: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = fs.existsSync(path.join(dir, 'pgbouncer.log'))
        ? fs.readFileSync(path.join(dir, 'pgbouncer.log'), 'utf8')
        : '';
      throw new Error(`pgbouncer exited (${child.exitCode}): ${log.slice(-2000)}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error('pgbouncer did not start listening');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
