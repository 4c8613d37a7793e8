import { PreparedSqlStatement } from '../common/sql-statement';

/** Statements of IdempotencyService on the checkout path (`idempotency_keys`). */

/**
 * Whose keys: a user's (by profile id), or a guest's, scoped to the guest's cart session (X-Cart-Session).
 * A plain string is a user id. The same key in two scopes is two different keys.
 */
export type IdempotencyScope = string | { userId: string } | { cartSession: string };

/** The column a scope's keys are found by, its value, and a suffix for prepared statement names. */
export function scopeOf(scope: IdempotencyScope): {
  column: 'user_id' | 'cart_session';
  value: string;
  kind: string;
} {
  if (typeof scope === 'string') return { column: 'user_id', value: scope, kind: '' };
  return 'userId' in scope
    ? { column: 'user_id', value: scope.userId, kind: '' }
    : { column: 'cart_session', value: scope.cartSession, kind: '_guest' };
}

/** What is stored under (scope, key), without claiming it. */
export function peekKeyStatement(scope: IdempotencyScope, key: string): PreparedSqlStatement {
  const { column, value, kind } = scopeOf(scope);
  return {
    name: `idempotency_peek${kind}`,
    text: `SELECT request_hash AS "requestHash", response_status AS "responseStatus", response_body AS "responseBody"
         FROM idempotency_keys WHERE ${column} = $1 AND key = $2`,
    values: [value, key],
  };
}

/** Claims (scope, key) for the request `fingerprint`: returns the claim's id, or no row when taken. */
export function claimKeyStatement(
  scope: IdempotencyScope,
  key: string,
  fingerprint: string,
): PreparedSqlStatement {
  const { column, value } = scopeOf(scope);
  // The guests' unique index is partial (cart_session IS NOT NULL): ON CONFLICT names its predicate.
  const target =
    column === 'user_id' ? '(user_id, key)' : '(cart_session, key) WHERE cart_session IS NOT NULL';
  return {
    name: column === 'user_id' ? 'idempotency_claim' : 'idempotency_claim_guest',
    text: `INSERT INTO idempotency_keys (${column}, key, request_hash) VALUES ($1, $2, $3)
           ON CONFLICT ${target} DO NOTHING RETURNING id`,
    values: [value, key, fingerprint],
  };
}

/** The claim's checkpoint (what a retry finishes from), while it has no response. */
export function checkpointClaimStatement(claimId: string, body: unknown): PreparedSqlStatement {
  return {
    name: 'idempotency_checkpoint',
    text: `UPDATE idempotency_keys SET response_body = $2 WHERE id = $1 AND response_status IS NULL`,
    values: [claimId, JSON.stringify(body)],
  };
}

/** Stores the claim's response, unless one is stored already (then it updates no row). */
export function completeClaimStatement(claimId: string, status: number, body: unknown): PreparedSqlStatement {
  return {
    name: 'idempotency_complete',
    text: `UPDATE idempotency_keys SET response_status = $2, response_body = $3, completed_at = now()
            WHERE id = $1 AND response_status IS NULL`,
    values: [claimId, status, JSON.stringify(body)],
  };
}
