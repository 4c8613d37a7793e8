import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { findFreePort } from '../../src/dev-postgres';
import { resolveRunAs, RunAs } from '../../src/dev-postgres/os-user';
import { TEMP_DIR_PREFIX } from './constants';

const execFileAsync = promisify(execFile);

/** Debian's PostgreSQL server binaries (postgresql-15): the embedded package has no pg_basebackup. */
export const PG_BIN_DIR = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const DATABASE = 'commerce';

export function replicaBinariesAvailable(): boolean {
  return ['initdb', 'pg_ctl', 'pg_basebackup'].every((b) => fs.existsSync(path.join(PG_BIN_DIR, b)));
}

interface Node {
  pgdata: string;
  port: number;
  url: string;
}

/**
 * A primary and a streaming replica of its own (two clusters: initdb, then `pg_basebackup -R` of the
 * primary), migrated on the primary. As root, both run as the `postgres` OS user. The temp dir carries
 * the harness's prefix and owner file, so a killed run's leftovers are cleaned up by the next run.
 */
export class ReplicaCluster {
  private constructor(
    private readonly dir: string,
    private readonly runAs: RunAs | undefined,
    readonly primary: Node,
    readonly replica: Node,
  ) {}

  static async start(): Promise<ReplicaCluster> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), TEMP_DIR_PREFIX));
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
    const runAs = await resolveRunAs();
    if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
    const primary = await node(dir, 'primary');
    const replica = await node(dir, 'replica');
    const cluster = new ReplicaCluster(dir, runAs, primary, replica);
    await cluster.bin('initdb', ['-D', primary.pgdata, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    fs.appendFileSync(
      path.join(primary.pgdata, 'postgresql.conf'),
      [
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'wal_level = replica',
        'max_wal_senders = 5',
        'hot_standby = on',
        'fsync = off',
        'full_page_writes = off',
        'max_connections = 100',
        '',
      ].join('\n'),
    );
    fs.appendFileSync(
      path.join(primary.pgdata, 'pg_hba.conf'),
      'host replication replicator 127.0.0.1/32 trust\n',
    );
    await cluster.startNode(primary);
    const bootstrap = { ...primary, url: primary.url.replace(/\/[^/]+$/, '/postgres') };
    await cluster.sql(bootstrap, 'CREATE ROLE replicator REPLICATION LOGIN');
    await cluster.sql(bootstrap, `CREATE DATABASE ${DATABASE}`);
    await cluster.bin('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'replicator'],
      ...['-D', replica.pgdata, '-R', '-X', 'stream', '--checkpoint=fast'],
    ]);
    await cluster.startNode(replica);
    const dataSource = new DataSource(buildDataSourceOptions(primary.url, { poolSize: 2 }));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
    } finally {
      await dataSource.destroy();
    }
    await cluster.waitForReplay();
    return cluster;
  }

  /** Until the replica has replayed everything the primary has written so far. */
  async waitForReplay(timeoutMs = 15_000): Promise<void> {
    const [{ lsn }] = await this.sql<{ lsn: string }>(
      this.primary,
      'SELECT pg_current_wal_lsn()::text AS lsn',
    );
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [{ done }] = await this.sql<{ done: boolean }>(
        this.replica,
        'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
        [lsn],
      );
      if (done) return;
      if (Date.now() > deadline) throw new Error('the replica did not catch up');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Replay stops (WAL still arrives): the replica answers, from the past. */
  async pauseReplay(): Promise<void> {
    await this.sql(this.replica, 'SELECT pg_wal_replay_pause()');
  }

  async resumeReplay(): Promise<void> {
    await this.sql(this.replica, 'SELECT pg_wal_replay_resume()');
  }

  /**
   * SIGSTOP to the replica's postmaster and every process it forked: connections are still accepted
   * by the kernel, nothing answers (a hung server, not a dead one). Returns the thaw.
   */
  freezeReplica(): () => void {
    const postmaster = Number(
      fs.readFileSync(path.join(this.replica.pgdata, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    const pids = [postmaster, ...childrenOf(postmaster)];
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    return () => {
      for (const pid of pids) process.kill(pid, 'SIGCONT');
    };
  }

  async stopReplica(): Promise<void> {
    await this.bin('pg_ctl', ['-D', this.replica.pgdata, '-m', 'fast', '-w', 'stop']);
  }

  async startReplica(): Promise<void> {
    await this.startNode(this.replica);
  }

  async sql<T = Record<string, unknown>>(target: Node, text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: target.url });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    for (const target of [this.replica, this.primary]) {
      if (fs.existsSync(path.join(target.pgdata, 'postmaster.pid'))) {
        await this.bin('pg_ctl', ['-D', target.pgdata, '-m', 'immediate', '-w', 'stop']).catch(
          () => undefined,
        );
      }
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private async startNode(target: Node): Promise<void> {
    await this.bin('pg_ctl', [
      ...['-D', target.pgdata, '-l', `${target.pgdata}.log`, '-w', '-t', '60'],
      ...['-o', `-p ${target.port}`, 'start'],
    ]);
  }

  private async bin(name: string, args: string[]): Promise<void> {
    try {
      await execFileAsync(path.join(PG_BIN_DIR, name), args, {
        cwd: this.dir,
        ...(this.runAs ? { uid: this.runAs.uid, gid: this.runAs.gid } : {}),
        env: { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      throw new Error(`${name} failed: ${stderr.trim() || String(error)}`);
    }
  }
}

function childrenOf(parent: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => {
      if (!/^\d+$/.test(entry)) return false;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function node(dir: string, name: string): Promise<Node> {
  const port = await findFreePort();
  return {
    pgdata: path.join(dir, name),
    port,
    url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}`,
  };
}
