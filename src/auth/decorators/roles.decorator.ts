import { SetMetadata } from '@nestjs/common';
import { ProfileRole } from '../auth.types';

export const ROLES_KEY = 'roles';

/**
 * Roles allowed on a route or controller. Routes under `/api/admin` need no decorator: they require
 * `admin` or `super_admin` by default; `@Roles('super_admin')` narrows that to super admins.
 */
export const Roles = (...roles: ProfileRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);
