import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { runAsSystem } from '../database/rls/db-context';
import { InProcessRunner } from './in-process-runner';
import { JobName } from './job-queues';
import { CountedJob, JobRunner, JobStats, PeriodicJob } from './periodic-job';
import { PgBossRunner } from './pg-boss-runner';

interface Counters {
  runs: number;
  failures: number;
}

/**
 * The app's periodic background jobs. Modules `define` theirs while the app initialises (constructor
 * or onModuleInit); at bootstrap they start on the runner JOBS names: `inprocess` timers or pg-boss.
 * Every run acts as the system (runAsSystem) and is counted.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly jobs = new Map<string, CountedJob>();
  private readonly counters = new Map<string, Counters>();
  private runner: JobRunner | undefined;

  constructor(@InjectAppConfig() private readonly config: AppConfig) {}

  get runnerKind(): AppConfig['jobs']['runner'] {
    return this.config.jobs.runner;
  }

  define(job: PeriodicJob & { name: JobName }): void {
    if (this.runner) throw new Error(`Job ${job.name} defined after the jobs started`);
    if (this.jobs.has(job.name)) throw new Error(`Job ${job.name} defined twice`);
    const counters: Counters = { runs: 0, failures: 0 };
    this.counters.set(job.name, counters);
    this.jobs.set(job.name, {
      name: job.name,
      everyMs: job.everyMs,
      run: async () => {
        try {
          await runAsSystem(() => job.run());
          counters.runs += 1;
        } catch (error) {
          counters.failures += 1;
          this.logger.error(
            `Job ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          throw error;
        }
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const { runner } = this.config.jobs;
    const databaseUrl = this.config.databaseUrl;
    if (runner === 'pgboss' && databaseUrl === undefined) throw new Error('JOBS=pgboss needs a database URL');
    this.runner =
      runner === 'pgboss'
        ? new PgBossRunner(databaseUrl as string, this.config.jobs, this.logger)
        : new InProcessRunner(this.logger);
    await this.runner.start([...this.jobs.values()]);
  }

  /** Before the DataSource closes: no new runs; the runs in progress finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }

  /** Runs a defined job here and now, outside its schedule (counted like a scheduled run). */
  runNow(name: JobName): Promise<void> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`No job ${name} in this process`);
    return job.run();
  }

  /** Queue depth and this process's run and failure counts, per job (for /metrics). */
  async stats(): Promise<JobStats[]> {
    return Promise.all(
      [...this.jobs.keys()].map(async (name) => {
        const counters = this.counters.get(name) ?? { runs: 0, failures: 0 };
        return { name, depth: (await this.runner?.depth(name)) ?? 0, ...counters };
      }),
    );
  }
}
