/** Work run every `everyMs`: once per period in the whole deployment (pg-boss), or in each process. */
export interface PeriodicJob {
  name: string;
  everyMs: number;
  /** Runs as the system (runAsSystem); throws to fail the run (retried, counted). Must be idempotent. */
  run(): Promise<void>;
}

/** What metrics read (scale-out's /metrics): per job, since this process started. */
export interface JobStats {
  name: string;
  /** Runs waiting or running in the queue (created, retry, active); 0 for in-process timers. */
  depth: number;
  /** Runs of this process that finished / threw. */
  runs: number;
  failures: number;
}

/** Where periodic jobs run: in-process timers or pg-boss. */
export interface JobRunner {
  start(jobs: readonly CountedJob[]): Promise<void>;
  stop(): Promise<void>;
  depth(name: string): Promise<number>;
}

/** A job wrapped with its counters and the system context (JobsService.counted). */
export interface CountedJob {
  name: string;
  everyMs: number;
  run(): Promise<void>;
}
