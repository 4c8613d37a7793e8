import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '../../common/decorators/public.decorator';
import { ROLES_KEY } from '../decorators/roles.decorator';
import { ADMIN_PATH } from './roles.guard';

const reflector = new Reflector();

/**
 * Whether the app's global guards (auth.module.ts: JwtAuthGuard, RolesGuard, StoreAccessGuard) let a
 * request without an Authorization header through this route without reading anything: a `@Public()`
 * route outside /api/admin that declares no `@Roles`. The direct reads (src/common/http/direct-reads)
 * skip the guards only for such routes and such requests; a new global guard must be reflected here
 * (test/common/direct-reads.e2e-spec.ts lists the guards and fails on a new one).
 */
export function letsAnonymousThrough(
  handler: (...args: never[]) => unknown,
  controller: abstract new (...args: never[]) => unknown,
  template: string,
): boolean {
  const targets = [handler, controller];
  return (
    !ADMIN_PATH.test(template) &&
    reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true &&
    reflector.getAllAndOverride<unknown>(ROLES_KEY, targets) === undefined
  );
}
