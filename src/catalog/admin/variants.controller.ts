import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ReqMeta } from '../../audit/request-meta.decorator';
import { RequestMeta } from '../../audit/audit.types';
import { ApiErrors, ApiPaginatedResponse } from '../../common/openapi';
import { Paginated, PaginationQuery } from '../../common/pagination';
import { UuidParam } from '../../common/validation';
import { CreateVariantDto, UpdateVariantDto, VariantResponse } from '../dto/variant.dto';
import { VariantsService } from './variants.service';
import { Allow, Permission } from '../../auth/permissions';

@ApiTags('admin: catalog')
@ApiBearerAuth()
@ApiParam({ name: 'storeId', format: 'uuid' })
@ApiParam({ name: 'productId', format: 'uuid' })
@ApiErrors([400, 'VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID)'], 401, 403, 503)
@Controller('admin/stores/:storeId/products/:productId/variants')
export class VariantsController {
  constructor(private readonly variants: VariantsService) {}

  @Allow(Permission.CatalogRead)
  @Get()
  @ApiOperation({
    summary: 'List a product’s variants',
    description: 'Admin. Active or not, each with its price and stock.',
  })
  @ApiPaginatedResponse(VariantResponse)
  @ApiErrors([404, 'PRODUCT_NOT_FOUND'])
  async list(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @Query() query: PaginationQuery,
  ): Promise<Paginated<VariantResponse>> {
    const page = await this.variants.list(storeId, productId, query);
    return { ...page, items: page.items.map((r) => VariantResponse.from(r.variant, r.basePrice)) };
  }

  @Allow(Permission.CatalogRead)
  @Get(':id')
  @ApiOperation({
    summary: 'Get a variant',
    description: 'Admin. With its price and stock.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: VariantResponse })
  @ApiErrors([404, 'PRODUCT_NOT_FOUND or VARIANT_NOT_FOUND'])
  async get(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @UuidParam('id') id: string,
  ): Promise<VariantResponse> {
    const { variant, basePrice } = await this.variants.get(storeId, productId, id);
    return VariantResponse.from(variant, basePrice);
  }

  @Allow(Permission.CatalogWrite)
  @Post()
  @ApiOperation({
    summary: 'Create a variant',
    description:
      'Admin. The SKU is generated when absent; the variant starts with `initialQuantity` in stock; `metadata` ' +
      'keys sent as null are left out. Audited.',
  })
  @ApiCreatedResponse({ type: VariantResponse })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED, INVALID_ID, NEGATIVE_VARIANT_PRICE (basePrice + priceAdjustment < 0), or ' +
        'METADATA_INVALID (metadata breaks a limit)',
    ],
    [404, 'PRODUCT_NOT_FOUND'],
    [409, 'SKU_TAKEN'],
    413,
  )
  async create(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @Body() dto: CreateVariantDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<VariantResponse> {
    const { variant, basePrice } = await this.variants.create(storeId, productId, dto, meta);
    return VariantResponse.from(variant, basePrice);
  }

  @Allow(Permission.CatalogWrite)
  @Patch(':id')
  @ApiOperation({
    summary: 'Change a variant',
    description:
      'Admin. Stock is changed through PATCH /admin/inventory/{variantId}, not here. `metadata` is merged: ' +
      'keys sent are set, keys sent as null are removed, others are kept. Audited (changed metadata keys included).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: VariantResponse })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED, INVALID_ID, NEGATIVE_VARIANT_PRICE (basePrice + priceAdjustment < 0), or ' +
        'METADATA_INVALID (metadata breaks a limit)',
    ],
    [404, 'PRODUCT_NOT_FOUND or VARIANT_NOT_FOUND'],
    [409, 'SKU_TAKEN'],
    413,
  )
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

  @Allow(Permission.CatalogWrite)
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a variant',
    description:
      'Admin. Its stock row and cart lines go with it; a variant on an order cannot be deleted (deactivate it instead). Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors([404, 'VARIANT_NOT_FOUND'], [409, 'VARIANT_IN_USE (on an order: deactivate it instead)'])
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.variants.remove(storeId, productId, id, meta);
  }
}
