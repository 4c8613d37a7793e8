import { Logger } from '@nestjs/common';
import { CountedJob, JobRunner } from './periodic-job';

/**
 * JOBS=inprocess: a timer per job in this process, as before the queue. Safe with several instances
 * (every job claims its rows with SKIP LOCKED), but each instance runs each job once per period. A
 * run that throws is retried at the next period; a tick while a run is in progress joins it.
 */
export class InProcessRunner implements JobRunner {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly logger: Logger) {}

  start(jobs: readonly CountedJob[]): Promise<void> {
    for (const job of jobs) {
      const timer = setInterval(() => void this.runOnce(job), job.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await Promise.allSettled([...this.running.values()]);
  }

  depth(): Promise<number> {
    return Promise.resolve(0);
  }

  private runOnce(job: CountedJob): Promise<void> {
    const existing = this.running.get(job.name);
    if (existing) return existing;
    const run = job
      .run()
      // Counted and logged by the job's wrapper; the next tick is the retry.
      .catch(() => undefined)
      .finally(() => this.running.delete(job.name));
    this.running.set(job.name, run);
    return run;
  }
}
