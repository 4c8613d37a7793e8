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
import { TagResponse, CreateTagDto, UpdateTagDto } from '../dto/tag.dto';
import { TagsService } from './tags.service';
import { Allow, Permission } from '../../auth/permissions';

@ApiTags('admin: catalog')
@ApiBearerAuth()
@ApiParam({ name: 'storeId', format: 'uuid' })
@ApiErrors([400, 'VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID)'], 401, 403, 503)
@Controller('admin/stores/:storeId/tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Allow(Permission.CatalogRead)
  @Get()
  @ApiOperation({
    summary: 'List the store’s tags',
    description: 'Admin. By name.',
  })
  @ApiPaginatedResponse(TagResponse)
  @ApiErrors([404, 'STORE_NOT_FOUND'])
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: PaginationQuery,
  ): Promise<Paginated<TagResponse>> {
    const page = await this.tags.list(storeId, query);
    return { ...page, items: page.items.map((tag) => TagResponse.from(tag)) };
  }

  @Allow(Permission.CatalogRead)
  @Get(':id')
  @ApiOperation({
    summary: 'Get a tag',
    description: 'Admin. A tag of this store.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TagResponse })
  @ApiErrors([404, 'TAG_NOT_FOUND'])
  async get(@UuidParam('storeId') storeId: string, @UuidParam('id') id: string): Promise<TagResponse> {
    return TagResponse.from(await this.tags.get(storeId, id));
  }

  @Allow(Permission.CatalogWrite)
  @Post()
  @ApiOperation({
    summary: 'Create a tag',
    description: 'Admin. The slug is generated from the name when absent. Audited.',
  })
  @ApiCreatedResponse({ type: TagResponse })
  @ApiErrors([404, 'STORE_NOT_FOUND'], [409, 'SLUG_TAKEN'], 413)
  async create(
    @UuidParam('storeId') storeId: string,
    @Body() dto: CreateTagDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<TagResponse> {
    return TagResponse.from(await this.tags.create(storeId, dto, meta));
  }

  @Allow(Permission.CatalogWrite)
  @Patch(':id')
  @ApiOperation({
    summary: 'Change a tag',
    description: 'Admin. Its name or slug. Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TagResponse })
  @ApiErrors([404, 'TAG_NOT_FOUND'], [409, 'SLUG_TAKEN'], 413)
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateTagDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<TagResponse> {
    return TagResponse.from(await this.tags.update(storeId, id, dto, meta));
  }

  @Allow(Permission.CatalogWrite)
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a tag',
    description: 'Admin. It is removed from its products. Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors([404, 'TAG_NOT_FOUND'])
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.tags.remove(storeId, id, meta);
  }
}
