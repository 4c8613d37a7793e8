import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReqMeta } from '../../audit/request-meta.decorator';
import { RequestMeta } from '../../audit/audit.types';
import { Paginated, PaginationQuery } from '../../common/pagination';
import { UuidParam } from '../../common/validation';
import { CategoryResponse, CreateCategoryDto, UpdateCategoryDto } from '../dto/category.dto';
import { CategoriesService } from './categories.service';

@ApiTags('catalog (admin)')
@ApiBearerAuth()
@Controller('admin/stores/:storeId/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: PaginationQuery,
  ): Promise<Paginated<CategoryResponse>> {
    const page = await this.categories.list(storeId, query);
    return { ...page, items: page.items.map((c) => CategoryResponse.from(c)) };
  }

  @Get(':id')
  async get(@UuidParam('storeId') storeId: string, @UuidParam('id') id: string): Promise<CategoryResponse> {
    return CategoryResponse.from(await this.categories.get(storeId, id));
  }

  @Post()
  async create(
    @UuidParam('storeId') storeId: string,
    @Body() dto: CreateCategoryDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<CategoryResponse> {
    return CategoryResponse.from(await this.categories.create(storeId, dto, meta));
  }

  @Patch(':id')
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateCategoryDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<CategoryResponse> {
    return CategoryResponse.from(await this.categories.update(storeId, id, dto, meta));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.categories.remove(storeId, id, meta);
  }
}
