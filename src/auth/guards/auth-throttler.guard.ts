import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import { Request, Response } from 'express';
import { AppException } from '../../common/errors';
import { normalizeEmail } from '../tokens';

/** The window AUTH_RATE_LIMIT counts attempts in. */
export const AUTH_RATE_WINDOW_MS = 60_000;

/**
 * The email an attempt is about, normalised as it is stored: the body's `email` (login, register,
 * forgot password), else its `newEmail` (email change), else the signed-in caller's (verification
 * request); undefined when there is none.
 */
function attemptedEmail(context: ExecutionContext): string | undefined {
  const request = context.switchToHttp().getRequest<Request & { user?: { email?: unknown } }>();
  const body: unknown = request.body;
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  for (const email of [fields.email, fields.newEmail, request.user?.email]) {
    if (typeof email === 'string' && email.trim() !== '') return normalizeEmail(email).slice(0, 254);
  }
  return undefined;
}

function clientIp(context: ExecutionContext): string {
  const request = context.switchToHttp().getRequest<Request>();
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

/**
 * Two throttlers for login, register and the account request routes (verification, forgot password,
 * email change, invitation acceptance), both AUTH_RATE_LIMIT attempts per minute (0 turns them off):
 * per client IP (`req.ip`, i.e. X-Forwarded-For only where Express's `trust proxy` says so), and per
 * email across IPs (slows password guessing on one account from many addresses). These routes share
 * the counters. Counters live in this process's memory (see README, "Throttling").
 */
export function authThrottlerOptions(authRateLimit: number): ThrottlerModuleOptions {
  const off = authRateLimit === 0;
  return {
    throttlers: [
      {
        name: 'auth-ip',
        ttl: AUTH_RATE_WINDOW_MS,
        limit: Math.max(authRateLimit, 1),
        skipIf: () => off,
        getTracker: (_req, context) => clientIp(context),
      },
      {
        name: 'auth-email',
        ttl: AUTH_RATE_WINDOW_MS,
        limit: Math.max(authRateLimit, 1),
        skipIf: (context) => off || attemptedEmail(context) === undefined,
        getTracker: (_req, context) => attemptedEmail(context) ?? '',
      },
    ],
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
    // Only Retry-After, set below: the per-throttler X-RateLimit-* headers would be noise.
    setHeaders: false,
  };
}

/** `@UseGuards(AuthThrottlerGuard)`: 429 TOO_MANY_REQUESTS with `Retry-After` (seconds). */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  protected async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new AppException(
      HttpStatus.TOO_MANY_REQUESTS,
      'TOO_MANY_REQUESTS',
      `Too many attempts; retry in ${retryAfter} s`,
      { retryAfter },
    );
  }
}
