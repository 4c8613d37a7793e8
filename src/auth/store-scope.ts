import { AuthUser } from './auth.types';
import { Permission } from './permissions';
import { roleAllows } from './role-permissions';

/**
 * What a cross-store admin route (no store in its path) may show the caller: `undefined` for every
 * store (super_admin), else the ids of the caller's stores whose role holds `permission` — possibly
 * none. The handler filters by it in its own SQL; StoreAccessGuard has no single store to check.
 */
export function storesAllowing(user: AuthUser, permission: Permission): string[] | undefined {
  if (user.role === 'super_admin') return undefined;
  return (user.memberships ?? []).filter((m) => roleAllows(m.role, permission)).map((m) => m.storeId);
}
