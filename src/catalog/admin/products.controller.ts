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
import { Paginated } from '../../common/pagination';
import { UuidParam } from '../../common/validation';
import { CreateProductDto, ListProductsQuery, ProductResponse, UpdateProductDto } from '../dto/product.dto';
import { ProductsService } from './products.service';
import { Allow, Permission } from '../../auth/permissions';

@ApiTags('admin: catalog')
@ApiBearerAuth()
@ApiParam({ name: 'storeId', format: 'uuid' })
@ApiErrors([400, 'VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID)'], 401, 403, 503)
@Controller('admin/stores/:storeId/products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Allow(Permission.CatalogRead)
  @Get()
  @ApiOperation({
    summary: 'List the store’s products',
    description: 'Admin. Active or not, with tags; `q` searches name and slug, `categoryId` filters.',
  })
  @ApiPaginatedResponse(ProductResponse)
  @ApiErrors([404, 'STORE_NOT_FOUND'])
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: ListProductsQuery,
  ): Promise<Paginated<ProductResponse>> {
    const page = await this.products.list(storeId, query);
    return { ...page, items: page.items.map((p) => ProductResponse.from(p.product, p.tags)) };
  }

  @Allow(Permission.CatalogRead)
  @Get(':id')
  @ApiOperation({
    summary: 'Get a product',
    description: 'Admin. A product of this store with its tags.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiErrors([404, 'PRODUCT_NOT_FOUND'])
  async get(@UuidParam('storeId') storeId: string, @UuidParam('id') id: string): Promise<ProductResponse> {
    const { product, tags } = await this.products.get(storeId, id);
    return ProductResponse.from(product, tags);
  }

  @Allow(Permission.CatalogWrite)
  @Post()
  @ApiOperation({
    summary: 'Create a product',
    description:
      'Admin. The slug is generated from the name when absent; categoryId and tagIds must be of the same store; ' +
      '`metadata` keys sent as null are left out. Audited.',
  })
  @ApiCreatedResponse({ type: ProductResponse })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED, INVALID_ID, REFERENCE_NOT_FOUND (categoryId or tagIds not of this store), or ' +
        'METADATA_INVALID (metadata breaks a limit)',
    ],
    [404, 'STORE_NOT_FOUND'],
    [409, 'SLUG_TAKEN'],
    413,
  )
  async create(
    @UuidParam('storeId') storeId: string,
    @Body() dto: CreateProductDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ProductResponse> {
    const { product, tags } = await this.products.create(storeId, dto, meta);
    return ProductResponse.from(product, tags);
  }

  @Allow(Permission.CatalogWrite)
  @Patch(':id')
  @ApiOperation({
    summary: 'Change a product',
    description:
      'Admin. `tagIds` replaces the product’s tags; a basePrice that would make a variant’s price negative is refused; ' +
      '`metadata` is merged (keys sent are set, keys sent as null are removed, others are kept). ' +
      'Audited (changed metadata keys included).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED, INVALID_ID, REFERENCE_NOT_FOUND (categoryId or tagIds not of this store), or ' +
        'NEGATIVE_VARIANT_PRICE (the new basePrice would make a variant’s price negative), or ' +
        'METADATA_INVALID (metadata breaks a limit)',
    ],
    [404, 'PRODUCT_NOT_FOUND'],
    [409, 'SLUG_TAKEN'],
    413,
  )
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateProductDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ProductResponse> {
    const { product, tags } = await this.products.update(storeId, id, dto, meta);
    return ProductResponse.from(product, tags);
  }

  @Allow(Permission.CatalogWrite)
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a product',
    description:
      'Admin. Its variants, images, tag links and stock go with it; a product on an order cannot be deleted (deactivate it instead). Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors([404, 'PRODUCT_NOT_FOUND'], [409, 'PRODUCT_IN_USE (on an order: deactivate it instead)'])
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.products.remove(storeId, id, meta);
  }
}
