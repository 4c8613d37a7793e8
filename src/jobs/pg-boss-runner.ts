import { Logger } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { JobsSettings } from '../config/app-config';
import { CountedJob, JobRunner } from './periodic-job';

/** Schema of migration 0025. */
export const PG_BOSS_SCHEMA = 'pgboss';
/** pg-boss's own pool: job fetches and state changes are short; the jobs' work uses the app's pool. */
const POOL_SIZE = 3;
/** A finished job stays in pgboss.job at least this long (it holds its period's throttle slot). */
const MIN_ARCHIVE_SECONDS = 3600;

/**
 * JOBS=pgboss: periodic jobs on pg-boss in the app's PostgreSQL (schema built by migration 0025,
 * started with `migrate: false`).
 *
 * Once per period across instances: every instance offers its period's job (`sendThrottled`, i.e.
 * `singletonSeconds` = the period) twice per period, and pg-boss's unique index on (name,
 * singleton_on) admits one job per period slot however many instances offer it. Any instance's worker
 * takes it. A run that throws is retried (JOBS_RETRY_LIMIT, JOBS_RETRY_DELAY_SECONDS, doubling); a
 * run whose worker died stays `active` until JOBS_EXPIRE_SECONDS and is then retried by the
 * maintenance of whichever instance holds pg-boss's maintenance slot.
 */
export class PgBossRunner implements JobRunner {
  private boss: PgBoss | undefined;
  private readonly tickers: NodeJS.Timeout[] = [];

  constructor(
    private readonly connectionString: string,
    private readonly settings: JobsSettings,
    private readonly logger: Logger,
  ) {}

  async start(jobs: readonly CountedJob[]): Promise<void> {
    const longest = Math.max(0, ...jobs.map((job) => periodSeconds(job)));
    const boss = new PgBoss({
      connectionString: this.connectionString,
      schema: PG_BOSS_SCHEMA,
      application_name: 'commerce-jobs',
      max: POOL_SIZE,
      migrate: false,
      // Periods are ours (throttle slots): no cron, no pg-boss clock monitor.
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: this.settings.maintenanceIntervalSeconds,
      archiveCompletedAfterSeconds: Math.max(MIN_ARCHIVE_SECONDS, 2 * longest),
      deleteAfterDays: 1,
    });
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    this.boss = boss;
    for (const job of jobs) await this.startJob(boss, job);
  }

  async stop(): Promise<void> {
    for (const ticker of this.tickers.splice(0)) clearInterval(ticker);
    // Graceful: the runs in progress finish (and are marked) before the pool closes.
    await this.boss?.stop({ graceful: true, wait: true, timeout: 30_000 });
    this.boss = undefined;
  }

  async depth(name: string): Promise<number> {
    return this.boss ? this.boss.getQueueSize(name, { before: 'completed' }) : 0;
  }

  private async startJob(boss: PgBoss, job: CountedJob): Promise<void> {
    // A no-op for the queues of migration 0025; a queue missing there fails here (the app may not create it).
    await boss.createQueue(job.name);
    const seconds = periodSeconds(job);
    await boss.work(
      job.name,
      { batchSize: 1, pollingIntervalSeconds: Math.min(2, Math.max(0.5, seconds / 2)) },
      () => job.run(),
    );
    const options: PgBoss.SendOptions = {
      retryLimit: this.settings.retryLimit,
      retryDelay: this.settings.retryDelaySeconds,
      retryBackoff: this.settings.retryDelaySeconds > 0,
      expireInSeconds: this.settings.expireSeconds,
    };
    const offer = (): void => {
      boss
        .sendThrottled(job.name, {}, options, seconds)
        .catch((error: unknown) => this.logger.error(`Scheduling ${job.name} failed: ${message(error)}`));
    };
    offer();
    const ticker = setInterval(offer, (seconds * 1000) / 2);
    ticker.unref();
    this.tickers.push(ticker);
  }
}

function periodSeconds(job: CountedJob): number {
  return Math.max(1, Math.round(job.everyMs / 1000));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
