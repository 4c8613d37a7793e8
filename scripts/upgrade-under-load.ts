/**
 * npm run upgrade:under-load [-- --order-items 10000000 --writers 4 --readers 4 --think-ms 5]
 *
 * The legacy upgrade at scale, under live traffic (docs/migrations.md, "The legacy upgrade under live
 * traffic"):
 *  1. a legacy database (the baseline, migration 0001) with `--order-items` lines, generated set-based
 *     (scripts/upgrade-under-load/legacy-data.ts): DATABASE_URL when set (it must be empty), otherwise a
 *     throwaway embedded PostgreSQL;
 *  2. writers placing and paying orders and readers reading orders, each on its own connection, every
 *     request timed, for the whole upgrade (scripts/upgrade-under-load/traffic.ts);
 *  3. every other migration, as `migration:run` does, timed one by one, all of them under the traffic;
 *  4. the checks: no row lost, every pending order's lines are its holds, reserved = holds, counters.
 * Prints the report and writes bench-results/upgrade-under-load.json. Exit 1 when a check fails, a
 * request failed (e.g. a deadlock reached it) or waited longer than --max-wait-ms (default 1000: the
 * migrations' brief-lock lock_timeout of 500 ms plus a margin).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource, Logger } from 'typeorm';
import { ALL_MIGRATIONS, LEGACY_BASELINE } from '../migrations';
import { observeBriefLockRetries } from '../migrations/support';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { EmbeddedPostgres } from '../src/dev-postgres';
import { checkUpgrade, UpgradeCheck, violations } from './upgrade-under-load/check';
import { legacySize, orderCount, seedLegacyData } from './upgrade-under-load/legacy-data';
import { RequestSample, Traffic, TrafficOptions } from './upgrade-under-load/traffic';

export interface UpgradeUnderLoadOptions extends TrafficOptions {
  /** An empty database. */
  url: string;
  orderItems: number;
  log?: (line: string) => void;
}

export interface WaitFigures {
  requests: number;
  maxMs: number;
  p99Ms: number;
  p50Ms: number;
}

export interface MigrationFigures {
  name: string;
  ms: number;
  /** Requests that overlapped this migration, and the longest of them. */
  requests: number;
  maxWaitMs: number;
  /** Brief-lock steps of this migration rolled back and tried again (lock timeout or deadlock). */
  lockRetries: number;
}

export interface UpgradeReport {
  orderItems: number;
  orders: number;
  seedMs: number;
  upgradeMs: number;
  migrations: MigrationFigures[];
  requests: Record<RequestSample['kind'] | 'all', WaitFigures>;
  /** The longest wait on a lock that a traffic request was seen in (sampled every 50 ms; a lower bound). */
  longestLockWaitSeenMs: number;
  longestLockWaitOn: string | null;
  /** Each brief-lock retry: the migration, and 55P03 (lock timeout) or 40P01 (deadlock). */
  lockRetries: Array<{ migration: string; code: string; attempt: number }>;
  /** Migration runs that failed (lock timeout, deadlock) before a later run went through. */
  migrationFailures: string[];
  trafficErrors: string[];
  check: UpgradeCheck;
  violations: string[];
}

const MIGRATION_ATTEMPTS = 5;

function figures(samples: RequestSample[]): WaitFigures {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (p: number) => (ms.length === 0 ? 0 : ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]);
  return { requests: ms.length, maxMs: ms.at(-1) ?? 0, p99Ms: at(0.99), p50Ms: at(0.5) };
}

/** Records when each migration finished (TypeORM reports each one through logSchemaBuild). */
class MigrationClock implements Logger {
  readonly finished: Array<{ name: string; at: number }> = [];
  logSchemaBuild(message: string): void {
    const name = /^Migration (\w+) has been .*executed successfully/.exec(message)?.[1];
    if (name) this.finished.push({ name, at: Date.now() });
  }
  logQuery(): void {}
  logQueryError(): void {}
  logQuerySlow(): void {}
  logMigration(): void {}
  log(): void {}
}

/** Samples pg_stat_activity for traffic requests waiting on a lock. */
class LockWaitSampler {
  longestMs = 0;
  on: string | null = null;
  private timer?: NodeJS.Timeout;
  private busy = false;
  constructor(private readonly client: Client) {}
  start(): void {
    this.timer = setInterval(() => void this.sample(), 50);
  }
  stop(): void {
    clearInterval(this.timer);
  }
  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const { rows } = await this.client.query<{ ms: number; what: string }>(
        `SELECT extract(epoch FROM clock_timestamp() - query_start) * 1000 AS ms, wait_event || ': ' || left(query, 80) AS what
           FROM pg_stat_activity
          WHERE application_name = 'upgrade-traffic' AND wait_event_type = 'Lock'
          ORDER BY 1 DESC LIMIT 1`,
      );
      if (rows[0] && Number(rows[0].ms) > this.longestMs) {
        this.longestMs = Number(rows[0].ms);
        this.on = rows[0].what;
      }
    } catch {
      // a sample lost is no figure wrong
    } finally {
      this.busy = false;
    }
  }
}

export async function runUpgradeUnderLoad(options: UpgradeUnderLoadOptions): Promise<UpgradeReport> {
  const log = options.log ?? (() => undefined);
  const size = legacySize(options.orderItems);

  const baseline = new DataSource({
    ...buildDataSourceOptions(options.url, { systemContext: true }),
    migrations: [LEGACY_BASELINE],
  });
  await baseline.initialize();
  await baseline.runMigrations();
  await baseline.destroy();

  const client = new Client({ connectionString: options.url });
  await client.connect();
  try {
    const seedStarted = Date.now();
    let lastShown = 0;
    await seedLegacyData(client, size, (done, total) => {
      if (Date.now() - lastShown > 10_000 || done === total) {
        lastShown = Date.now();
        log(`  seeded ${done.toLocaleString('en')} / ${total.toLocaleString('en')} rows`);
      }
    });
    const seedMs = Date.now() - seedStarted;
    log(
      `Legacy database: ${size.orderItems.toLocaleString('en')} order_items in ${(seedMs / 1000).toFixed(1)} s`,
    );

    const traffic = new Traffic(options.url, size, options);
    const sampler = new LockWaitSampler(client);
    const clock = new MigrationClock();
    await traffic.start();
    sampler.start();
    // A moment of traffic before the upgrade: the "before" figures.
    await new Promise((r) => setTimeout(r, 1000));
    const upgradeStarted = Date.now();
    const dataSource = new DataSource({
      ...buildDataSourceOptions(options.url, { systemContext: true }),
      migrations: ALL_MIGRATIONS,
      logger: clock,
    });
    await dataSource.initialize();
    const migrationFailures: string[] = [];
    // The migration running is the one after the last that finished.
    const lockRetries: UpgradeReport['lockRetries'] = [];
    observeBriefLockRetries(({ code, attempt }) => {
      const done = clock.finished.at(-1)?.name;
      const running = ALL_MIGRATIONS[ALL_MIGRATIONS.findIndex((m) => m.name === done) + 1]?.name ?? '?';
      lockRetries.push({ migration: running, code, attempt });
    });
    try {
      // As the runbook says: a migration that fails on a lock (timeout, deadlock) is run again.
      for (let attempt = 1; ; attempt++) {
        try {
          await dataSource.runMigrations();
          break;
        } catch (error) {
          const failed = `after ${clock.finished.at(-1)?.name ?? 'none'}: ${(error as Error).message}`;
          migrationFailures.push(failed);
          log(`Migration failed (${failed}); running the migrations again`);
          if (attempt >= MIGRATION_ATTEMPTS) throw error;
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    } finally {
      observeBriefLockRetries(undefined);
      await dataSource.destroy();
    }
    const upgradeMs = Date.now() - upgradeStarted;
    log(`Upgrade: ${(upgradeMs / 1000).toFixed(1)} s`);
    await new Promise((r) => setTimeout(r, 1000));
    sampler.stop();
    const result = await traffic.stop();

    const migrations: MigrationFigures[] = [];
    let from = upgradeStarted;
    for (const step of clock.finished) {
      const overlapping = result.samples.filter((s) => s.startedAt + s.ms >= from && s.startedAt <= step.at);
      migrations.push({
        name: step.name,
        ms: step.at - from,
        requests: overlapping.length,
        maxWaitMs: figures(overlapping).maxMs,
        lockRetries: lockRetries.filter((r) => r.migration === step.name).length,
      });
      from = step.at;
    }
    const byKind = (kind: RequestSample['kind']) => figures(result.samples.filter((s) => s.kind === kind));
    const check = await checkUpgrade(client, size, result.placed);
    const report: UpgradeReport = {
      orderItems: size.orderItems,
      orders: orderCount(size),
      seedMs,
      upgradeMs,
      migrations,
      requests: {
        all: figures(result.samples),
        place: byKind('place'),
        pay: byKind('pay'),
        'read-order': byKind('read-order'),
        'list-orders': byKind('list-orders'),
      },
      longestLockWaitSeenMs: Math.round(sampler.longestMs),
      longestLockWaitOn: sampler.on,
      lockRetries,
      migrationFailures,
      trafficErrors: [...new Set(result.errors)].slice(0, 20),
      check,
      violations: violations(check),
    };
    return report;
  } finally {
    await client.end();
  }
}

function flag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const orderItems = flag(args, 'order-items', 10_000_000);
  const maxWaitMs = flag(args, 'max-wait-ms', 1000);
  const log = (line: string) => console.log(line);
  let url = process.env.DATABASE_URL?.trim();
  let stop: () => Promise<void> = async () => undefined;
  if (!url) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upgrade-under-load-'));
    fs.chmodSync(dataDir, 0o755); // the postgres OS user must be able to enter it
    const postgres = new EmbeddedPostgres({
      dataDir,
      database: 'legacy',
      settings: {
        max_connections: 100,
        shared_buffers: '512MB',
        max_wal_size: '4GB',
        maintenance_work_mem: '256MB',
      },
    });
    url = (await postgres.start()).url;
    stop = async () => {
      await postgres.stop();
      // A failed run keeps the cluster's folder (postgres.log) for a look.
      if (process.exitCode) log(`Kept ${dataDir} (postgres.log)`);
      else fs.rmSync(dataDir, { recursive: true, force: true });
    };
    log(`Throwaway embedded PostgreSQL in ${dataDir}`);
  }
  try {
    process.exitCode = 2; // until a report says otherwise
    log(
      `Load before: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (${os.cpus().length} cores)`,
    );
    const report = await runUpgradeUnderLoad({
      url,
      orderItems,
      writers: flag(args, 'writers', 4),
      readers: flag(args, 'readers', 4),
      thinkMs: flag(args, 'think-ms', 5),
      log,
    });
    const load = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    log(`Load after: ${load}`);
    const out = path.join(__dirname, '..', 'bench-results', 'upgrade-under-load.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      JSON.stringify({ ...report, loadAfter: load, at: new Date().toISOString() }, null, 2),
    );
    console.log(JSON.stringify(report, null, 2));
    process.exitCode = 0;
    const slow = report.requests.all.maxMs > maxWaitMs;
    const failed = report.trafficErrors.length > 0;
    if (report.violations.length > 0 || slow || failed) {
      console.error(
        `FAILED: ${[
          ...report.violations,
          ...(slow ? [`a request waited ${report.requests.all.maxMs.toFixed(0)} ms`] : []),
          ...(failed ? [`requests failed: ${report.trafficErrors.join(' | ')}`] : []),
        ].join('; ')}`,
      );
      process.exitCode = 1;
    }
  } finally {
    await stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  });
}
