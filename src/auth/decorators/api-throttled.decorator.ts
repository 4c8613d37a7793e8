import { HttpStatus } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from '../../common/openapi';

/** The 429 of AuthThrottlerGuard, with the Retry-After header it sets. */
export const ApiThrottled = (): MethodDecorator =>
  ApiResponse({
    status: HttpStatus.TOO_MANY_REQUESTS,
    description: 'TOO_MANY_REQUESTS: too many attempts from this IP or for this email',
    type: ErrorResponse,
    headers: {
      'Retry-After': {
        description: 'Seconds until the next attempt may succeed',
        schema: { type: 'integer', minimum: 1 },
      },
    },
  });
