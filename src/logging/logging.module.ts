import { Module, Provider } from '@nestjs/common';
import { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import { createRootLogger, defaultLogSink, LogSink } from './root-logger';

/** The LogSink the app writes to: standard output. Tests override it to read the lines. */
export const LOG_SINK = Symbol('LOG_SINK');
/** The app's root pino logger: configureApp hands it to the access-log middleware. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

const providers: Provider[] = [
  { provide: LOG_SINK, useFactory: defaultLogSink },
  {
    provide: ROOT_LOGGER,
    useFactory: (config: AppConfig, sink: LogSink): Logger =>
      createRootLogger({ level: config.logLevel, format: config.logFormat, sink }),
    inject: [APP_CONFIG, LOG_SINK],
  },
];

/**
 * Structured logging (LOG_LEVEL, LOG_FORMAT): the root pino logger. The rest is wired outside DI:
 * configureApp adds the access-log middleware (request ids, access lines), main.ts and the test app
 * put nestjs-pino's Logger under Nest's `Logger` (useAppLogger).
 *
 * Not nestjs-pino's LoggerModule: its request middleware is a Nest route-level middleware (after the
 * body parsers, so a 413 or bad JSON would have no request context, and an unknown route would log
 * its catch-all path as the route) running pino-http, which serializes the whole request into a child
 * logger per request. Our middleware does the same binding (nestjs-pino's async-context store) first
 * thing, for less.
 */
@Module({ providers, exports: [ROOT_LOGGER] })
export class LoggingModule {}
