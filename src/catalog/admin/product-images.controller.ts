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
import { CreateImageDto, UpdateImageDto, ImageResponse } from '../dto/image.dto';
import { ProductImagesService } from './product-images.service';
import { Allow, Permission } from '../../auth/permissions';

@ApiTags('admin: catalog')
@ApiBearerAuth()
@ApiParam({ name: 'storeId', format: 'uuid' })
@ApiParam({ name: 'productId', format: 'uuid' })
@ApiErrors([400, 'VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID)'], 401, 403, 503)
@Controller('admin/stores/:storeId/products/:productId/images')
export class ProductImagesController {
  constructor(private readonly images: ProductImagesService) {}

  @Allow(Permission.CatalogRead)
  @Get()
  @ApiOperation({
    summary: 'List a product’s images',
    description: 'Admin. By displayOrder, then age.',
  })
  @ApiPaginatedResponse(ImageResponse)
  @ApiErrors([404, 'PRODUCT_NOT_FOUND'])
  async list(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @Query() query: PaginationQuery,
  ): Promise<Paginated<ImageResponse>> {
    const page = await this.images.list(storeId, productId, query);
    return { ...page, items: page.items.map((image) => ImageResponse.from(image)) };
  }

  @Allow(Permission.CatalogRead)
  @Get(':id')
  @ApiOperation({
    summary: 'Get a product image',
    description: 'Admin. An image of a product of this store.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ImageResponse })
  @ApiErrors([404, 'PRODUCT_NOT_FOUND or IMAGE_NOT_FOUND'])
  async get(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @UuidParam('id') id: string,
  ): Promise<ImageResponse> {
    return ImageResponse.from(await this.images.get(storeId, productId, id));
  }

  @Allow(Permission.CatalogWrite)
  @Post()
  @ApiOperation({
    summary: 'Add an image to a product',
    description: 'Admin. By http(s) URL; no upload. Audited.',
  })
  @ApiCreatedResponse({ type: ImageResponse })
  @ApiErrors([404, 'PRODUCT_NOT_FOUND'], 413)
  async create(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @Body() dto: CreateImageDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ImageResponse> {
    return ImageResponse.from(await this.images.create(storeId, productId, dto, meta));
  }

  @Allow(Permission.CatalogWrite)
  @Patch(':id')
  @ApiOperation({
    summary: 'Change a product image',
    description: 'Admin. URL, alt text or display order. Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ImageResponse })
  @ApiErrors([404, 'PRODUCT_NOT_FOUND or IMAGE_NOT_FOUND'], 413)
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateImageDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ImageResponse> {
    return ImageResponse.from(await this.images.update(storeId, productId, id, dto, meta));
  }

  @Allow(Permission.CatalogWrite)
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove an image from a product',
    description: 'Admin. Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors([404, 'PRODUCT_NOT_FOUND or IMAGE_NOT_FOUND'])
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.images.remove(storeId, productId, id, meta);
  }
}
