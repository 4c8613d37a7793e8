import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { ApiErrors } from '../common/openapi';
import { AuthUser } from './auth.types';
import { CurrentUser } from './decorators/current-user.decorator';
import { CreateInvitationDto, InvitationCreated } from './dto/auth.dto';
import { InvitationsService } from './invitations.service';
import { Allow, Permission } from './permissions';

@ApiTags('admin: invitations')
@ApiBearerAuth()
@ApiErrors(400, 401, [403, 'FORBIDDEN: super_admin only'], 413, 503)
@Controller('admin/invitations')
export class AdminInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Allow(Permission.Platform)
  @Post()
  @ApiOperation({
    summary: 'Invite an admin',
    description: 'super_admin only. The token is shown once and is valid for 7 days.',
  })
  @ApiCreatedResponse({ type: InvitationCreated })
  @ApiErrors([409, 'ALREADY_ADMIN: the email belongs to an admin already'])
  create(
    @Body() dto: CreateInvitationDto,
    @CurrentUser() user: AuthUser,
    @ReqMeta() meta: RequestMeta,
  ): Promise<InvitationCreated> {
    return this.invitations.create(dto, user, meta);
  }
}
