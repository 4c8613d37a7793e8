import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changedFields } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/audit.types';
import { offsetOf, Paginated, paginated, PaginationQuery } from '../../common/pagination';
import { inTransaction } from '../../database/transactions';
import { CreateImageDto, UpdateImageDto } from '../dto/image.dto';
import { Product } from '../entities/product.entity';
import { ProductImage } from '../entities/product-image.entity';
import { notFound } from './catalog-errors';

/** A product's images, in displayOrder. An image of another store's product is not found. */
@Injectable()
export class ProductImagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(storeId: string, productId: string, query: PaginationQuery): Promise<Paginated<ProductImage>> {
    await this.requireProduct(this.dataSource.manager, storeId, productId);
    const [items, total] = await this.dataSource.getRepository(ProductImage).findAndCount({
      where: { productId },
      order: { displayOrder: 'ASC', createdAt: 'ASC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
    return paginated(items, total, query);
  }

  async get(storeId: string, productId: string, id: string): Promise<ProductImage> {
    await this.requireProduct(this.dataSource.manager, storeId, productId);
    return this.load(this.dataSource.manager, productId, id);
  }

  async create(
    storeId: string,
    productId: string,
    dto: CreateImageDto,
    meta: RequestMeta,
  ): Promise<ProductImage> {
    return inTransaction(this.dataSource, async (tx) => {
      await this.requireProduct(tx, storeId, productId);
      const repo = tx.getRepository(ProductImage);
      const saved = await repo.save(
        repo.create({
          productId,
          imageUrl: dto.url,
          altText: dto.altText ?? null,
          displayOrder: dto.displayOrder ?? 0,
        }),
      );
      await this.audit.record(tx, meta, {
        action: 'product_image.create',
        entityType: 'product_image',
        entityId: saved.id,
        storeId,
        details: { productId, url: saved.imageUrl, displayOrder: saved.displayOrder },
      });
      return this.load(tx, productId, saved.id);
    });
  }

  async update(
    storeId: string,
    productId: string,
    id: string,
    dto: UpdateImageDto,
    meta: RequestMeta,
  ): Promise<ProductImage> {
    return inTransaction(this.dataSource, async (tx) => {
      await this.requireProduct(tx, storeId, productId);
      const repo = tx.getRepository(ProductImage);
      const before = await repo.findOne({ where: { id, productId }, lock: { mode: 'for_no_key_update' } });
      if (!before) throw notFound('image');
      const changes: Partial<ProductImage> = {
        ...(dto.url !== undefined && { imageUrl: dto.url }),
        ...(dto.altText !== undefined && { altText: dto.altText }),
        ...(dto.displayOrder !== undefined && { displayOrder: dto.displayOrder }),
      };
      const diff = changedFields(before, changes);
      if (Object.keys(diff).length === 0) return before;
      await repo.update({ id }, changes);
      await this.audit.record(tx, meta, {
        action: 'product_image.update',
        entityType: 'product_image',
        entityId: id,
        storeId,
        details: diff,
      });
      return this.load(tx, productId, id);
    });
  }

  async remove(storeId: string, productId: string, id: string, meta: RequestMeta): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      await this.requireProduct(tx, storeId, productId);
      const [rows] = await tx.query<[Array<{ image_url: string }>, number]>(
        `DELETE FROM product_images WHERE id = $1 AND product_id = $2 RETURNING image_url`,
        [id, productId],
      );
      if (rows.length === 0) throw notFound('image');
      await this.audit.record(tx, meta, {
        action: 'product_image.delete',
        entityType: 'product_image',
        entityId: id,
        storeId,
        details: { productId, url: rows[0].image_url },
      });
    });
  }

  private async requireProduct(manager: EntityManager, storeId: string, productId: string): Promise<void> {
    const exists = await manager.getRepository(Product).exists({ where: { id: productId, storeId } });
    if (!exists) throw notFound('product');
  }

  private async load(manager: EntityManager, productId: string, id: string): Promise<ProductImage> {
    const image = await manager.getRepository(ProductImage).findOne({ where: { id, productId } });
    if (!image) throw notFound('image');
    return image;
  }
}
