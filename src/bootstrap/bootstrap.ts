import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { AppConfig, ConfigValidationError, loadAppConfig } from '../config/app-config';
import { createStartupLogger } from '../logging/app-logger';
import { describeStartupError, StartupError } from './describe-startup-error';
import { Running } from './running';
import { forkWorkers } from './cluster-primary';
import { applyHeapGrowth } from './heap-growth';
import { startWorker } from './cluster-worker';
import { installSignalHandlers, stopEverything } from './shutdown';
import { start } from './start';
import { startHttp } from './start-http';

/**
 * The process: config (an invalid one exits 1 with one line) → start-up logger → signal handlers →
 * start. A failed start prints one reason (the stack too at LOG_LEVEL debug/verbose), stops what had
 * started and exits 1.
 */
export async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadAppConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  applyHeapGrowth(config.heapGrowingPercent);
  // pino (LOG_LEVEL, LOG_FORMAT) from the first line on; the app's own takes over once it exists.
  Logger.overrideLogger(createStartupLogger(config));
  const running = new Running();
  installSignalHandlers(running, { worker: cluster.isWorker });

  try {
    // WEB_CONCURRENCY > 1: this process prepares the database once and forks the workers that serve.
    if (cluster.isWorker) await startWorker(config, running);
    else await start(config, running, config.webConcurrency > 1 ? forkWorkers : startHttp);
  } catch (error) {
    if (running.shuttingDown) {
      // A signal arrived mid-start and tore things down under us: the signal handler exits.
      return;
    }
    process.stderr.write(`Start-up failed: ${describeStartupError(error, config)}\n`);
    if (config.logLevel === 'debug' || config.logLevel === 'verbose') {
      const shown = error instanceof StartupError && error.cause !== undefined ? error.cause : error;
      process.stderr.write(`${shown instanceof Error ? shown.stack : String(shown)}\n`);
    }
    await stopEverything(running);
    process.exit(1);
  }
}
