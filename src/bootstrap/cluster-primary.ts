import cluster, { Worker } from 'node:cluster';
import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { serveClusterMetrics } from '../metrics/cluster-metrics';
import { WORKER_DATABASE_URL_ENV, WORKER_INDEX_ENV } from './cluster-env';
import { Running } from './running';

const logger = new Logger('Cluster');

/** A crashed worker is restarted after 1 s, doubling per crash in a row up to 30 s. */
const RESTART_BASE_MS = 1000;
const RESTART_MAX_MS = 30_000;
/** A worker that ran this long before crashing resets the backoff. */
const STABLE_AFTER_MS = 60_000;
/** After SIGTERM, workers get this long to drain before they are killed. */
const STOP_TIMEOUT_MS = 25_000;

interface Slot {
  index: number;
  worker?: Worker;
  startedAt: number;
  crashes: number;
  restartTimer?: NodeJS.Timeout;
}

/**
 * WEB_CONCURRENCY > 1, the primary: the database is ready (embedded server, migrations and start-up
 * tasks ran once, here); forks the workers, which share PORT (node:cluster hands connections out
 * round-robin), and resolves once every one listens. A worker that dies is restarted with backoff;
 * `running.cluster.stop()` (SIGTERM, SIGINT) forwards SIGTERM and waits for every worker to drain.
 */
export async function forkWorkers(
  config: AppConfig & { databaseUrl: string },
  running: Running,
): Promise<void> {
  serveClusterMetrics();
  const slots: Slot[] = Array.from({ length: config.webConcurrency }, (_, index) => ({
    index,
    startedAt: 0,
    crashes: 0,
  }));
  let stopping = false;

  const fork = (slot: Slot): Worker => {
    const worker = cluster.fork({
      [WORKER_DATABASE_URL_ENV]: config.databaseUrl,
      [WORKER_INDEX_ENV]: String(slot.index),
      // The outbox dispatcher and webhook sender run in worker 0 only: N pollers would do the same
      // work N times over (they stay correct, claims are SKIP LOCKED). Explicit settings win.
      ...(slot.index > 0 && process.env.EVENTS_DISPATCH === undefined ? { EVENTS_DISPATCH: 'false' } : {}),
    });
    slot.worker = worker;
    slot.startedAt = Date.now();
    return worker;
  };

  const firstListen = slots.map(
    (slot) =>
      new Promise<void>((resolve, reject) => {
        const worker = fork(slot);
        worker.once('listening', () => resolve());
        worker.once('exit', (code, signal) =>
          reject(new Error(`worker ${slot.index} exited during start-up (${signal ?? `code ${code}`})`)),
        );
      }),
  );

  cluster.on('exit', (worker, code, signal) => {
    const slot = slots.find((s) => s.worker === worker);
    if (!slot || stopping || running.shuttingDown) return;
    slot.worker = undefined;
    slot.crashes = Date.now() - slot.startedAt > STABLE_AFTER_MS ? 1 : slot.crashes + 1;
    const delay = Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** (slot.crashes - 1));
    logger.error(
      `Worker ${slot.index} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}): restarting in ${delay} ms`,
    );
    slot.restartTimer = setTimeout(() => {
      slot.restartTimer = undefined;
      if (!stopping && !running.shuttingDown) fork(slot);
    }, delay);
  });

  running.cluster = {
    stop: async () => {
      stopping = true;
      for (const slot of slots) clearTimeout(slot.restartTimer);
      const alive = slots.flatMap((slot) => (slot.worker && !slot.worker.isDead() ? [slot.worker] : []));
      const exits = alive.map(
        (worker) => new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code))),
      );
      for (const worker of alive) worker.process.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS);
      });
      const outcome = await Promise.race([Promise.all(exits), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        for (const worker of alive) if (!worker.isDead()) worker.process.kill('SIGKILL');
        throw new Error(`workers did not drain within ${STOP_TIMEOUT_MS} ms: killed`);
      }
      const failed = outcome.filter((code) => code !== 0).length;
      if (failed > 0) throw new Error(`${failed} worker(s) exited with an error while stopping`);
    },
  };

  await Promise.all(firstListen);
  logger.log(`${slots.length} workers listening on port ${config.port}`);
  process.stdout.write(`API: http://localhost:${config.port}/api\n`);
  process.stdout.write(`Docs: http://localhost:${config.port}/api/docs\n`);
}
