import { INestApplication, LoggerService } from '@nestjs/common';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { ROOT_LOGGER } from './logging.module';
import { createRootLogger, defaultLogSink } from './root-logger';

/** nestjs-pino's PinoLogger, out of a request writing to this app's root rather than the first root of the process. */
class AppPinoLogger extends PinoLogger {
  constructor(private readonly root: Logger) {
    super({ pinoHttp: { logger: root } });
  }

  get logger(): Logger {
    return storage.getStore()?.logger ?? this.root;
  }
}

/**
 * nestjs-pino's LoggerService (Nest's arguments → pino's: context, error stacks) over a root logger:
 * inside a request it writes through the request's logger (src/logging/access-log.ts), else the root.
 */
function nestLoggerOver(root: Logger): LoggerService {
  return new NestPinoLogger(new AppPinoLogger(root), {});
}

/** Every Nest `Logger` of the app (and Nest's own) writes through pino from now on. */
export function useAppLogger(app: INestApplication): void {
  app.useLogger(nestLoggerOver(app.get<Logger>(ROOT_LOGGER)));
}

/** The same logging for main.ts before the app exists (embedded PostgreSQL, migrations). */
export function createStartupLogger(config: AppConfig): LoggerService {
  return nestLoggerOver(
    createRootLogger({ level: config.logLevel, format: config.logFormat, sink: defaultLogSink() }),
  );
}
