import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Request } from 'express';
import { Observable } from 'rxjs';
import { IS_PUBLIC_KEY } from '../../common/decorators/public.decorator';
import { AppException } from '../../common/errors';
import { AuthUser } from '../auth.types';
import { IGNORES_ACCESS_TOKEN_KEY } from '../decorators/ignores-access-token.decorator';
import { isAdminPath } from './roles.guard';

/**
 * Global guard: every route needs a valid access token unless marked `@Public()`. On a public route a
 * token is optional, but one that is sent must be valid (a silently ignored bad token would hide bugs),
 * except on `@IgnoresAccessToken()` routes, which never read it. Admin routes are never public.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> | Observable<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic =
      !isAdminPath(request) && this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets);
    if (isPublic && !request.headers.authorization) return true;
    if (isPublic && this.reflector.getAllAndOverride<boolean>(IGNORES_ACCESS_TOKEN_KEY, targets)) return true;
    return super.canActivate(context);
  }

  handleRequest<TUser = AuthUser>(err: unknown, user: TUser | false): TUser {
    // passport-jwt reports a bad, expired or missing token as "no user"; `err` is only what the
    // strategy's validate() threw: the database being down (503, the filter maps it) or a bug (500).
    // Never a 401 for those: a client would log out a user whose token is fine.
    // Rethrown as is (not wrapped): the filter reads its code, and socket errors fail instanceof Error
    // under Jest's sandbox.
    if (err) throw err as Error;
    if (!user) {
      throw new AppException(401, 'UNAUTHORIZED', 'A valid access token is required');
    }
    return user;
  }
}
