import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request } from 'express';
import { AuthUser } from '../auth/auth.types';
import { RequestMeta } from './audit.types';

/** Strips the IPv4-mapped IPv6 prefix so `::ffff:127.0.0.1` is stored as `127.0.0.1`. */
function clientIp(request: Request): string | null {
  const ip = request.ip ?? request.socket.remoteAddress ?? null;
  return ip?.startsWith('::ffff:') ? ip.slice(7) : ip;
}

export function requestMeta(request: Request & { user?: AuthUser }): RequestMeta {
  return {
    userId: request.user?.id ?? null,
    ipAddress: clientIp(request),
    userAgent: request.headers['user-agent'] ?? null,
  };
}

/** Who is calling and from where, for `AuditService.record`. */
export const ReqMeta = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestMeta =>
  requestMeta(ctx.switchToHttp().getRequest()),
);
