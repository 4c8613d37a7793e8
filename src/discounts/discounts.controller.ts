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
import { ReqMeta } from '../audit/request-meta.decorator';
import { RequestMeta } from '../audit/audit.types';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { Paginated } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { DiscountsService } from './discounts.service';
import {
  CreateDiscountDto,
  DiscountResponse,
  ListDiscountsQuery,
  UpdateDiscountDto,
} from './dto/discount.dto';
import { Allow, Permission } from '../auth/permissions';

const DISCOUNT_NOT_FOUND = [404, 'DISCOUNT_NOT_FOUND (also for another store’s discount)'] as const;
const DISCOUNT_ID = ApiParam({ name: 'id', format: 'uuid', description: 'A discount of the store' });

/** Admin CRUD of a store's discount codes (admin role required: everything under /api/admin). */
@ApiTags('admin: discounts')
@ApiBearerAuth()
@ApiParam({ name: 'storeId', format: 'uuid' })
@ApiErrors(400, 401, 403, 503)
@Controller('admin/stores/:storeId/discounts')
export class DiscountsController {
  constructor(private readonly discounts: DiscountsService) {}

  @Allow(Permission.DiscountsManage)
  @Get()
  @ApiOperation({
    summary: 'List the discount codes of a store',
    description: 'Newest first.',
  })
  @ApiPaginatedResponse(DiscountResponse)
  @ApiErrors([404, 'STORE_NOT_FOUND'])
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: ListDiscountsQuery,
  ): Promise<Paginated<DiscountResponse>> {
    const page = await this.discounts.list(storeId, query);
    return { ...page, items: page.items.map((d) => DiscountResponse.from(d)) };
  }

  @Allow(Permission.DiscountsManage)
  @Get(':id')
  @ApiOperation({ summary: 'Get a discount code', description: 'Another store’s discount is a 404.' })
  @DISCOUNT_ID
  @ApiOkResponse({ type: DiscountResponse })
  @ApiErrors(DISCOUNT_NOT_FOUND)
  async get(@UuidParam('storeId') storeId: string, @UuidParam('id') id: string): Promise<DiscountResponse> {
    return DiscountResponse.from(await this.discounts.get(storeId, id));
  }

  @Allow(Permission.DiscountsManage)
  @Post()
  @ApiOperation({
    summary: 'Create a discount code',
    description:
      'Codes are unique per store, case-insensitively. value is the percent off (at most 100) for ' +
      'percentage, the amount off for fixed.',
  })
  @ApiCreatedResponse({ type: DiscountResponse })
  @ApiErrors([404, 'STORE_NOT_FOUND'], [409, 'DISCOUNT_CODE_TAKEN'], 413)
  async create(
    @UuidParam('storeId') storeId: string,
    @Body() dto: CreateDiscountDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<DiscountResponse> {
    return DiscountResponse.from(await this.discounts.create(storeId, dto, meta));
  }

  @Allow(Permission.DiscountsManage)
  @Patch(':id')
  @ApiOperation({
    summary: 'Update a discount code',
    description: 'Only the fields sent change; maxUses cannot go below the uses already made.',
  })
  @DISCOUNT_ID
  @ApiOkResponse({ type: DiscountResponse })
  @ApiErrors(DISCOUNT_NOT_FOUND, [409, 'DISCOUNT_CODE_TAKEN or MAX_USES_BELOW_TIMES_USED'], 413)
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateDiscountDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<DiscountResponse> {
    return DiscountResponse.from(await this.discounts.update(storeId, id, dto, meta));
  }

  @Allow(Permission.DiscountsManage)
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete a discount code',
    description: 'Orders that used it keep the code; they no longer point at the discount.',
  })
  @DISCOUNT_ID
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(DISCOUNT_NOT_FOUND)
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.discounts.remove(storeId, id, meta);
  }
}
