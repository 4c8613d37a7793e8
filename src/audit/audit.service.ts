import { Injectable } from '@nestjs/common';
import { isIP } from 'node:net';
import { EntityManager } from 'typeorm';
import { AuditRow, insertAuditRowStatement } from './audit-sql';
import { AuditEntry, RequestMeta } from './audit.types';
import { runStatement } from '../database/prepared-query';

/** Keys never written to the audit trail, at any depth (compared case-insensitively). */
const SECRET_KEYS = /pass(word)?|token|secret|hash|authorization|cookie|client_?secret|card/i;

/** Replaces secret-looking fields with "[redacted]" so a details object can be logged as it is. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      SECRET_KEYS.test(k) ? '[redacted]' : redactSecrets(v, depth + 1),
    ]),
  );
}

/** `{ field: { before, after } }` for the fields whose value differs (compared as JSON). */
export function changedFields<T extends object>(before: T, after: Partial<T>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof T & string>) {
    const was = before[key];
    const now = after[key];
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[key] = { before: was, after: now };
  }
  return changes;
}

/** The audit row of `entry` made in the request `meta` (secrets redacted, a bad IP dropped, the agent cut). */
export function auditRowOf(meta: RequestMeta, entry: AuditEntry): AuditRow {
  return {
    userId: entry.userId !== undefined ? entry.userId : meta.userId,
    storeId: entry.storeId ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    details: entry.details ? (redactSecrets(entry.details) as Record<string, unknown>) : null,
    ipAddress: meta.ipAddress && isIP(meta.ipAddress) ? meta.ipAddress : null,
    userAgent: meta.userAgent ? meta.userAgent.slice(0, 500) : null,
  };
}

/**
 * The audit trail. `record` writes with the caller's EntityManager, i.e. inside the caller's
 * transaction: the change and its audit row commit or roll back together.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, meta: RequestMeta, entry: AuditEntry): Promise<void> {
    // One plain INSERT (every checkout writes one): no repository save, no RETURNING.
    const statement = insertAuditRowStatement(auditRowOf(meta, entry));
    await runStatement(manager, statement);
  }
}
