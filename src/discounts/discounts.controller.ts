import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReqMeta } from '../audit/request-meta.decorator';
import { RequestMeta } from '../audit/audit.types';
import { Paginated } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { DiscountsService } from './discounts.service';
import {
  CreateDiscountDto,
  DiscountResponse,
  ListDiscountsQuery,
  UpdateDiscountDto,
} from './dto/discount.dto';

/** Admin CRUD of a store's discount codes (admin role required: everything under /api/admin). */
@ApiTags('discounts (admin)')
@ApiBearerAuth()
@Controller('admin/stores/:storeId/discounts')
export class DiscountsController {
  constructor(private readonly discounts: DiscountsService) {}

  @Get()
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: ListDiscountsQuery,
  ): Promise<Paginated<DiscountResponse>> {
    const page = await this.discounts.list(storeId, query);
    return { ...page, items: page.items.map((d) => DiscountResponse.from(d)) };
  }

  @Get(':id')
  async get(@UuidParam('storeId') storeId: string, @UuidParam('id') id: string): Promise<DiscountResponse> {
    return DiscountResponse.from(await this.discounts.get(storeId, id));
  }

  @Post()
  async create(
    @UuidParam('storeId') storeId: string,
    @Body() dto: CreateDiscountDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<DiscountResponse> {
    return DiscountResponse.from(await this.discounts.create(storeId, dto, meta));
  }

  @Patch(':id')
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateDiscountDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<DiscountResponse> {
    return DiscountResponse.from(await this.discounts.update(storeId, id, dto, meta));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.discounts.remove(storeId, id, meta);
  }
}
