import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReqMeta } from '../../audit/request-meta.decorator';
import { RequestMeta } from '../../audit/audit.types';
import { Paginated, PaginationQuery } from '../../common/pagination';
import { UuidParam } from '../../common/validation';
import { CreateImageDto, UpdateImageDto, ImageResponse } from '../dto/image.dto';
import { ProductImagesService } from './product-images.service';

@ApiTags('catalog (admin)')
@ApiBearerAuth()
@Controller('admin/stores/:storeId/products/:productId/images')
export class ProductImagesController {
  constructor(private readonly images: ProductImagesService) {}

  @Get()
  async list(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @Query() query: PaginationQuery,
  ): Promise<Paginated<ImageResponse>> {
    const page = await this.images.list(storeId, productId, query);
    return { ...page, items: page.items.map((image) => ImageResponse.from(image)) };
  }

  @Get(':id')
  async get(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @UuidParam('id') id: string,
  ): Promise<ImageResponse> {
    return ImageResponse.from(await this.images.get(storeId, productId, id));
  }

  @Post()
  async create(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @Body() dto: CreateImageDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ImageResponse> {
    return ImageResponse.from(await this.images.create(storeId, productId, dto, meta));
  }

  @Patch(':id')
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateImageDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ImageResponse> {
    return ImageResponse.from(await this.images.update(storeId, productId, id, dto, meta));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('productId') productId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.images.remove(storeId, productId, id, meta);
  }
}
