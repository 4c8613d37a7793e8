import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from './error-response';

/** What each error status means in this API (API.md, Conventions). */
const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Invalid input (code names the rule)',
  401: 'No, invalid or expired access token',
  403: 'The caller’s role may not do this',
  404: 'Not found, or not yours',
  409: 'Conflict with the current state (code names it)',
  410: 'Expired or already used',
  413: 'Request body too large',
  422: 'Idempotency-Key reused with a different body',
  429: 'Throttled: see Retry-After',
  502: 'The payment provider failed',
  503: 'The database cannot be reached (DATABASE_UNAVAILABLE)',
};

/** Statuses any route can answer: bad input and the database being down. */
export const COMMON_ERROR_STATUSES = [400, 503] as const;

/**
 * Documents error statuses of a route (or every route of a controller) with the shared
 * `ErrorResponse` schema: `@ApiErrors(404, 409)`. An optional description per status overrides the
 * generic one: `@ApiErrors(404, [409, 'INSUFFICIENT_STOCK or CART_EMPTY'])`.
 */
export function ApiErrors(
  ...statuses: Array<number | readonly [number, string]>
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((entry) => {
      const [status, description] = typeof entry === 'number' ? [entry, undefined] : entry;
      return ApiResponse({
        status,
        description: description ?? ERROR_DESCRIPTIONS[status] ?? 'Error',
        type: ErrorResponse,
      });
    }),
  );
}
