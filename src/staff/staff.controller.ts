import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { AuthUser } from '../auth/auth.types';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Allow, Permission } from '../auth/permissions';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { Paginated } from '../common/pagination';
import { UuidParam } from '../common/validation';
import {
  AddStaffDto,
  ListStaffQuery,
  StaffAddedResponse,
  StaffMemberResponse,
  UpdateStaffDto,
} from './dto/staff.dto';
import { StaffService } from './staff.service';

const PROFILE_ID = ApiParam({ name: 'profileId', format: 'uuid', description: 'A member of the store' });
const NOT_A_MEMBER = [
  404,
  'STORE_NOT_FOUND (also a store you are not a member of), STAFF_NOT_FOUND',
] as const;

/** A store's staff: owners and super admins only. */
@ApiTags('admin: staff')
@ApiBearerAuth()
@ApiParam({ name: 'storeId', format: 'uuid' })
@ApiErrors(
  [400, 'VALIDATION_FAILED, INVALID_ID'],
  401,
  [403, 'FORBIDDEN: your role in the store is not owner'],
  503,
)
@Allow(Permission.StaffManage)
@Controller('admin/stores/:storeId/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({
    summary: 'List the staff of a store',
    description: 'Owner or super admin. Oldest member first.',
  })
  @ApiPaginatedResponse(StaffMemberResponse)
  @ApiErrors(NOT_A_MEMBER)
  list(
    @UuidParam('storeId') storeId: string,
    @Query() query: ListStaffQuery,
  ): Promise<Paginated<StaffMemberResponse>> {
    return this.staff.list(storeId, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Add an admin to the store, or invite an email',
    description:
      'Owner or super admin. An existing admin becomes a member at once (kind membership); any other email ' +
      'gets an invitation (kind invitation, accepted with POST /auth/invitations/accept), and accepting it ' +
      'makes the account a member with this role. Audited.',
  })
  @ApiCreatedResponse({ type: StaffAddedResponse })
  @ApiErrors(NOT_A_MEMBER, [409, 'ALREADY_MEMBER'], 413)
  add(
    @UuidParam('storeId') storeId: string,
    @Body() dto: AddStaffDto,
    @CurrentUser() user: AuthUser,
    @ReqMeta() meta: RequestMeta,
  ): Promise<StaffAddedResponse> {
    return this.staff.add(storeId, dto, user, meta);
  }

  @Patch(':profileId')
  @ApiOperation({
    summary: 'Change a member’s role',
    description: 'Owner or super admin. The last owner cannot be demoted. Audited.',
  })
  @PROFILE_ID
  @ApiOkResponse({ type: StaffMemberResponse })
  @ApiErrors(NOT_A_MEMBER, [409, 'LAST_OWNER: the store’s only owner cannot be demoted'], 413)
  update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('profileId') profileId: string,
    @Body() dto: UpdateStaffDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<StaffMemberResponse> {
    return this.staff.updateRole(storeId, profileId, dto, meta);
  }

  @Delete(':profileId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Remove a member',
    description:
      'Owner or super admin. An admin left in no store loses every session (refresh tokens revoked; access ' +
      'tokens find no store from then on). The last owner cannot be removed. Audited.',
  })
  @PROFILE_ID
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(NOT_A_MEMBER, [409, 'LAST_OWNER: the store’s only owner cannot be removed'])
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('profileId') profileId: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.staff.remove(storeId, profileId, meta);
  }
}
