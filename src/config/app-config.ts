import * as path from 'node:path';
import type { LogLevel as NestLogLevel } from '@nestjs/common';
import { isEmail } from 'class-validator';
import {
  DatabaseTimeouts,
  EventsSettings,
  JobsSettings,
  MailSettings,
  parseDatabasePreparedStatements,
  parseDatabaseTimeouts,
  parseEventsSettings,
  parseJobsSettings,
  parseMailSettings,
  parseRetentionSettings,
  parseWebhookSettings,
  RetentionSettings,
  WebhookSettings,
} from './config-sections';
import {
  ConfigValidationError,
  MIN_JWT_SECRET_LENGTH,
  parseCorsOrigins,
  parseDatabaseUrl,
  parseHttpUrl,
  parseInteger,
  parsePrefixed,
  parseRedisUrl,
  parseTrustProxy,
  quote,
  TrustProxy,
} from './config-values';
import { readOrCreateDevSecret } from './dev-secret';

// What other modules import from here, wherever it is defined.
export { ConfigValidationError, MIN_JWT_SECRET_LENGTH } from './config-values';
export type { TrustProxy } from './config-values';
export { JOB_RUNNERS } from './config-sections';
export type {
  DatabaseTimeouts,
  EventsSettings,
  JobRunnerKind,
  JobsSettings,
  MailSettings,
  RetentionSettings,
  WebhookSettings,
} from './config-sections';
export { DEV_JWT_SECRET_FILE } from './dev-secret';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
/** Same minimum as every other password in the app (src/auth/password-hasher.ts). */
const MIN_ADMIN_PASSWORD_LENGTH = 8;

/** The validated configuration. Every setting the app reads comes from here, never from process.env. */
export interface AppConfig {
  nodeEnv: string;
  isProduction: boolean;
  /** Unset in the default run: main.ts starts the embedded PostgreSQL and fills it in. */
  databaseUrl: string | undefined;
  /**
   * DATABASE_MIGRATION_URL: the tables' owner, for migrations and start-up tasks; unset: DATABASE_URL
   * (docs/security.md, "Database roles").
   */
  databaseMigrationUrl: string | undefined;
  /** DATABASE_RLS (default on): stamp each session with the request's context for the RLS policies. */
  databaseRls: boolean;
  /** DATABASE_APP_ROLE: the login role owns the tables and each session switches (SET ROLE) to this one. */
  databaseAppRole: string | undefined;
  /** DATABASE_REPLICA_URLS: streaming replicas for the storefront's catalog reads (docs/operations.md). */
  databaseReplicaUrls: string[];
  /** DATABASE_PREPARED_STATEMENTS: false behind a transaction-mode pooler (PgBouncer 1.18 cannot keep them). */
  databasePreparedStatements: boolean;
  port: number;
  /** DIRECT_READS (default on): the storefront's hottest public reads answered ahead of Express (src/common/http/direct-reads). */
  directReads: boolean;
  /** Absolute path. Holds the embedded PostgreSQL cluster and the development JWT secret. */
  dataDir: string;
  jwtSecret: string;
  /** `file`: generated once for the default run and kept in DATA_DIR/dev-jwt-secret. */
  jwtSecretSource: 'env' | 'file';
  stripeSecretKey: string | undefined;
  stripeWebhookSecret: string | undefined;
  stripeApiUrl: string | undefined;
  /** How long a Stripe API call may take before checkout gives up with 502 (STRIPE_TIMEOUT_MS). */
  stripeTimeoutMs: number;
  reservationTtlMinutes: number;
  /** RETURN_WINDOW_DAYS: how long after delivery (or shipping, if never delivered) a buyer may ask to return. */
  returnWindowDays: number;
  /** Bounds on waiting for PostgreSQL, so that a hung database fails requests instead of hanging them. */
  database: DatabaseTimeouts;
  /** Attempts per minute per IP and per email; 0 turns throttling off. */
  authRateLimit: number;
  adminEmail: string;
  adminPassword: string | undefined;
  logLevel: LogLevel;
  /** LOG_FORMAT: `json` lines, or `pretty` (one readable line; coloured on a terminal only). */
  logFormat: LogFormat;
  /** CORS_ORIGINS: exact origins (scheme://host[:port]) browsers may call the API from. */
  corsOrigins: string[];
  /** The default embedded run (no DATABASE_URL) also allows any http://localhost:<port> and 127.0.0.1 origin. */
  corsAllowLocalhost: boolean;
  /** TRUST_PROXY, for Express: whose X-Forwarded-For gives req.ip (rate limits, audit rows). */
  trustProxy: TrustProxy;
  /** EVENTS_*: the domain-event dispatcher of this process (src/events). */
  events: EventsSettings;
  /** WEBHOOK_*: outgoing webhooks (src/webhooks). */
  webhooks: WebhookSettings;
  /** JOBS*: where the background work runs (src/jobs). */
  jobs: JobsSettings;
  /** RETENTION_*: how long finished rows are kept before the retention job deletes them. */
  retention: RetentionSettings;
  /** SMTP_URL, MAIL_FROM, STOREFRONT_URL: the emails of src/mail. */
  mail: MailSettings;
  /** REDIS_URL: shared rate-limit counters across instances; unset: each process counts in memory. */
  redisUrl: string | undefined;
  /** WEB_CONCURRENCY: worker processes (node:cluster) sharing PORT; 1 runs the app in this process. */
  webConcurrency: number;
  /**
   * HEAP_GROWING_PERCENT: how far V8 lets the old generation grow past what the last full collection
   * kept before collecting again (100: to twice that); 0 leaves it to V8 (up to four times).
   */
  heapGrowingPercent: number;
  /** METRICS_TOKEN: GET /api/metrics wants `Authorization: Bearer <token>`; unset: open. */
  metricsToken: string | undefined;
  /** SHUTDOWN_GRACE_MS: readiness answers 503 this long after SIGTERM before the server stops accepting. */
  shutdownGraceMs: number;
}

export interface LoadAppConfigOptions {
  /** Base for a relative DATA_DIR; defaults to process.cwd(). */
  cwd?: string;
}

/**
 * Reads and validates the environment. Throws ConfigValidationError (one line naming the variable)
 * on the first bad value. Side effect: in the default embedded run without JWT_SECRET it creates
 * DATA_DIR/dev-jwt-secret once, so tokens survive restarts.
 */
export function loadAppConfig(env: NodeJS.ProcessEnv, options: LoadAppConfigOptions = {}): AppConfig {
  const read = (name: string): string | undefined => {
    // An empty value (`STRIPE_SECRET_KEY=` in a compose file) means "not set".
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const nodeEnv = read('NODE_ENV') ?? 'development';
  const isProduction = nodeEnv === 'production';
  const databaseUrl = parseDatabaseUrl(read('DATABASE_URL'));
  const databaseMigrationUrl = parseDatabaseUrl(read('DATABASE_MIGRATION_URL'), 'DATABASE_MIGRATION_URL');
  const databaseAppRole = read('DATABASE_APP_ROLE');
  if (databaseAppRole !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseAppRole)) {
    throw new ConfigValidationError(
      'DATABASE_APP_ROLE',
      `must be a plain role name (got ${quote(databaseAppRole)})`,
    );
  }
  const rawRls = read('DATABASE_RLS')?.toLowerCase() ?? 'on';
  if (rawRls !== 'on' && rawRls !== 'off') {
    throw new ConfigValidationError(
      'DATABASE_RLS',
      `must be on or off (got ${quote(read('DATABASE_RLS') ?? '')})`,
    );
  }
  const databaseReplicaUrls = (read('DATABASE_REPLICA_URLS') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => parseDatabaseUrl(entry, 'DATABASE_REPLICA_URLS') as string);
  const rawDirectReads = read('DIRECT_READS')?.toLowerCase() ?? 'on';
  if (rawDirectReads !== 'on' && rawDirectReads !== 'off') {
    throw new ConfigValidationError(
      'DIRECT_READS',
      `must be on or off (got ${quote(read('DIRECT_READS') ?? '')})`,
    );
  }
  const databasePreparedStatements = parseDatabasePreparedStatements(read, rawRls === 'on');
  const port = parseInteger('PORT', read('PORT'), 3000, 1, 65535);
  const dataDir = path.resolve(options.cwd ?? process.cwd(), read('DATA_DIR') ?? '.data');

  const stripeSecretKey = parsePrefixed('STRIPE_SECRET_KEY', read('STRIPE_SECRET_KEY'), 'sk_');
  const stripeWebhookSecret = parsePrefixed('STRIPE_WEBHOOK_SECRET', read('STRIPE_WEBHOOK_SECRET'), 'whsec_');
  const stripeApiUrl = parseHttpUrl('STRIPE_API_URL', read('STRIPE_API_URL'));
  // Well below Stripe's 80 s default: a customer waits for it at checkout.
  const stripeTimeoutMs = parseInteger('STRIPE_TIMEOUT_MS', read('STRIPE_TIMEOUT_MS'), 15_000, 100, 120_000);
  const reservationTtlMinutes = parseInteger(
    'RESERVATION_TTL_MINUTES',
    read('RESERVATION_TTL_MINUTES'),
    15,
    1,
    1440,
  );
  const returnWindowDays = parseInteger('RETURN_WINDOW_DAYS', read('RETURN_WINDOW_DAYS'), 30, 0, 3650);
  const database = parseDatabaseTimeouts(read);
  const authRateLimit = parseInteger('AUTH_RATE_LIMIT', read('AUTH_RATE_LIMIT'), 10, 0, 1_000_000);

  const adminEmail = read('ADMIN_EMAIL') ?? 'admin@example.com';
  if (!isEmail(adminEmail)) {
    throw new ConfigValidationError('ADMIN_EMAIL', `must be an email address (got ${quote(adminEmail)})`);
  }
  const adminPassword = env.ADMIN_PASSWORD ? env.ADMIN_PASSWORD : undefined;
  if (adminPassword !== undefined && adminPassword.length < MIN_ADMIN_PASSWORD_LENGTH) {
    throw new ConfigValidationError(
      'ADMIN_PASSWORD',
      `must be at least ${MIN_ADMIN_PASSWORD_LENGTH} characters (got ${adminPassword.length})`,
    );
  }

  const rawLogLevel = read('LOG_LEVEL')?.toLowerCase() ?? 'log';
  if (!isLogLevel(rawLogLevel)) {
    throw new ConfigValidationError(
      'LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')} (got ${quote(read('LOG_LEVEL') ?? '')})`,
    );
  }

  const rawLogFormat = read('LOG_FORMAT')?.toLowerCase() ?? (isProduction ? 'json' : 'pretty');
  if (!(LOG_FORMATS as readonly string[]).includes(rawLogFormat)) {
    throw new ConfigValidationError(
      'LOG_FORMAT',
      `must be one of ${LOG_FORMATS.join(', ')} (got ${quote(read('LOG_FORMAT') ?? '')})`,
    );
  }
  const corsOrigins = parseCorsOrigins(read('CORS_ORIGINS'));
  const trustProxy = parseTrustProxy(read('TRUST_PROXY'));
  const events = parseEventsSettings(read);
  const webhooks = parseWebhookSettings(read);
  const jobs = parseJobsSettings(read);
  const retention = parseRetentionSettings(read);
  const mail = parseMailSettings(read);
  const redisUrl = parseRedisUrl(read('REDIS_URL'));
  const webConcurrency = parseInteger('WEB_CONCURRENCY', read('WEB_CONCURRENCY'), 1, 1, 64);
  const heapGrowingPercent = parseInteger('HEAP_GROWING_PERCENT', read('HEAP_GROWING_PERCENT'), 100, 0, 1000);
  const metricsToken = env.METRICS_TOKEN ? env.METRICS_TOKEN : undefined;
  if (metricsToken !== undefined && metricsToken.length < 16) {
    throw new ConfigValidationError(
      'METRICS_TOKEN',
      `must be at least 16 characters (got ${metricsToken.length})`,
    );
  }
  const shutdownGraceMs = parseInteger('SHUTDOWN_GRACE_MS', read('SHUTDOWN_GRACE_MS'), 0, 0, 8000);

  // Not trimmed: a secret is used byte for byte.
  const envSecret = env.JWT_SECRET ? env.JWT_SECRET : undefined;
  let jwtSecret: string;
  let jwtSecretSource: AppConfig['jwtSecretSource'] = 'env';
  if (envSecret !== undefined) {
    if (envSecret.length < MIN_JWT_SECRET_LENGTH) {
      throw new ConfigValidationError(
        'JWT_SECRET',
        `must be at least ${MIN_JWT_SECRET_LENGTH} characters (got ${envSecret.length})`,
      );
    }
    jwtSecret = envSecret;
  } else if (databaseUrl !== undefined || isProduction) {
    // A shared or production database outlives this process: a throwaway secret would be a trap.
    throw new ConfigValidationError(
      'JWT_SECRET',
      `is required (at least ${MIN_JWT_SECRET_LENGTH} characters) when ${
        databaseUrl !== undefined ? 'DATABASE_URL is set' : 'NODE_ENV=production'
      }`,
    );
  } else {
    jwtSecret = readOrCreateDevSecret(dataDir);
    jwtSecretSource = 'file';
  }

  return {
    nodeEnv,
    isProduction,
    databaseUrl,
    databaseMigrationUrl,
    databaseRls: rawRls === 'on',
    databaseAppRole,
    databaseReplicaUrls,
    databasePreparedStatements,
    port,
    directReads: rawDirectReads === 'on',
    dataDir,
    jwtSecret,
    jwtSecretSource,
    stripeSecretKey,
    stripeWebhookSecret,
    stripeApiUrl,
    stripeTimeoutMs,
    reservationTtlMinutes,
    returnWindowDays,
    database,
    authRateLimit,
    adminEmail,
    adminPassword,
    logLevel: rawLogLevel,
    logFormat: rawLogFormat as LogFormat,
    corsOrigins,
    corsAllowLocalhost: databaseUrl === undefined,
    trustProxy,
    events,
    webhooks,
    jobs,
    retention,
    mail,
    redisUrl,
    webConcurrency,
    heapGrowingPercent,
    metricsToken,
    shutdownGraceMs,
  };
}

/** Nest logger levels for LOG_LEVEL: each level includes the more severe ones. */
export function nestLogLevels(level: LogLevel): NestLogLevel[] {
  const order: NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  return order.slice(0, order.indexOf(level) + 1);
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}
