/** Who did it and from where: taken from the request by `@RequestMeta()`. */
export interface RequestMeta {
  userId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
}

/** One audit row: what happened to which entity, with the changed fields. */
export interface AuditEntry {
  /** Dotted verb, e.g. `product.update`, `auth.login_failed`, `order.status_changed`. */
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  storeId?: string | null;
  /** For updates: `{ field: { before, after } }`. Secrets are stripped before writing. */
  details?: Record<string, unknown> | null;
  /** Overrides `meta.userId` (e.g. the account a failed login was for). */
  userId?: string | null;
}
