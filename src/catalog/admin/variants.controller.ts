import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReqMeta } from '../../audit/request-meta.decorator';
import { RequestMeta } from '../../audit/audit.types';
import { Paginated, PaginationQuery } from '../../common/pagination';
import { UuidParam } from '../../common/validation';
import { CreateVariantDto, UpdateVariantDto, VariantResponse } from '../dto/variant.dto';
import { VariantsService } from './variants.service';

@ApiTags('catalog (admin)')
@ApiBearerAuth()
@Controller('admin/stores/:storeId/products/:productId/variants')
export class VariantsController {
  constructor(private readonly variants: VariantsService) {}

  @Get()
  async list(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @Query() query: PaginationQuery,
  ): Promise<Paginated<VariantResponse>> {
    const page = await this.variants.list(storeId, productId, query);
    return { ...page, items: page.items.map((r) => VariantResponse.from(r.variant, r.basePrice)) };
  }

  @Get(':id')
  async get(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @UuidParam('id') id: string,
  ): Promise<VariantResponse> {
    const { variant, basePrice } = await this.variants.get(storeId, productId, id);
    return VariantResponse.from(variant, basePrice);
  }

  @Post()
  async create(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @Body() dto: CreateVariantDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<VariantResponse> {
    const { variant, basePrice } = await this.variants.create(storeId, productId, dto, meta);
    return VariantResponse.from(variant, basePrice);
  }

  @Patch(':id')
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateVariantDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<VariantResponse> {
    const { variant, basePrice } = await this.variants.update(storeId, productId, id, dto, meta);
    return VariantResponse.from(variant, basePrice);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.variants.remove(storeId, productId, id, meta);
  }
}
