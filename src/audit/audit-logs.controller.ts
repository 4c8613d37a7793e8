import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Paginated } from '../common/pagination';
import { AuditLogsService } from './audit-logs.service';
import { AuditLogPage, AuditLogQuery, AuditLogView } from './dto/audit-log.dto';

/** Admin-only by path (RolesGuard: everything under /api/admin). */
@ApiTags('admin: audit')
@ApiBearerAuth()
@Controller('admin/audit-logs')
export class AuditLogsController {
  constructor(private readonly auditLogs: AuditLogsService) {}

  @Get()
  @ApiOkResponse({ type: AuditLogPage })
  list(@Query() query: AuditLogQuery): Promise<Paginated<AuditLogView>> {
    return this.auditLogs.list(query);
  }
}
