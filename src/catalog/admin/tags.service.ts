import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, changedFields } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/audit.types';
import { offsetOf, Paginated, paginated, PaginationQuery } from '../../common/pagination';
import { slugify } from '../../common/slug';
import { inTransaction } from '../../database/transactions';
import { StoresService } from '../../stores/stores.service';
import { CreateTagDto, UpdateTagDto } from '../dto/tag.dto';
import { Tag } from '../entities/tag.entity';
import { mapCatalogErrors, notFound } from './catalog-errors';
import { definedFields } from '../../common/objects';

/** A store's tags. Deleting a tag unlinks it from its products (ON DELETE CASCADE on product_tags). */
@Injectable()
export class TagsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stores: StoresService,
    private readonly audit: AuditService,
  ) {}

  async list(storeId: string, query: PaginationQuery): Promise<Paginated<Tag>> {
    await this.stores.requireStore(storeId);
    const [items, total] = await this.dataSource.getRepository(Tag).findAndCount({
      where: { storeId },
      order: { name: 'ASC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
    return paginated(items, total, query);
  }

  async get(storeId: string, id: string): Promise<Tag> {
    const tag = await this.dataSource.getRepository(Tag).findOne({ where: { id, storeId } });
    if (!tag) throw notFound('tag');
    return tag;
  }

  async create(storeId: string, dto: CreateTagDto, meta: RequestMeta): Promise<Tag> {
    return mapCatalogErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        await this.stores.requireStoreIn(tx, storeId);
        const repo = tx.getRepository(Tag);
        const saved = await repo.save(
          repo.create({ storeId, name: dto.name, slug: dto.slug ?? slugify(dto.name) }),
        );
        await this.audit.record(tx, meta, {
          action: 'tag.create',
          entityType: 'tag',
          entityId: saved.id,
          storeId,
          details: { name: saved.name, slug: saved.slug },
        });
        return repo.findOneOrFail({ where: { id: saved.id } });
      }),
    );
  }

  async update(storeId: string, id: string, dto: UpdateTagDto, meta: RequestMeta): Promise<Tag> {
    return mapCatalogErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        const repo = tx.getRepository(Tag);
        const before = await repo.findOne({ where: { id, storeId }, lock: { mode: 'for_no_key_update' } });
        if (!before) throw notFound('tag');
        const changes: Partial<Tag> = definedFields(dto, ['name', 'slug']);
        const diff = changedFields(before, changes);
        if (Object.keys(diff).length === 0) return before;
        await repo.update({ id }, changes);
        await this.audit.record(tx, meta, {
          action: 'tag.update',
          entityType: 'tag',
          entityId: id,
          storeId,
          details: diff,
        });
        return repo.findOneOrFail({ where: { id } });
      }),
    );
  }

  async remove(storeId: string, id: string, meta: RequestMeta): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const [rows] = await tx.query<[Array<{ name: string; slug: string }>, number]>(
        `DELETE FROM tags WHERE id = $1 AND store_id = $2 RETURNING name, slug`,
        [id, storeId],
      );
      if (rows.length === 0) throw notFound('tag');
      await this.audit.record(tx, meta, {
        action: 'tag.delete',
        entityType: 'tag',
        entityId: id,
        storeId,
        details: { name: rows[0].name, slug: rows[0].slug },
      });
    });
  }
}
