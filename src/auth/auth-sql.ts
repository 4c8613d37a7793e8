import { PreparedSqlStatement } from '../common/sql-statement';

/** The caller of an access token: its profile, unless the account was closed (DELETE /me). */
export function tokenProfileStatement(profileId: string): PreparedSqlStatement {
  return {
    name: 'auth_token_profile',
    text: 'SELECT id, email, role FROM profiles WHERE id = $1 AND deleted_at IS NULL',
    values: [profileId],
  };
}
