import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { isIP } from 'node:net';
import * as path from 'node:path';
import type { LogLevel as NestLogLevel } from '@nestjs/common';
import { isEmail } from 'class-validator';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
/** Express's `trust proxy`: false (the socket's address), true (any), a hop count, or addresses/subnets. */
export type TrustProxy = boolean | number | string[];

/** Minimum JWT_SECRET length: 32 characters ≈ 256 bits for HS256 when the secret is random. */
export const MIN_JWT_SECRET_LENGTH = 32;
/** Same minimum as every other password in the app (src/auth/password-hasher.ts). */
const MIN_ADMIN_PASSWORD_LENGTH = 8;
export const DEV_JWT_SECRET_FILE = 'dev-jwt-secret';

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

/** How emails go out (src/mail) and where their links point. */
export interface MailSettings {
  /** SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`); unset: each email is written to DATA_DIR/mail/ as .eml. */
  smtpUrl: string | undefined;
  /** MAIL_FROM: the From header, `shop@example.com` or `Shop <shop@example.com>`. */
  from: string;
  /** STOREFRONT_URL without a trailing slash: the links in emails (`/verify-email?token=…`) point there. */
  storefrontUrl: string;
}

/** WEBHOOK_*: where outgoing webhooks may go and how they are retried (src/webhooks). */
export interface WebhookSettings {
  /** WEBHOOK_ALLOW_PRIVATE=true: endpoints may be loopback, private or link-local addresses (tests, internal networks). */
  allowPrivate: boolean;
  /** Sends of one delivery before it is marked `failed` (the first one included). */
  maxAttempts: number;
  /** Backoff: a retry waits a random time up to min(cap, base · 2^(attempts−1)) ("full jitter"). */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A receiver that has not answered by then counts as a failure. */
  timeoutMs: number;
  /** How often due deliveries are polled for (retries, other instances' new deliveries). */
  pollIntervalMs: number;
  /** Failed sends in a row (no success between them) after which an endpoint is disabled. */
  disableAfterFailures: number;
}

export const JOB_RUNNERS = ['inprocess', 'pgboss'] as const;
export type JobRunnerKind = (typeof JOB_RUNNERS)[number];

/** JOBS_*: the background jobs (reservation sweep, outbox and webhook passes, retention). */
export interface JobsSettings {
  /** JOBS: `inprocess` timers in every process, or `pgboss`: one run per period across instances. */
  runner: JobRunnerKind;
  /** pg-boss: an active job older than this (its worker died) is failed and retried. */
  expireSeconds: number;
  /** pg-boss: retries of a failed run, RETRY_DELAY_SECONDS apart (doubling). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** pg-boss: how often one instance expires stuck jobs and archives finished ones. */
  maintenanceIntervalSeconds: number;
}

/** RETENTION_*: ages past which finished rows are deleted, and how often that runs. */
export interface RetentionSettings {
  intervalMinutes: number;
  guestCartDays: number;
  idempotencyHours: number;
  tokenDays: number;
  outboxDays: number;
}

/** EVENTS_*: how this process delivers the outbox's events to their subscribers. */
export interface EventsSettings {
  /** EVENTS_DISPATCH=false: this process records events but never delivers any (another one does). */
  dispatch: boolean;
  /** How often the outbox is polled for work the in-process kick missed (other instances, retries, a crash). */
  pollIntervalMs: number;
  /** Runs of a failing subscriber before its delivery is marked `failed`. */
  maxAttempts: number;
  /** First retry delay; each further one doubles (capped at an hour), with jitter. */
  retryBaseMs: number;
}

/** DATABASE_*_MS: how long the app waits for PostgreSQL (see README, Configuration). */
export interface DatabaseTimeouts {
  /** Server-side `statement_timeout` of the app's sessions (migrations are not bound by it). */
  statementTimeoutMs: number;
  /** Client-side bound on one query (pg `query_timeout`): the backstop when the server cannot answer. */
  queryTimeoutMs: number;
  /** Longest wait for a pooled connection, or for a new one to be established. */
  connectTimeoutMs: number;
  /** Server-side `idle_in_transaction_session_timeout`: a transaction left open is ended. */
  idleInTransactionTimeoutMs: number;
}

export class ConfigValidationError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigValidationError';
  }
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

function parseRedisUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // The value may hold a password: never echo it.
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) {
    throw new ConfigValidationError(
      'REDIS_URL',
      'must be a URL like redis://:password@host:6379/0 or rediss://host:6380 (the value is not shown)',
    );
  }
  return raw;
}

/** Nest logger levels for LOG_LEVEL: each level includes the more severe ones. */
export function nestLogLevels(level: LogLevel): NestLogLevel[] {
  const order: NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  return order.slice(0, order.indexOf(level) + 1);
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** Shows a rejected value in an error message, shortened so that a pasted blob stays on one line. */
function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}

function parseInteger(name: string, raw: string | undefined, fallback: number, min: number, max: number) {
  if (raw === undefined) {
    return fallback;
  }
  const range = max >= 1_000_000 ? `an integer >= ${min}` : `an integer between ${min} and ${max}`;
  if (!/^-?\d+$/.test(raw)) {
    throw new ConfigValidationError(name, `must be ${range} (got ${quote(raw)})`);
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigValidationError(name, `must be ${range} (got ${quote(raw)})`);
  }
  return value;
}

/**
 * Defaults: a storefront or admin statement takes milliseconds, so 15 s is far beyond any healthy one
 * yet short enough for a client to get its 503 before giving up itself; the client-side bound sits
 * above it (the server's own cancel is the clean path, that one only fires when the server cannot
 * answer at all); 5 s to connect is long for a local network and short for a person waiting.
 */
function parseDatabaseTimeouts(read: (name: string) => string | undefined): DatabaseTimeouts {
  const ms = (name: string, fallback: number): number =>
    parseInteger(name, read(name), fallback, 100, 3_600_000);
  const timeouts: DatabaseTimeouts = {
    statementTimeoutMs: ms('DATABASE_STATEMENT_TIMEOUT_MS', 15_000),
    queryTimeoutMs: ms('DATABASE_QUERY_TIMEOUT_MS', 20_000),
    connectTimeoutMs: ms('DATABASE_CONNECT_TIMEOUT_MS', 5_000),
    idleInTransactionTimeoutMs: ms('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 30_000),
  };
  if (timeouts.queryTimeoutMs < timeouts.statementTimeoutMs) {
    // The client would give up first and leave the statement running on the server.
    throw new ConfigValidationError(
      'DATABASE_QUERY_TIMEOUT_MS',
      `must be at least DATABASE_STATEMENT_TIMEOUT_MS (${timeouts.statementTimeoutMs}; got ${timeouts.queryTimeoutMs})`,
    );
  }
  return timeouts;
}

function parseEventsSettings(read: (name: string) => string | undefined): EventsSettings {
  const dispatch = read('EVENTS_DISPATCH')?.toLowerCase() ?? 'true';
  if (dispatch !== 'true' && dispatch !== 'false') {
    throw new ConfigValidationError(
      'EVENTS_DISPATCH',
      `must be true or false (got ${quote(read('EVENTS_DISPATCH') ?? '')})`,
    );
  }
  return {
    dispatch: dispatch === 'true',
    pollIntervalMs: parseInteger(
      'EVENTS_POLL_INTERVAL_MS',
      read('EVENTS_POLL_INTERVAL_MS'),
      1000,
      10,
      600_000,
    ),
    maxAttempts: parseInteger('EVENTS_MAX_ATTEMPTS', read('EVENTS_MAX_ATTEMPTS'), 12, 1, 100),
    retryBaseMs: parseInteger('EVENTS_RETRY_BASE_MS', read('EVENTS_RETRY_BASE_MS'), 1000, 1, 3_600_000),
  };
}

function parseJobsSettings(read: (name: string) => string | undefined): JobsSettings {
  const runner = read('JOBS')?.toLowerCase() ?? 'inprocess';
  if (!(JOB_RUNNERS as readonly string[]).includes(runner)) {
    throw new ConfigValidationError(
      'JOBS',
      `must be one of ${JOB_RUNNERS.join(', ')} (got ${quote(read('JOBS') ?? '')})`,
    );
  }
  return {
    runner: runner as JobRunnerKind,
    expireSeconds: parseInteger('JOBS_EXPIRE_SECONDS', read('JOBS_EXPIRE_SECONDS'), 300, 1, 86_400),
    retryLimit: parseInteger('JOBS_RETRY_LIMIT', read('JOBS_RETRY_LIMIT'), 3, 0, 100),
    retryDelaySeconds: parseInteger('JOBS_RETRY_DELAY_SECONDS', read('JOBS_RETRY_DELAY_SECONDS'), 5, 0, 3600),
    maintenanceIntervalSeconds: parseInteger(
      'JOBS_MAINTENANCE_INTERVAL_SECONDS',
      read('JOBS_MAINTENANCE_INTERVAL_SECONDS'),
      60,
      1,
      3600,
    ),
  };
}

function parseRetentionSettings(read: (name: string) => string | undefined): RetentionSettings {
  return {
    intervalMinutes: parseInteger(
      'RETENTION_INTERVAL_MINUTES',
      read('RETENTION_INTERVAL_MINUTES'),
      60,
      1,
      10_080,
    ),
    guestCartDays: parseInteger('RETENTION_GUEST_CART_DAYS', read('RETENTION_GUEST_CART_DAYS'), 30, 1, 3650),
    idempotencyHours: parseInteger(
      'RETENTION_IDEMPOTENCY_HOURS',
      read('RETENTION_IDEMPOTENCY_HOURS'),
      24,
      1,
      87_600,
    ),
    tokenDays: parseInteger('RETENTION_TOKEN_DAYS', read('RETENTION_TOKEN_DAYS'), 7, 1, 3650),
    outboxDays: parseInteger('RETENTION_OUTBOX_DAYS', read('RETENTION_OUTBOX_DAYS'), 30, 1, 3650),
  };
}

function parseWebhookSettings(read: (name: string) => string | undefined): WebhookSettings {
  const allowPrivate = read('WEBHOOK_ALLOW_PRIVATE')?.toLowerCase() ?? 'false';
  if (allowPrivate !== 'true' && allowPrivate !== 'false') {
    throw new ConfigValidationError(
      'WEBHOOK_ALLOW_PRIVATE',
      `must be true or false (got ${quote(read('WEBHOOK_ALLOW_PRIVATE') ?? '')})`,
    );
  }
  const ms = (name: string, fallback: number, min: number, max: number): number =>
    parseInteger(name, read(name), fallback, min, max);
  return {
    allowPrivate: allowPrivate === 'true',
    maxAttempts: parseInteger('WEBHOOK_MAX_ATTEMPTS', read('WEBHOOK_MAX_ATTEMPTS'), 8, 1, 50),
    retryBaseMs: ms('WEBHOOK_RETRY_BASE_MS', 60_000, 1, 86_400_000),
    retryMaxMs: ms('WEBHOOK_RETRY_MAX_MS', 6 * 3_600_000, 1, 7 * 86_400_000),
    timeoutMs: ms('WEBHOOK_TIMEOUT_MS', 10_000, 10, 120_000),
    pollIntervalMs: ms('WEBHOOK_POLL_INTERVAL_MS', 1000, 10, 600_000),
    disableAfterFailures: parseInteger(
      'WEBHOOK_DISABLE_AFTER_FAILURES',
      read('WEBHOOK_DISABLE_AFTER_FAILURES'),
      40,
      1,
      100_000,
    ),
  };
}

function parseMailSettings(read: (name: string) => string | undefined): MailSettings {
  const smtpUrl = read('SMTP_URL');
  if (smtpUrl !== undefined) {
    // The value may hold a password: never echo it.
    let url: URL | undefined;
    try {
      url = new URL(smtpUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
      throw new ConfigValidationError(
        'SMTP_URL',
        'must be a URL like smtp://user:password@host:587 or smtps://host:465 (the value is not shown)',
      );
    }
  }
  const from = read('MAIL_FROM') ?? 'Shop <no-reply@example.com>';
  // A bare address, or a display name with the address in angle brackets.
  const address = /^[^<>]*<([^<>]+)>$/.exec(from)?.[1] ?? from;
  if (!isEmail(address)) {
    throw new ConfigValidationError(
      'MAIL_FROM',
      `must be an email address or "Name <address>" (got ${quote(from)})`,
    );
  }
  const storefrontUrl = parseHttpUrl('STOREFRONT_URL', read('STOREFRONT_URL')) ?? 'http://localhost:3000';
  return { smtpUrl, from, storefrontUrl: storefrontUrl.replace(/\/+$/, '') };
}

/**
 * Off means "behind a transaction-mode pooler": a session setting lands on whichever server connection
 * the pooler picks, so the row-level security context (stamped per session) could reach another
 * request. That pair is refused rather than half-working (docs/operations.md, "Database tier").
 */
function parseDatabasePreparedStatements(read: (name: string) => string | undefined, rls: boolean): boolean {
  const raw = read('DATABASE_PREPARED_STATEMENTS')?.toLowerCase() ?? 'true';
  if (raw !== 'true' && raw !== 'false') {
    throw new ConfigValidationError(
      'DATABASE_PREPARED_STATEMENTS',
      `must be true or false (got ${quote(read('DATABASE_PREPARED_STATEMENTS') ?? '')})`,
    );
  }
  if (raw === 'false' && rls) {
    throw new ConfigValidationError(
      'DATABASE_PREPARED_STATEMENTS',
      'false (a transaction-mode pooler) cannot be combined with DATABASE_RLS=on: the row-level security ' +
        'context is a session setting; use pool_mode=session, or DATABASE_RLS=off behind PgBouncer in transaction mode',
    );
  }
  return raw === 'true';
}

function parseDatabaseUrl(raw: string | undefined, name = 'DATABASE_URL'): string | undefined {
  if (raw === undefined) {
    return undefined;
  }
  // The value may hold a password: never echo it.
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigValidationError(
      name,
      'must be a URL like postgres://user:password@host:5432/database (the value could not be parsed)',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigValidationError(
      name,
      `must start with postgres:// or postgresql:// (got ${quote(url.protocol)})`,
    );
  }
  if (!url.hostname) {
    throw new ConfigValidationError(name, 'must name a host (postgres://user:password@host:5432/db)');
  }
  return raw;
}

function parseHttpUrl(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined) {
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigValidationError(name, `must be an http:// or https:// URL (got ${quote(raw)})`);
  }
  return raw;
}

/** CORS_ORIGINS: comma-separated, each exactly an origin as a browser sends it (no path, no slash). */
function parseCorsOrigins(raw: string | undefined): string[] {
  if (raw === undefined) {
    return [];
  }
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      let url: URL | undefined;
      try {
        url = new URL(entry);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== entry) {
        throw new ConfigValidationError(
          'CORS_ORIGINS',
          `must be comma-separated origins like https://shop.example.com (scheme://host[:port], lower case, no path) (got ${quote(entry)})`,
        );
      }
      return entry;
    });
}

/** Express's own names for address ranges, accepted in a TRUST_PROXY list. */
const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY: true/false, a hop count, or a comma list of addresses, subnets (a.b.c.d/n) and names. */
function parseTrustProxy(raw: string | undefined): TrustProxy {
  if (raw === undefined || raw.toLowerCase() === 'false') {
    return false;
  }
  if (raw.toLowerCase() === 'true') {
    return true;
  }
  if (/^\d+$/.test(raw)) {
    return parseInteger('TRUST_PROXY', raw, 0, 0, 100);
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const prefixOk =
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    const valid = TRUST_PROXY_NAMES.includes(entry) || (family !== 0 && prefixOk && extra === undefined);
    if (!valid) {
      throw new ConfigValidationError(
        'TRUST_PROXY',
        `must be true, false, a hop count, or comma-separated addresses/subnets (10.0.0.0/8, loopback) (got ${quote(entry)})`,
      );
    }
  }
  return entries;
}

function parsePrefixed(name: string, raw: string | undefined, prefix: string): string | undefined {
  if (raw !== undefined && !raw.startsWith(prefix)) {
    // Show only the start: enough to spot a pk_/sk_ mix-up without printing the secret.
    throw new ConfigValidationError(name, `must start with ${prefix} (got ${quote(`${raw.slice(0, 3)}…`)})`);
  }
  return raw;
}

/**
 * The default run's JWT secret: random, created once with mode 0600 and reused, so that a restart
 * does not log everybody out. Created with O_EXCL so two processes starting at once agree on one value.
 */
function readOrCreateDevSecret(dataDir: string): string {
  const file = path.join(dataDir, DEV_JWT_SECRET_FILE);
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    try {
      const existing = fs.readFileSync(file, 'utf8').trim();
      if (existing.length >= MIN_JWT_SECRET_LENGTH) {
        return existing;
      }
      // Truncated or edited by hand: replace it (only development tokens are invalidated).
      fs.rmSync(file, { force: true });
    } catch (error) {
      if (!isErrnoException(error) || error.code !== 'ENOENT') {
        throw error;
      }
    }
    const secret = randomBytes(48).toString('base64url');
    try {
      fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch (error) {
      if (isErrnoException(error) && error.code === 'EEXIST') {
        return fs.readFileSync(file, 'utf8').trim();
      }
      throw error;
    }
  } catch (error) {
    const reason = isErrnoException(error) ? error.message : String(error);
    throw new ConfigValidationError(
      'JWT_SECRET',
      `is not set and the development secret could not be stored in ${file} (${reason}); set JWT_SECRET or DATA_DIR`,
    );
  }
}

// Duck-typed, not instanceof Error: errors from Node's core fail instanceof inside Jest's sandbox.
function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && 'code' in error;
}
