/** Roles, exactly as allowed by the `chk_profiles_role` constraint. */
export const PROFILE_ROLES = ['customer', 'admin', 'super_admin'] as const;
export type ProfileRole = (typeof PROFILE_ROLES)[number];
