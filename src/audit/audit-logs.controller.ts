import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { Paginated } from '../common/pagination';
import { AuditLogsService } from './audit-logs.service';
import { AuditLogQuery, AuditLogView } from './dto/audit-log.dto';
import { Allow, Permission } from '../auth/permissions';

/** Admin-only by path (RolesGuard: everything under /api/admin). */
@ApiTags('admin: customers')
@ApiBearerAuth()
@Controller('admin/audit-logs')
export class AuditLogsController {
  constructor(private readonly auditLogs: AuditLogsService) {}

  @Allow(Permission.Platform)
  @Get()
  @ApiOperation({ summary: 'Search the audit log', description: 'Newest first; every filter is optional.' })
  @ApiPaginatedResponse(AuditLogView)
  @ApiErrors([400, 'VALIDATION_FAILED (e.g. from after to)'], 401, 403, 503)
  list(@Query() query: AuditLogQuery): Promise<Paginated<AuditLogView>> {
    return this.auditLogs.list(query);
  }
}
