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
import { Roles } from '../auth/decorators/roles.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { Paginated, PaginationQuery } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { CreateStoreDto, PublicStoreResponse, StoreResponse, UpdateStoreDto } from './dto/store.dto';
import { StoresService } from './stores.service';

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

  @Get()
  @ApiOperation({
    summary: 'List every store',
    description: 'Admin. Active or not, oldest first.',
  })
  @ApiPaginatedResponse(StoreResponse)
  @ApiErrors([400, 'VALIDATION_FAILED (page, limit)'])
  async list(@Query() query: PaginationQuery): Promise<Paginated<StoreResponse>> {
    const page = await this.stores.list(query);
    return { ...page, items: page.items.map((s) => StoreResponse.from(s)) };
  }

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

  @Post()
  @Roles('super_admin')
  @ApiOperation({
    summary: 'Create a store',
    description: 'Super admin only. The slug is generated from the name when absent. Audited.',
  })
  @ApiCreatedResponse({ type: StoreResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED'],
    [403, 'FORBIDDEN: only a super_admin creates stores'],
    [409, 'SLUG_TAKEN'],
    413,
  )
  async create(@Body() dto: CreateStoreDto, @ReqMeta() meta: RequestMeta): Promise<StoreResponse> {
    return StoreResponse.from(await this.stores.create(dto, meta));
  }

  @Patch(':storeId')
  @Roles('super_admin')
  @ApiOperation({
    summary: 'Change a store',
    description: 'Super admin only. Audited.',
  })
  @ApiParam({ name: 'storeId', format: 'uuid' })
  @ApiOkResponse({ type: StoreResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED, or INVALID_ID (storeId is not a UUID)'],
    [403, 'FORBIDDEN: only a super_admin changes stores'],
    [404, 'STORE_NOT_FOUND'],
    [409, 'SLUG_TAKEN'],
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
