import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException } from '../common/errors';
import { offsetOf, Paginated, paginated } from '../common/pagination';
import { AuditLogQuery, AuditLogView } from './dto/audit-log.dto';
import { AuditLog } from './entities/audit-log.entity';

function toView(log: AuditLog): AuditLogView {
  return {
    id: log.id,
    userId: log.userId,
    action: log.action,
    entityType: log.entityType,
    entityId: log.entityId,
    details: log.details,
    ipAddress: log.ipAddress,
    userAgent: log.userAgent,
    createdAt: log.createdAt.toISOString(),
  };
}

/** Reads the audit trail (writing is AuditService.record, inside each change's transaction). */
@Injectable()
export class AuditLogsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Newest first; `from` inclusive, `to` exclusive. `storeIds` undefined: every row (super admin);
   * otherwise only rows of those stores, so rows without a store (auth events, platform actions) never.
   */
  async list(query: AuditLogQuery, storeIds?: string[]): Promise<Paginated<AuditLogView>> {
    const from = query.from !== undefined ? new Date(query.from) : undefined;
    const to = query.to !== undefined ? new Date(query.to) : undefined;
    if (from && to && from > to) {
      throw new AppException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'from must not be after to', [
        { field: 'from', errors: ['from must not be after to'] },
      ]);
    }
    const qb = this.dataSource.getRepository(AuditLog).createQueryBuilder('l');
    if (storeIds) qb.andWhere('l.storeId = ANY(CAST(:storeIds AS uuid[]))', { storeIds });
    if (query.userId) qb.andWhere('l.userId = :userId', { userId: query.userId });
    if (query.entityType) qb.andWhere('l.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('l.entityId = :entityId', { entityId: query.entityId });
    if (query.action) qb.andWhere('l.action = :action', { action: query.action });
    if (from) qb.andWhere('l.createdAt >= :from', { from });
    if (to) qb.andWhere('l.createdAt < :to', { to });
    const [rows, total] = await qb
      .orderBy('l.createdAt', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .offset(offsetOf(query))
      .limit(query.limit)
      .getManyAndCount();
    return paginated(rows.map(toView), total, query);
  }
}
