import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReqMeta } from '../../audit/request-meta.decorator';
import { RequestMeta } from '../../audit/audit.types';
import { Paginated, PaginationQuery } from '../../common/pagination';
import { UuidParam } from '../../common/validation';
import { TagResponse, CreateTagDto, UpdateTagDto } from '../dto/tag.dto';
import { TagsService } from './tags.service';

@ApiTags('catalog (admin)')
@ApiBearerAuth()
@Controller('admin/stores/:storeId/tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: PaginationQuery,
  ): Promise<Paginated<TagResponse>> {
    const page = await this.tags.list(storeId, query);
    return { ...page, items: page.items.map((tag) => TagResponse.from(tag)) };
  }

  @Get(':id')
  async get(@UuidParam('storeId') storeId: string, @UuidParam('id') id: string): Promise<TagResponse> {
    return TagResponse.from(await this.tags.get(storeId, id));
  }

  @Post()
  async create(
    @UuidParam('storeId') storeId: string,
    @Body() dto: CreateTagDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<TagResponse> {
    return TagResponse.from(await this.tags.create(storeId, dto, meta));
  }

  @Patch(':id')
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateTagDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<TagResponse> {
    return TagResponse.from(await this.tags.update(storeId, id, dto, meta));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.tags.remove(storeId, id, meta);
  }
}
