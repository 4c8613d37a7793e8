import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { EmbeddedPostgres, findFreePort } from '../../src/dev-postgres';
import { TEMP_DIR_PREFIX } from '../support/constants';

/**
 * A PostgreSQL cluster of its own for a test that stops, freezes and restarts it: never the shared
 * test cluster, which other test files use at the same time. Same port across restarts, so the app's
 * DATABASE_URL stays valid. The temp dir uses the harness's prefix and owner file, so a killed run's
 * leftovers are cleaned up by the next run's global setup (test/support/global-setup.ts).
 */
export class OwnCluster {
  private frozen: number[] = [];

  private constructor(
    readonly postgres: EmbeddedPostgres,
    readonly dataDir: string,
    readonly url: string,
  ) {}

  /** Started and migrated. */
  static async start(): Promise<OwnCluster> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), TEMP_DIR_PREFIX));
    fs.chmodSync(dataDir, 0o755);
    fs.writeFileSync(path.join(dataDir, 'owner.pid'), String(process.pid));
    const postgres = new EmbeddedPostgres({
      dataDir,
      port: await findFreePort(),
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
    const { url } = await postgres.start();
    const dataSource = new DataSource(buildDataSourceOptions(url, { poolSize: 2 }));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
    } finally {
      await dataSource.destroy();
    }
    return new OwnCluster(postgres, dataDir, url);
  }

  /** Fast shutdown (every session is terminated); new connections are then refused. */
  async stop(): Promise<void> {
    await this.postgres.stop();
  }

  async restart(): Promise<void> {
    await this.postgres.start();
  }

  /**
   * Smart shutdown (pg_ctl stop -m smart): sessions already open keep working, new connections get
   * 57P03 "the database system is shutting down"; the server exits when the last session ends.
   */
  smartShutdown(): void {
    process.kill(this.postmasterPid(), 'SIGTERM');
  }

  /** Waits until the postmaster has exited (after a smart shutdown's last session ended). */
  async waitForExit(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (fs.existsSync(path.join(this.postgres.pgdata, 'postmaster.pid'))) {
      if (Date.now() > deadline) throw new Error('PostgreSQL did not exit');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Let EmbeddedPostgres see its child's exit, so that start() is allowed again.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  /**
   * SIGSTOP to the postmaster and every process it forked (backends, checkpointer, WAL writer…): not
   * a process-group kill, since each PostgreSQL child makes itself a group leader (setsid). The
   * postmaster first, so it forks nothing new. The kernel still accepts TCP connections into the
   * backlog; nothing answers. Returns the pids stopped.
   */
  freeze(): number[] {
    const postmaster = this.postmasterPid();
    process.kill(postmaster, 'SIGSTOP');
    this.frozen = [postmaster];
    for (const pid of childrenOf(postmaster)) {
      process.kill(pid, 'SIGSTOP');
      this.frozen.push(pid);
    }
    return [...this.frozen];
  }

  /** SIGCONT to every frozen process; safe to call when nothing is frozen. */
  thaw(): void {
    const pids = this.frozen;
    this.frozen = [];
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // Gone (the server exited): nothing to wake.
      }
    }
  }

  /** The states (`T` = stopped) of the postmaster and its children, from /proc. */
  states(): string[] {
    const postmaster = this.postmasterPid();
    return [postmaster, ...childrenOf(postmaster)].map((pid) => procStat(pid)?.state ?? '?');
  }

  /** Always safe: wakes a frozen server, stops it, removes its files. */
  async destroy(): Promise<void> {
    this.thaw();
    await this.postgres.stop().catch(() => undefined);
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  private postmasterPid(): number {
    const pid = Number.parseInt(
      fs.readFileSync(path.join(this.postgres.pgdata, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '',
      10,
    );
    if (!Number.isInteger(pid) || pid <= 1) throw new Error('no postmaster.pid');
    return pid;
  }
}

/** Pids whose parent is `parent`. */
function childrenOf(parent: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && procStat(Number(entry))?.ppid === parent) pids.push(Number(entry));
  }
  return pids;
}

/** State and parent of a pid from /proc/<pid>/stat (the command name may hold spaces). */
function procStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '?', ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}
