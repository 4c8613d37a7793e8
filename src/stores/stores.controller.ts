import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ReqMeta } from '../audit/request-meta.decorator';
import { RequestMeta } from '../audit/audit.types';
import { Public } from '../common/decorators/public.decorator';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { Paginated, PaginationQuery } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { CreateStoreDto, PublicStoreResponse, StoreResponse, UpdateStoreDto } from './dto/store.dto';
import { StoresService } from './stores.service';
import { AuthUser } from '../auth/auth.types';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Allow, Permission } from '../auth/permissions';

@ApiTags('stores')
@Controller('stores')
export class PublicStoresController {
  constructor(private readonly stores: StoresService) {}

  /** Active stores only. */
  @Public()
  @Get()
  @ApiOperation({
    summary: 'List the active stores',
    description: 'Public. By name.',
  })
  @ApiOkResponse({ type: [PublicStoreResponse] })
  @ApiErrors(
    400,
    [401, 'An Authorization header was sent and is not a valid access token (UNAUTHORIZED)'],
    503,
  )
  async list(): Promise<PublicStoreResponse[]> {
    return (await this.stores.listActive()).map((s) => PublicStoreResponse.from(s));
  }
}

/** Store administration: any admin reads, only a super admin creates or changes a store. */
@ApiTags('stores')
@ApiBearerAuth()
@ApiErrors(401, 403, 503)
@Controller('admin/stores')
export class AdminStoresController {
  constructor(private readonly stores: StoresService) {}

  // No store in the path: every admin may list, and sees only the stores they are a member of.
  @Allow(Permission.CatalogRead)
  @Get()
  @ApiOperation({
    summary: 'List the stores you work in',
    description:
      'Admin: the stores you are a member of (a super admin: every store). Active or not, oldest first.',
  })
  @ApiPaginatedResponse(StoreResponse)
  @ApiErrors([400, 'VALIDATION_FAILED (page, limit)'])
  async list(
    @Query() query: PaginationQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<Paginated<StoreResponse>> {
    const scope = user.role === 'super_admin' ? undefined : (user.memberships ?? []).map((m) => m.storeId);
    const page = await this.stores.list(query, scope);
    return { ...page, items: page.items.map((s) => StoreResponse.from(s)) };
  }

  @Allow(Permission.CatalogRead)
  @Get(':storeId')
  @ApiOperation({
    summary: 'Get a store',
    description: 'Admin. Active or not.',
  })
  @ApiParam({ name: 'storeId', format: 'uuid' })
  @ApiOkResponse({ type: StoreResponse })
  @ApiErrors([400, 'INVALID_ID (storeId is not a UUID)'], [404, 'STORE_NOT_FOUND'])
  async get(@UuidParam('storeId') storeId: string): Promise<StoreResponse> {
    return StoreResponse.from(await this.stores.requireStore(storeId));
  }

  @Allow(Permission.Platform)
  @Post()
  @ApiOperation({
    summary: 'Create a store',
    description: 'Super admin only. The slug is generated from the name when absent. Audited.',
  })
  @ApiCreatedResponse({ type: StoreResponse })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED, or UNSUPPORTED_CURRENCY (an ISO 4217 currency with other than 0 or 2 minor digits, e.g. KWD)',
    ],
    [403, 'FORBIDDEN: only a super_admin creates stores'],
    [409, 'SLUG_TAKEN'],
    413,
  )
  async create(@Body() dto: CreateStoreDto, @ReqMeta() meta: RequestMeta): Promise<StoreResponse> {
    return StoreResponse.from(await this.stores.create(dto, meta));
  }

  @Allow(Permission.Platform)
  @Patch(':storeId')
  @ApiOperation({
    summary: 'Change a store',
    description: 'Super admin only. Audited.',
  })
  @ApiParam({ name: 'storeId', format: 'uuid' })
  @ApiOkResponse({ type: StoreResponse })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED, INVALID_ID (storeId is not a UUID), or UNSUPPORTED_CURRENCY (an ISO 4217 ' +
        'currency with other than 0 or 2 minor digits, e.g. KWD)',
    ],
    [403, 'FORBIDDEN: only a super_admin changes stores'],
    [404, 'STORE_NOT_FOUND'],
    [
      409,
      'SLUG_TAKEN, or CURRENCY_AMOUNTS_CONFLICT (a currency without minor digits, e.g. JPY, while the ' +
        'store holds prices or shipping amounts with cents: details.amounts says which and how many)',
    ],
    413,
  )
  async update(
    @UuidParam('storeId') storeId: string,
    @Body() dto: UpdateStoreDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<StoreResponse> {
    return StoreResponse.from(await this.stores.update(storeId, dto, meta));
  }
}
