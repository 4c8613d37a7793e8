import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { AuthUser } from './auth.types';
import { CurrentUser } from './decorators/current-user.decorator';
import { Roles } from './decorators/roles.decorator';
import { CreateInvitationDto, InvitationCreated } from './dto/auth.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('admin: invitations')
@ApiBearerAuth()
@Roles('super_admin')
@Controller('admin/invitations')
export class AdminInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @ApiOperation({ summary: 'Invite an admin (super_admin only): the token is shown once, valid 7 days' })
  @ApiCreatedResponse({ type: InvitationCreated })
  create(
    @Body() dto: CreateInvitationDto,
    @CurrentUser() user: AuthUser,
    @ReqMeta() meta: RequestMeta,
  ): Promise<InvitationCreated> {
    return this.invitations.create(dto, user, meta);
  }
}
