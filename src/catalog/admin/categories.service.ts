import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changedFields } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/audit.types';
import { AppException } from '../../common/errors';
import { offsetOf, Paginated, paginated, PaginationQuery } from '../../common/pagination';
import { slugify } from '../../common/slug';
import { inTransaction } from '../../database/transactions';
import { StoresService } from '../../stores/stores.service';
import { CreateCategoryDto, UpdateCategoryDto } from '../dto/category.dto';
import { Category } from '../entities/category.entity';
import { mapCatalogErrors, notFound, referenceNotFound } from './catalog-errors';
import { definedFields } from '../../common/objects';

/**
 * A store's category tree. A parent is always a category of the same store; a move that would make a
 * category its own ancestor is 409 CATEGORY_CYCLE. Deleting a category moves its children to the root
 * and leaves its products uncategorised (both foreign keys are ON DELETE SET NULL).
 */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stores: StoresService,
    private readonly audit: AuditService,
  ) {}

  async list(storeId: string, query: PaginationQuery): Promise<Paginated<Category>> {
    await this.stores.requireStore(storeId);
    const [items, total] = await this.dataSource.getRepository(Category).findAndCount({
      where: { storeId },
      order: { displayOrder: 'ASC', name: 'ASC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
    return paginated(items, total, query);
  }

  async get(storeId: string, id: string): Promise<Category> {
    const category = await this.dataSource.getRepository(Category).findOne({ where: { id, storeId } });
    if (!category) throw notFound('category');
    return category;
  }

  async create(storeId: string, dto: CreateCategoryDto, meta: RequestMeta): Promise<Category> {
    return mapCatalogErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        await this.stores.requireStoreIn(tx, storeId);
        // A new category has no descendants, so no parent can make a cycle with it.
        if (dto.parentId) await this.requireParent(tx, storeId, dto.parentId);
        const repo = tx.getRepository(Category);
        const saved = await repo.save(
          repo.create({
            storeId,
            name: dto.name,
            slug: dto.slug ?? slugify(dto.name),
            description: dto.description ?? null,
            parentId: dto.parentId ?? null,
            imageUrl: dto.imageUrl ?? null,
            isActive: dto.isActive ?? true,
            displayOrder: dto.displayOrder ?? 0,
          }),
        );
        await this.audit.record(tx, meta, {
          action: 'category.create',
          entityType: 'category',
          entityId: saved.id,
          storeId,
          details: { name: saved.name, slug: saved.slug, parentId: saved.parentId },
        });
        return repo.findOneOrFail({ where: { id: saved.id } });
      }),
    );
  }

  async update(storeId: string, id: string, dto: UpdateCategoryDto, meta: RequestMeta): Promise<Category> {
    return mapCatalogErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        const moving = dto.parentId !== undefined;
        // Moves of one store's categories run one at a time: two moves that are each fine alone (A under
        // B, B under A) could otherwise both pass their check and commit a cycle together. Taken before
        // any row lock, so it cannot deadlock with the row locks below.
        if (moving) await this.lockTree(tx, storeId);
        const repo = tx.getRepository(Category);
        const before = await repo.findOne({ where: { id, storeId }, lock: { mode: 'for_no_key_update' } });
        if (!before) throw notFound('category');
        const changes: Partial<Category> = definedFields(dto, [
          'name',
          'slug',
          'description',
          'parentId',
          'imageUrl',
          'isActive',
          'displayOrder',
        ]);
        const diff = changedFields(before, changes);
        if (Object.keys(diff).length === 0) return before;
        if (diff.parentId && dto.parentId) {
          await this.requireParent(tx, storeId, dto.parentId);
          await this.assertNoCycle(tx, id, dto.parentId);
        }
        await repo.update({ id }, changes);
        await this.audit.record(tx, meta, {
          action: 'category.update',
          entityType: 'category',
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
      const [rows] = await tx.query<
        [Array<{ name: string; slug: string; parent_id: string | null }>, number]
      >(`DELETE FROM categories WHERE id = $1 AND store_id = $2 RETURNING name, slug, parent_id`, [
        id,
        storeId,
      ]);
      if (rows.length === 0) throw notFound('category');
      await this.audit.record(tx, meta, {
        action: 'category.delete',
        entityType: 'category',
        entityId: id,
        storeId,
        details: { name: rows[0].name, slug: rows[0].slug, parentId: rows[0].parent_id },
      });
    });
  }

  private async lockTree(tx: EntityManager, storeId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('category-tree:' || $1::text, 0))`, [
      storeId,
    ]);
  }

  private async requireParent(tx: EntityManager, storeId: string, parentId: string): Promise<void> {
    const exists = await tx.getRepository(Category).exists({ where: { id: parentId, storeId } });
    if (!exists) throw referenceNotFound('parentId', [parentId]);
  }

  /** 409 when `parentId` is `id` itself or one of its descendants (i.e. `id` is among its ancestors). */
  private async assertNoCycle(tx: EntityManager, id: string, parentId: string): Promise<void> {
    // UNION (not UNION ALL) stops the walk even on a cycle that somehow exists already.
    const rows = await tx.query<Array<{ found: boolean }>>(
      `WITH RECURSIVE ancestors(id, parent_id) AS (
         SELECT id, parent_id FROM categories WHERE id = $1
         UNION
         SELECT c.id, c.parent_id FROM categories c JOIN ancestors a ON c.id = a.parent_id
       )
       SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = $2) AS found`,
      [parentId, id],
    );
    if (rows[0]?.found) {
      throw new AppException(
        409,
        'CATEGORY_CYCLE',
        'A category cannot be moved under itself or its descendants',
        {
          field: 'parentId',
        },
      );
    }
  }
}
