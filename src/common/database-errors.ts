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
 * Maps a failed query to a client error, or undefined when the failure is a bug (a 500). Messages are
 * written here, not copied from Postgres, so that neither SQL nor row values reach the response.
 */
export function mapDatabaseError(error: unknown): MappedDatabaseError | undefined {
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
    case '57014':
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'DATABASE_TIMEOUT',
        message: 'The database did not answer in time; retry later',
      };
    case '53300':
    case '57P01':
    case '57P02':
    case '57P03':
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'DATABASE_UNAVAILABLE',
        message: 'The database is unavailable; retry later',
      };
    default:
      return undefined;
  }
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
