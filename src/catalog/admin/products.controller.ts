import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReqMeta } from '../../audit/request-meta.decorator';
import { RequestMeta } from '../../audit/audit.types';
import { Paginated } from '../../common/pagination';
import { UuidParam } from '../../common/validation';
import { CreateProductDto, ListProductsQuery, ProductResponse, UpdateProductDto } from '../dto/product.dto';
import { ProductsService } from './products.service';

@ApiTags('catalog (admin)')
@ApiBearerAuth()
@Controller('admin/stores/:storeId/products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: ListProductsQuery,
  ): Promise<Paginated<ProductResponse>> {
    const page = await this.products.list(storeId, query);
    return { ...page, items: page.items.map((p) => ProductResponse.from(p.product, p.tags)) };
  }

  @Get(':id')
  async get(@UuidParam('storeId') storeId: string, @UuidParam('id') id: string): Promise<ProductResponse> {
    const { product, tags } = await this.products.get(storeId, id);
    return ProductResponse.from(product, tags);
  }

  @Post()
  async create(
    @UuidParam('storeId') storeId: string,
    @Body() dto: CreateProductDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ProductResponse> {
    const { product, tags } = await this.products.create(storeId, dto, meta);
    return ProductResponse.from(product, tags);
  }

  @Patch(':id')
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateProductDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ProductResponse> {
    const { product, tags } = await this.products.update(storeId, id, dto, meta);
    return ProductResponse.from(product, tags);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.products.remove(storeId, id, meta);
  }
}
