import { Logger } from '@nestjs/common';
import { firstLine } from './describe-startup-error';
import { Running } from './running';

const logger = new Logger('Bootstrap');

/** SIGINT/SIGTERM stop what is running and exit 0; a second signal exits at once. */
export function installSignalHandlers(running: Running): void {
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
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** The app first (in-flight requests still need the database), then the database. */
export async function stopEverything(running: Running): Promise<void> {
  const { app, migrationDataSource, devPostgres } = running;
  if (app) {
    await withTimeout(app.close(), 10_000, 'closing the HTTP server').catch((error: unknown) =>
      logger.warn(`Closing the app: ${firstLine(error)}`),
    );
  }
  if (migrationDataSource?.isInitialized) {
    await migrationDataSource.destroy().catch(() => undefined);
  }
  if (devPostgres) {
    await devPostgres.stop();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
