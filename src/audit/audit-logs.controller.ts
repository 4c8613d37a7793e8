import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { Paginated } from '../common/pagination';
import { AuditLogsService } from './audit-logs.service';
import { AuditLogQuery, AuditLogView } from './dto/audit-log.dto';
import { AuthUser } from '../auth/auth.types';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Allow, Permission } from '../auth/permissions';
import { storesAllowing } from '../auth/store-scope';

/** Admin-only by path (RolesGuard); which rows, by the caller's stores (no store in the path). */
@ApiTags('admin: customers')
@ApiBearerAuth()
@Controller('admin/audit-logs')
export class AuditLogsController {
  constructor(private readonly auditLogs: AuditLogsService) {}

  @Allow(Permission.AuditRead)
  @Get()
  @ApiOperation({
    summary: 'Search the audit log',
    description:
      'Newest first; every filter is optional. A super admin sees every row. Another admin sees the rows ' +
      'of the stores where their role holds `audit.read` (owner); rows without a store (auth events, ' +
      'platform actions such as stores and invitations) are super admin only. No such store: an empty page.',
  })
  @ApiPaginatedResponse(AuditLogView)
  @ApiErrors([400, 'VALIDATION_FAILED (e.g. from after to)'], 401, 403, 503)
  list(@Query() query: AuditLogQuery, @CurrentUser() user: AuthUser): Promise<Paginated<AuditLogView>> {
    return this.auditLogs.list(query, storesAllowing(user, Permission.AuditRead));
  }
}
