import { HttpException } from '@nestjs/common';

/** The body every error response has (see docs: API.md, Conventions). */
export interface ErrorBody {
  statusCode: number;
  /** HTTP reason phrase, e.g. "Conflict". */
  error: string;
  message: string;
  /** Stable UPPER_SNAKE code that clients branch on. */
  code?: string;
  details?: unknown;
}

/**
 * An error the client is meant to see, with a stable code:
 * `throw new AppException(409, 'INSUFFICIENT_STOCK', 'Not enough stock', [{ variantId, requested, available }])`.
 */
export class AppException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super({ message, code, details }, status);
  }
}
