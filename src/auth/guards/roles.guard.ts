import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { AppException } from '../../common/errors';
import { ADMIN_ROLES, AuthUser, ProfileRole } from '../auth.types';
import { ROLES_KEY } from '../decorators/roles.decorator';
import { Permission, PERMISSIONS_KEY } from '../permissions';

export const ADMIN_PATH = /^\/api\/admin(\/|$)/i;

/**
 * True for every route under `/api/admin`, whatever its controller says. Decided on the route as
 * registered (`req.route.path`, e.g. `/api/admin/customers/:id`), not on the URL as the client spelled
 * it: Express matches case-insensitively and ignores a trailing slash, so `/API/Admin/customers` runs
 * the same handler and must meet the same guard.
 */
export function isAdminPath(request: Request): boolean {
  const pattern: unknown = (request.route as { path?: unknown } | undefined)?.path;
  return ADMIN_PATH.test(typeof pattern === 'string' ? pattern : request.path);
}

/**
 * Global guard, after JwtAuthGuard: `@Roles(...)` routes need one of the roles. Routes under
 * `/api/admin` need admin or super_admin and an `@Allow(Permission.X)` declaration: one without is
 * denied to everyone (default deny, so a new admin route cannot forget it); `Permission.Platform`
 * routes are super_admin only. The per-store half of `@Allow` is StoreAccessGuard's, which runs next.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const targets = [context.getHandler(), context.getClass()];
    const declared = this.reflector.getAllAndOverride<ProfileRole[] | undefined>(ROLES_KEY, targets);
    const admin = isAdminPath(request);
    const required = declared ?? (admin ? ADMIN_ROLES : undefined);
    if (!required) return true;
    if (!request.user) throw new AppException(401, 'UNAUTHORIZED', 'A valid access token is required');
    if (!required.includes(request.user.role)) {
      throw new AppException(403, 'FORBIDDEN', 'Your role does not allow this');
    }
    if (!admin) return true;
    const permissions = this.reflector.getAllAndOverride<Permission[] | undefined>(PERMISSIONS_KEY, targets);
    if (!permissions || permissions.length === 0) {
      throw new AppException(403, 'FORBIDDEN', 'This admin route declares no permission (@Allow): denied');
    }
    if (permissions.includes(Permission.Platform) && request.user.role !== 'super_admin') {
      throw new AppException(403, 'FORBIDDEN', 'Only a super_admin may do this');
    }
    return true;
  }
}
