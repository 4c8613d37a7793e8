import { StoreMembershipView } from './role-permissions';

/** Roles, exactly as allowed by the `chk_profiles_role` constraint. */
export const PROFILE_ROLES = ['customer', 'admin', 'super_admin'] as const;
export type ProfileRole = (typeof PROFILE_ROLES)[number];

/** Roles that may use `/api/admin` routes (routes marked super accept only `super_admin`). */
export const ADMIN_ROLES: readonly ProfileRole[] = ['admin', 'super_admin'];

/** The authenticated caller, as guards attach it to the request (read fresh from `profiles`). */
export interface AuthUser {
  id: string;
  email: string;
  role: ProfileRole;
  /**
   * The stores an `admin` works in, and as what: set by StoreAccessGuard on every request of an admin
   * (`[]` for a super_admin, who works in every store; absent for customers).
   */
  memberships?: StoreMembershipView[];
}

/** Claims of an access token. Only HS256 tokens signed with JWT_SECRET are accepted. */
export interface AccessTokenPayload {
  sub: string;
  email: string;
  role: ProfileRole;
  typ: 'access';
}

/** Lifetime of an access token. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const JWT_ALGORITHM = 'HS256';
