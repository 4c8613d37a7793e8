import { PreparedSqlStatement } from '../common/sql-statement';
import type { AuditLog } from './entities/audit-log.entity';

/** One audit row (`logs`); `details` already redacted. */
export type AuditRow = Pick<
  AuditLog,
  'userId' | 'storeId' | 'action' | 'entityType' | 'entityId' | 'details' | 'ipAddress' | 'userAgent'
>;

export function insertAuditRowStatement(row: AuditRow): PreparedSqlStatement {
  return {
    name: 'audit_insert',
    text: `INSERT INTO logs (store_id, user_id, action, entity_type, entity_id, details, ip_address, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    values: [
      row.storeId,
      row.userId,
      row.action,
      row.entityType,
      row.entityId,
      row.details === null ? null : JSON.stringify(row.details),
      row.ipAddress,
      row.userAgent,
    ],
  };
}
