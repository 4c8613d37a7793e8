import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { IS_PUBLIC_KEY } from '../../common/decorators/public.decorator';
import { AppException } from '../../common/errors';
import { AccessTokenVerifier, bearerTokenOf } from '../access-token-verifier';
import { AuthUser } from '../auth.types';
import { IGNORES_ACCESS_TOKEN_KEY } from '../decorators/ignores-access-token.decorator';
import { isAdminPath } from './roles.guard';

/**
 * Global guard: every route needs a valid access token unless marked `@Public()`. On a public route a
 * token is optional, but one that is sent must be valid (a silently ignored bad token would hide bugs),
 * except on `@IgnoresAccessToken()` routes, which never read it. Admin routes are never public.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic =
      !isAdminPath(request) && this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets);
    if (isPublic && !request.headers.authorization) return true;
    if (isPublic && this.reflector.getAllAndOverride<boolean>(IGNORES_ACCESS_TOKEN_KEY, targets)) return true;
    return this.authenticate(request);
  }

  /**
   * A bad, expired or missing token is a 401. What the profile read throws (the database being down:
   * 503, the filter maps it) propagates as is: never a 401 for those, or a client would log out a user
   * whose token is fine.
   */
  private async authenticate(request: Request & { user?: AuthUser }): Promise<boolean> {
    const token = bearerTokenOf(request.headers.authorization);
    const user = token === undefined ? null : await this.tokens.callerOf(token);
    if (!user) throw new AppException(401, 'UNAUTHORIZED', 'A valid access token is required');
    request.user = user;
    return true;
  }
}
