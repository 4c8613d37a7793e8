import { Counter, Gauge, Registry } from 'prom-client';
import { JobsService } from '../jobs/jobs.service';
import { JobStats } from '../jobs/periodic-job';

/**
 * The periodic jobs (src/jobs), read from JobsService at scrape time: the queue depth (pg-boss's queue,
 * shared by every instance, so the largest report counts; always 0 in-process) and this process's runs
 * and failures (summed across workers). A failure count that grows is what an alert watches.
 */
export function registerJobGauges(registry: Registry, jobs: JobsService): void {
  // One stats() read per scrape feeds all three (collect runs each metric in turn).
  let pending: Promise<JobStats[]> | undefined;
  const stats = (): Promise<JobStats[]> => {
    pending ??= jobs.stats().finally(() => setImmediate(() => (pending = undefined)));
    return pending;
  };
  new Gauge<'job'>({
    name: 'commerce_job_queue_depth',
    help: 'Runs of each periodic job queued and not yet taken (pg-boss); 0 with JOBS=inprocess',
    labelNames: ['job'],
    aggregator: 'max',
    registers: [registry],
    async collect() {
      this.reset();
      for (const job of await stats()) this.set({ job: job.name }, job.depth);
    },
  });
  const counter = (name: string, help: string, of: (job: JobStats) => number) =>
    new Counter<'job'>({
      name,
      help,
      labelNames: ['job'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const job of await stats()) this.inc({ job: job.name }, of(job));
      },
    });
  counter('commerce_job_runs_total', 'Runs of each periodic job in this process', (job) => job.runs);
  counter(
    'commerce_job_failures_total',
    'Runs of each periodic job that threw, in this process (logged with the error)',
    (job) => job.failures,
  );
}
