/**
 * The sections of the configuration that group several variables (mail, webhooks, jobs, retention,
 * events, database timeouts), each with its settings type and its parser. src/config/app-config.ts
 * puts them together.
 */
import { isEmail } from 'class-validator';
import { ConfigValidationError, parseHttpUrl, parseInteger, quote } from './config-values';

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
  /** Client-side bound on one query (src/database/query-deadlines.ts): the backstop when the server cannot answer. */
  queryTimeoutMs: number;
  /** Longest wait for a pooled connection, or for a new one to be established. */
  connectTimeoutMs: number;
  /** Server-side `idle_in_transaction_session_timeout`: a transaction left open is ended. */
  idleInTransactionTimeoutMs: number;
}

/**
 * Defaults: a storefront or admin statement takes milliseconds, so 15 s is far beyond any healthy one
 * yet short enough for a client to get its 503 before giving up itself; the client-side bound sits
 * above it (the server's own cancel is the clean path, that one only fires when the server cannot
 * answer at all); 5 s to connect is long for a local network and short for a person waiting.
 */
export function parseDatabaseTimeouts(read: (name: string) => string | undefined): DatabaseTimeouts {
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

export function parseEventsSettings(read: (name: string) => string | undefined): EventsSettings {
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

export function parseJobsSettings(read: (name: string) => string | undefined): JobsSettings {
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

export function parseRetentionSettings(read: (name: string) => string | undefined): RetentionSettings {
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

export function parseWebhookSettings(read: (name: string) => string | undefined): WebhookSettings {
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

export function parseMailSettings(read: (name: string) => string | undefined): MailSettings {
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
export function parseDatabasePreparedStatements(
  read: (name: string) => string | undefined,
  rls: boolean,
): boolean {
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
