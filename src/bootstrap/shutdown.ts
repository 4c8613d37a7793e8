import { Logger } from '@nestjs/common';
import { firstLine } from './describe-startup-error';
import { Running } from './running';

const logger = new Logger('Bootstrap');

/**
 * SIGINT/SIGTERM stop what is running and exit 0; a second signal exits at once. A cluster worker
 * listens to SIGTERM only (its primary forwards one; Ctrl-C's SIGINT to the whole process group must
 * not count as the second signal), and drains too when its primary is gone.
 */
export function installSignalHandlers(running: Running, { worker = false }: { worker?: boolean } = {}): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    if (running.shuttingDown) {
      process.stderr.write(`${signal} received again: exiting immediately\n`);
      process.exit(1);
    }
    running.shuttingDown = true;
    logger.log(`${signal} received: shutting down`);
    stopEverything(running).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${firstLine(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  if (worker) {
    process.on('SIGINT', () => undefined);
    process.on('disconnect', () => {
      if (!running.shuttingDown) onSignal('SIGTERM');
    });
    return;
  }
  process.on('SIGINT', onSignal);
}

/** The app first (in-flight requests still need the database), then the database. */
export async function stopEverything(running: Running): Promise<void> {
  const { app, migrationDataSource, cluster, devPostgres } = running;
  if (app) {
    await withTimeout(app.close(), 10_000, 'closing the HTTP server').catch((error: unknown) =>
      logger.warn(`Closing the app: ${firstLine(error)}`),
    );
  }
  if (migrationDataSource?.isInitialized) {
    await migrationDataSource.destroy().catch(() => undefined);
  }
  // The workers' apps use the database: they drain before it stops.
  let clusterError: Error | undefined;
  if (cluster) {
    await cluster.stop().catch((error: unknown) => {
      clusterError = error instanceof Error ? error : new Error(String(error));
    });
  }
  if (devPostgres) {
    await devPostgres.stop();
  }
  if (clusterError) throw clusterError;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
