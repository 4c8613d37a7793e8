import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReqMeta } from '../audit/request-meta.decorator';
import { RequestMeta } from '../audit/audit.types';
import { Roles } from '../auth/decorators/roles.decorator';
import { Public } from '../common/decorators/public.decorator';
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
  async list(): Promise<PublicStoreResponse[]> {
    return (await this.stores.listActive()).map((s) => PublicStoreResponse.from(s));
  }
}

/** Store administration: any admin reads, only a super admin creates or changes a store. */
@ApiTags('stores (admin)')
@ApiBearerAuth()
@Controller('admin/stores')
export class AdminStoresController {
  constructor(private readonly stores: StoresService) {}

  @Get()
  async list(@Query() query: PaginationQuery): Promise<Paginated<StoreResponse>> {
    const page = await this.stores.list(query);
    return { ...page, items: page.items.map((s) => StoreResponse.from(s)) };
  }

  @Get(':storeId')
  async get(@UuidParam('storeId') storeId: string): Promise<StoreResponse> {
    return StoreResponse.from(await this.stores.requireStore(storeId));
  }

  @Post()
  @Roles('super_admin')
  async create(@Body() dto: CreateStoreDto, @ReqMeta() meta: RequestMeta): Promise<StoreResponse> {
    return StoreResponse.from(await this.stores.create(dto, meta));
  }

  @Patch(':storeId')
  @Roles('super_admin')
  async update(
    @UuidParam('storeId') storeId: string,
    @Body() dto: UpdateStoreDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<StoreResponse> {
    return StoreResponse.from(await this.stores.update(storeId, dto, meta));
  }
}
