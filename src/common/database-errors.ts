import { HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

/** The fields of a node-postgres error that the mapping uses (never `query` or `parameters`). */
export interface PgErrorFields {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  detail?: string;
  message?: string;
}

export interface MappedDatabaseError {
  status: number;
  code: string;
  message: string;
  details?: Record<string, string>;
}

/** The Postgres SQLSTATE of a failed query (`'23505'`, …), or undefined for anything else. */
export function pgErrorCode(error: unknown): string | undefined {
  return pgFields(error)?.code;
}

/** The DETAIL of a failed query's error (a function's RAISE … USING DETAIL), or undefined. */
export function pgErrorDetail(error: unknown): string | undefined {
  return pgFields(error)?.detail;
}

/**
 * True for a unique violation, optionally of one constraint. Services use it to turn a race the
 * database decided into their own code (e.g. SLUG_TAKEN) instead of the generic UNIQUE_VIOLATION.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const fields = pgFields(error);
  return fields?.code === '23505' && (constraint === undefined || fields.constraint === constraint);
}

export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  const fields = pgFields(error);
  // PostgreSQL 18 reports a delete blocked by ON DELETE RESTRICT as restrict_violation (23001).
  return (
    (fields?.code === '23503' || fields?.code === '23001') &&
    (constraint === undefined || fields.constraint === constraint)
  );
}

function pgFields(error: unknown): PgErrorFields | undefined {
  if (!(error instanceof QueryFailedError)) {
    return undefined;
  }
  const driverError: unknown = error.driverError;
  return typeof driverError === 'object' && driverError !== null ? driverError : undefined;
}

/**
 * Maps a failed query to a client error, or undefined when the failure is a bug (a 500). An
 * unreachable or hung database is a 503 whatever the error's type (mapUnavailableDatabase). Messages are
 * written here, not copied from Postgres, so that neither SQL nor row values reach the response.
 */
export function mapDatabaseError(error: unknown): MappedDatabaseError | undefined {
  const unavailable = mapUnavailableDatabase(error);
  if (unavailable) {
    return unavailable;
  }
  const fields = pgFields(error);
  const sqlState = fields?.code;
  if (!fields || !sqlState) {
    return undefined;
  }
  const constraint = fields.constraint ? { constraint: fields.constraint } : undefined;
  const column = fields.column ? { column: fields.column } : undefined;
  const text = `${fields.message ?? ''} ${fields.detail ?? ''}`;

  switch (sqlState) {
    case '23505':
      return {
        status: HttpStatus.CONFLICT,
        code: 'UNIQUE_VIOLATION',
        message: 'A record with the same unique value already exists',
        details: constraint,
      };
    case '23001': // restrict_violation: deleting a row an ON DELETE RESTRICT key still points at
    case '23503':
      if (text.includes('is not present in table')) {
        return {
          status: HttpStatus.BAD_REQUEST,
          code: 'REFERENCE_NOT_FOUND',
          message: 'A referenced record does not exist',
          details: constraint,
        };
      }
      return {
        status: HttpStatus.CONFLICT,
        code: 'FOREIGN_KEY_VIOLATION',
        message: 'The record is still referenced by other records',
        details: constraint,
      };
    case '23514':
      return {
        status: HttpStatus.BAD_REQUEST,
        code: 'CHECK_VIOLATION',
        message: 'A value is outside the allowed range',
        details: constraint,
      };
    case '23502':
      return {
        status: HttpStatus.BAD_REQUEST,
        code: 'INVALID_INPUT',
        message: 'A required value is missing',
        details: column,
      };
    case '22P02':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22021':
    case '22P05':
      return {
        status: HttpStatus.BAD_REQUEST,
        code: 'INVALID_INPUT',
        message: INVALID_INPUT_MESSAGES[sqlState],
        details: column,
      };
    case '40001':
    case '40P01':
      return {
        status: HttpStatus.CONFLICT,
        code: 'CONCURRENT_UPDATE',
        message: 'The record was changed by a concurrent request; retry',
      };
    // 57014, 53300, 57P0x and class 08 are answered above (mapUnavailableDatabase).
    default:
      return undefined;
  }
}

/** The database timed out: the same 503 code as an outage (API.md), the message says which. */
const DATABASE_TIMED_OUT: MappedDatabaseError = {
  status: HttpStatus.SERVICE_UNAVAILABLE,
  code: 'DATABASE_UNAVAILABLE',
  message: 'The database timed out; retry later',
};
const DATABASE_UNAVAILABLE: MappedDatabaseError = {
  status: HttpStatus.SERVICE_UNAVAILABLE,
  code: 'DATABASE_UNAVAILABLE',
  message: 'The database is unavailable; retry later',
};

/** Seconds a client should wait before retrying a 503 DATABASE_UNAVAILABLE (`Retry-After`). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Socket errors of a connection to the database (refused, reset, unreachable, name not resolved). */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * node-postgres raises these with no code at all, only a message: a pool that cannot hand out a
 * connection in time (connectionTimeoutMillis), a client-side query_timeout, a connection that broke.
 */
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'connection terminated',
  'connection timeout',
  'query read timeout',
  'is not queryable',
  'cannot use a pool after calling end',
  // TypeORM releases a transaction's query runner when its connection breaks mid-transaction; the
  // closure's next statement then fails with QueryRunnerProviderAlreadyReleasedError.
  'connection provided by a query runner was already released',
];
const TIMED_OUT_MESSAGES = [
  'timeout exceeded when trying to connect',
  'connection timeout',
  'query read timeout',
];

/**
 * 503 DATABASE_UNAVAILABLE when `error` says the database cannot be reached or did not answer in
 * time, whatever wraps it: a QueryFailedError (a statement that failed on a broken connection), the
 * raw pg or socket error a pool checkout rejects with (no wrapper), an AggregateError (a host name with
 * several addresses, all refused). SQLSTATE class 08 (connection exception), 57P0x (the server is
 * shutting down, was shut down, cannot connect now), 57014 (statement_timeout), 53300 (too many
 * connections), 25P03 (idle_in_transaction_session_timeout ended the session). Undefined otherwise.
 */
export function mapUnavailableDatabase(error: unknown): MappedDatabaseError | undefined {
  // A bounded walk: wrappers nest a few levels at most, and a cyclic `cause` must not loop.
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 16; seen++) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null) continue;
    const { code, message, driverError, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') {
      if (code === '57014') return DATABASE_TIMED_OUT;
      if (code.startsWith('08') || /^57P0\d$/.test(code) || code === '53300' || code === '25P03') {
        return DATABASE_UNAVAILABLE;
      }
      if (NETWORK_ERROR_CODES.has(code)) return DATABASE_UNAVAILABLE;
    }
    if (typeof message === 'string' && code === undefined) {
      const text = message.toLowerCase();
      if (TIMED_OUT_MESSAGES.some((m) => text.includes(m))) return DATABASE_TIMED_OUT;
      if (UNAVAILABLE_MESSAGES.some((m) => text.includes(m))) return DATABASE_UNAVAILABLE;
    }
    pending.push(driverError, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : []));
  }
  return undefined;
}

const INVALID_INPUT_MESSAGES: Record<string, string> = {
  '22P02': 'A value has an invalid format',
  '22001': 'A value is too long',
  '22003': 'A number is out of range',
  '22007': 'A date or time has an invalid format',
  '22008': 'A date or time is out of range',
  // A NUL character (\u0000) in a text value: PostgreSQL text cannot hold it.
  '22021': 'A value contains a character the database cannot store',
  '22P05': 'A value contains a character the database cannot store',
};
