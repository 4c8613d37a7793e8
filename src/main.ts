import 'reflect-metadata';
import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { AppExpressAdapter } from './common/http/app-express-adapter';
import { AppConfig, ConfigValidationError, loadAppConfig } from './config/app-config';
import { buildDataSourceOptions } from './database/data-source-options';
import { EmbeddedPostgres, EmbeddedPostgresError } from './database/embedded-postgres';
import { runMigrationsLocked } from './database/migrate';
import { runStartupTasks } from './database/startup-tasks';
import { createStartupLogger, useAppLogger } from './logging/app-logger';

const logger = new Logger('Bootstrap');

/** What has been started so far, so that a signal or a failure at any step stops exactly that. */
const running: { app?: INestApplication; migrationDataSource?: DataSource; postgres?: EmbeddedPostgres } = {};
let shuttingDown = false;

async function main(): Promise<void> {
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
  // pino (LOG_LEVEL, LOG_FORMAT) from the first line on; the app's own takes over once it exists.
  Logger.overrideLogger(createStartupLogger(config));
  installSignalHandlers();

  try {
    await start(config);
  } catch (error) {
    if (shuttingDown) {
      // A signal arrived mid-start and tore things down under us: the signal handler exits.
      return;
    }
    process.stderr.write(`Start-up failed: ${describeStartupError(error, config)}\n`);
    if (config.logLevel === 'debug' || config.logLevel === 'verbose') {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    }
    await stopEverything();
    process.exit(1);
  }
}

async function start(config: AppConfig): Promise<void> {
  const embedded = config.databaseUrl === undefined;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === undefined) {
    if (config.jwtSecretSource === 'file') {
      logger.log(`JWT_SECRET not set: using the development secret kept in ${config.dataDir}`);
    }
    const postgresLogger = new Logger('EmbeddedPostgres');
    running.postgres = new EmbeddedPostgres({
      dataDir: config.dataDir,
      onLog: (message) => postgresLogger.log(message),
    });
    databaseUrl = (await running.postgres.start()).url;
    postgresLogger.log(
      `Embedded PostgreSQL ready on 127.0.0.1:${running.postgres.port} (data in ${config.dataDir})`,
    );
  }
  const appConfig: AppConfig & { databaseUrl: string } = { ...config, databaseUrl };
  if (shuttingDown) {
    return;
  }

  await migrate(appConfig, embedded);
  if (shuttingDown) {
    return;
  }

  const app = await NestFactory.create(AppModule.forRoot(appConfig), new AppExpressAdapter(), {
    rawBody: true,
    bufferLogs: true,
    // Let start-up errors reach our handler instead of process.abort().
    abortOnError: false,
  });
  running.app = app;
  useAppLogger(app);
  configureApp(app);
  await app.listen(config.port);

  process.stdout.write(`API: http://localhost:${config.port}/api\n`);
  process.stdout.write(`Docs: http://localhost:${config.port}/api/docs\n`);
}

async function migrate(config: AppConfig & { databaseUrl: string }, embedded: boolean): Promise<void> {
  const dataSource = new DataSource(
    buildDataSourceOptions(config.databaseUrl, {
      logging: config.logLevel === 'debug' || config.logLevel === 'verbose',
      // One connection holds the migration lock; the rest serve the migrations and startup tasks.
      poolSize: 4,
      applicationName: 'commerce-api-migrations',
    }),
  );
  running.migrationDataSource = dataSource;
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(
      `cannot connect to the database ${describeDatabaseUrl(config.databaseUrl)}: ${firstLine(error)}`,
    );
  }
  try {
    const applied = await runMigrationsLocked(dataSource, () =>
      runStartupTasks(dataSource, config, { embedded }),
    );
    logger.log(
      applied.length > 0
        ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
        : 'Database schema is up to date',
    );
  } finally {
    running.migrationDataSource = undefined;
    await dataSource.destroy();
  }
}

function installSignalHandlers(): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) {
      process.stderr.write(`${signal} received again: exiting immediately\n`);
      process.exit(1);
    }
    shuttingDown = true;
    logger.log(`${signal} received: shutting down`);
    stopEverything().then(
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
async function stopEverything(): Promise<void> {
  const { app, migrationDataSource, postgres } = running;
  if (app) {
    await withTimeout(app.close(), 10_000, 'closing the HTTP server').catch((error: unknown) =>
      logger.warn(`Closing the app: ${firstLine(error)}`),
    );
  }
  if (migrationDataSource?.isInitialized) {
    await migrationDataSource.destroy().catch(() => undefined);
  }
  if (postgres) {
    await postgres.stop();
  }
}

function describeStartupError(error: unknown, config: AppConfig): string {
  if (error instanceof EmbeddedPostgresError) {
    return error.message;
  }
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
    return `port ${config.port} is already in use (set PORT to a free port)`;
  }
  // A migration that refuses lists every violation and the fix over several lines: keep them all.
  if (error instanceof Error && /^Migration .* refused/.test(error.message)) {
    return error.message;
  }
  return firstLine(error);
}

/** host:port/database, never the password. */
function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

void main();
