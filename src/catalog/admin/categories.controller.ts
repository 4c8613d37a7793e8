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
import { CategoryResponse, CreateCategoryDto, UpdateCategoryDto } from '../dto/category.dto';
import { CategoriesService } from './categories.service';
import { Allow, Permission } from '../../auth/permissions';

@ApiTags('admin: catalog')
@ApiBearerAuth()
@ApiParam({ name: 'storeId', format: 'uuid' })
@ApiErrors([400, 'VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID)'], 401, 403, 503)
@Controller('admin/stores/:storeId/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Allow(Permission.CatalogRead)
  @Get()
  @ApiOperation({
    summary: 'List the store’s categories',
    description: 'Admin. A flat list, active or not, by displayOrder then name; nest them with parentId.',
  })
  @ApiPaginatedResponse(CategoryResponse)
  @ApiErrors([404, 'STORE_NOT_FOUND'])
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: PaginationQuery,
  ): Promise<Paginated<CategoryResponse>> {
    const page = await this.categories.list(storeId, query);
    return { ...page, items: page.items.map((c) => CategoryResponse.from(c)) };
  }

  @Allow(Permission.CatalogRead)
  @Get(':id')
  @ApiOperation({
    summary: 'Get a category',
    description: 'Admin. A category of this store, active or not.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CategoryResponse })
  @ApiErrors([404, 'CATEGORY_NOT_FOUND'])
  async get(@UuidParam('storeId') storeId: string, @UuidParam('id') id: string): Promise<CategoryResponse> {
    return CategoryResponse.from(await this.categories.get(storeId, id));
  }

  @Allow(Permission.CatalogWrite)
  @Post()
  @ApiOperation({
    summary: 'Create a category',
    description:
      'Admin. The slug is generated from the name when absent; parentId must be a category of the same store. Audited.',
  })
  @ApiCreatedResponse({ type: CategoryResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED, INVALID_ID, or REFERENCE_NOT_FOUND (parentId is not a category of this store)'],
    [404, 'STORE_NOT_FOUND'],
    [409, 'SLUG_TAKEN'],
    413,
  )
  async create(
    @UuidParam('storeId') storeId: string,
    @Body() dto: CreateCategoryDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<CategoryResponse> {
    return CategoryResponse.from(await this.categories.create(storeId, dto, meta));
  }

  @Allow(Permission.CatalogWrite)
  @Patch(':id')
  @ApiOperation({
    summary: 'Change a category',
    description: 'Admin. Also moves it under another parent (never under itself or a descendant). Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CategoryResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED, INVALID_ID, or REFERENCE_NOT_FOUND (parentId is not a category of this store)'],
    [404, 'CATEGORY_NOT_FOUND'],
    [409, 'SLUG_TAKEN, or CATEGORY_CYCLE (parentId is the category itself or one of its descendants)'],
    413,
  )
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateCategoryDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<CategoryResponse> {
    return CategoryResponse.from(await this.categories.update(storeId, id, dto, meta));
  }

  @Allow(Permission.CatalogWrite)
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a category',
    description: 'Admin. Its children become roots and its products lose their category. Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors([404, 'CATEGORY_NOT_FOUND'])
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.categories.remove(storeId, id, meta);
  }
}
