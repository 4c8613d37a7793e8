import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changedFields } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/audit.types';
import { isForeignKeyViolation } from '../../common/database-errors';
import { AppException } from '../../common/errors';
import { mergeMetadata } from '../../common/metadata/metadata';
import { applyMetadataPatch } from '../../common/metadata/metadata.sql';
import { formatMoney, Money } from '../../common/money';
import { offsetOf, Paginated, paginated } from '../../common/pagination';
import { slugify } from '../../common/slug';
import { inTransaction } from '../../database/transactions';
import { EventsService, ProductCreated, ProductDeleted, ProductUpdated } from '../../events';
import { assertAmountInUnitsOf } from '../../stores/currencies';
import { AmountsOutOfUnit, StoreAmountChecks } from '../../stores/store-amount-checks';
import { StoresService } from '../../stores/stores.service';
import { CreateProductDto, ListProductsQuery, UpdateProductDto } from '../dto/product.dto';
import { Category } from '../entities/category.entity';
import { Product } from '../entities/product.entity';
import { ProductTag } from '../entities/product-tag.entity';
import { Tag } from '../entities/tag.entity';
import { mapCatalogErrors, notFound, referenceNotFound } from './catalog-errors';
import { definedFields } from '../../common/objects';

/** A product with its tags, as the admin API returns it. */
export interface ProductWithTags {
  product: Product;
  tags: Tag[];
}

/** Foreign keys that keep a product sold on an order (its own, or one of its variants') from being deleted. */
const IN_USE_KEYS = ['fk_order_items_product', 'fk_order_items_variant', 'fk_inventory_reservations_variant'];

/**
 * Products of a store, with their tags. The base price never drops below what a variant's negative
 * adjustment needs (every variant price stays ≥ 0): checked under a lock on the product row, which
 * variant writes take too, so a concurrent variant change cannot slip past the check.
 */
@Injectable()
export class ProductsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stores: StoresService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly amountChecks: StoreAmountChecks,
  ) {}

  /** A store's currency change asks which prices would not be whole units of the new currency. */
  onModuleInit(): void {
    this.amountChecks.register((tx, storeId, unit) => this.pricesOutOfUnit(tx, storeId, unit));
  }

  async list(storeId: string, query: ListProductsQuery): Promise<Paginated<ProductWithTags>> {
    await this.stores.requireStore(storeId);
    const qb = this.dataSource
      .getRepository(Product)
      .createQueryBuilder('p')
      .where('p.storeId = :storeId', { storeId })
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .skip(offsetOf(query))
      .take(query.limit);
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, '\\$&')}%`;
      qb.andWhere(`(p.name ILIKE :q ESCAPE '\\' OR p.slug ILIKE :q ESCAPE '\\')`, { q: pattern });
    }
    if (query.categoryId) qb.andWhere('p.categoryId = :categoryId', { categoryId: query.categoryId });
    const [products, total] = await qb.getManyAndCount();
    const tags = await this.tagsOf(
      this.dataSource.manager,
      products.map((p) => p.id),
    );
    return paginated(
      products.map((product) => ({ product, tags: tags.get(product.id) ?? [] })),
      total,
      query,
    );
  }

  async get(storeId: string, id: string): Promise<ProductWithTags> {
    const product = await this.dataSource.getRepository(Product).findOne({ where: { id, storeId } });
    if (!product) throw notFound('product');
    return { product, tags: (await this.tagsOf(this.dataSource.manager, [id])).get(id) ?? [] };
  }

  async create(storeId: string, dto: CreateProductDto, meta: RequestMeta): Promise<ProductWithTags> {
    return mapCatalogErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        assertAmountInUnitsOf(await this.stores.currencyFor(tx, storeId), dto.basePrice, 'basePrice');
        if (dto.categoryId) await this.requireCategory(tx, storeId, dto.categoryId);
        const tagIds = dto.tagIds ? await this.requireTags(tx, storeId, dto.tagIds) : [];
        const repo = tx.getRepository(Product);
        const saved = await repo.save(
          repo.create({
            storeId,
            name: dto.name,
            slug: dto.slug ?? slugify(dto.name),
            description: dto.description ?? null,
            categoryId: dto.categoryId ?? null,
            basePrice: dto.basePrice,
            taxClass: dto.taxClass ?? 'standard',
            isActive: dto.isActive ?? true,
            isFeatured: dto.isFeatured ?? false,
            metaTitle: dto.metaTitle ?? null,
            metaDescription: dto.metaDescription ?? null,
            metadata: mergeMetadata({}, dto.metadata ?? {}),
          }),
        );
        await this.replaceTags(tx, saved.id, tagIds);
        await this.audit.record(tx, meta, {
          action: 'product.create',
          entityType: 'product',
          entityId: saved.id,
          storeId,
          details: {
            name: saved.name,
            slug: saved.slug,
            basePrice: saved.basePrice,
            taxClass: saved.taxClass,
            categoryId: saved.categoryId,
            isActive: saved.isActive,
            tagIds,
            metadata: saved.metadata,
          },
        });
        await this.events.record(tx, new ProductCreated(storeId, { productId: saved.id, slug: saved.slug }));
        return this.load(tx, saved.id);
      }),
    );
  }

  async update(
    storeId: string,
    id: string,
    dto: UpdateProductDto,
    meta: RequestMeta,
  ): Promise<ProductWithTags> {
    return mapCatalogErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        const repo = tx.getRepository(Product);
        const before = await repo.findOne({ where: { id, storeId }, lock: { mode: 'for_no_key_update' } });
        if (!before) throw notFound('product');
        const changes: Partial<Product> = definedFields(dto, [
          'name',
          'slug',
          'description',
          'categoryId',
          'basePrice',
          'taxClass',
          'isActive',
          'isFeatured',
          'metaTitle',
          'metaDescription',
        ]);
        const diff: Record<string, unknown> = changedFields(before, changes);
        if (diff.categoryId && dto.categoryId) await this.requireCategory(tx, storeId, dto.categoryId);
        if (dto.basePrice !== undefined)
          await this.assertPriceInStoreUnits(tx, storeId, dto.basePrice, 'basePrice');
        if (dto.basePrice !== undefined && dto.basePrice < before.basePrice) {
          await this.assertVariantPricesStayNonNegative(tx, id, dto.basePrice);
        }
        if (dto.tagIds !== undefined) {
          const tagIds = await this.requireTags(tx, storeId, dto.tagIds);
          const previous = ((await this.tagsOf(tx, [id])).get(id) ?? []).map((t) => t.id).sort();
          if (JSON.stringify(previous) !== JSON.stringify(tagIds)) {
            await this.replaceTags(tx, id, tagIds);
            diff.tagIds = { before: previous, after: tagIds };
          }
        }
        if (dto.metadata !== undefined) {
          // Merged by its own UPDATE (atomic under concurrency); rolled back with the rest on any error.
          const merged = await applyMetadataPatch(tx, 'products', id, dto.metadata);
          if (merged && Object.keys(merged.changes).length > 0) diff.metadata = merged.changes;
        }
        if (Object.keys(diff).length === 0) return this.load(tx, id);
        if (Object.keys(changes).length > 0) await repo.update({ id }, changes);
        await this.audit.record(tx, meta, {
          action: 'product.update',
          entityType: 'product',
          entityId: id,
          storeId,
          details: diff,
        });
        const updated = await this.load(tx, id);
        await this.events.record(
          tx,
          new ProductUpdated(storeId, { productId: id, slug: updated.product.slug }),
        );
        return updated;
      }),
    );
  }

  async remove(storeId: string, id: string, meta: RequestMeta): Promise<void> {
    try {
      await inTransaction(this.dataSource, async (tx) => {
        // Variants, images, tag links and stock rows go with it (ON DELETE CASCADE); order lines do not.
        const [rows] = await tx.query<[Array<{ name: string; slug: string }>, number]>(
          `DELETE FROM products WHERE id = $1 AND store_id = $2 RETURNING name, slug`,
          [id, storeId],
        );
        if (rows.length === 0) throw notFound('product');
        await this.audit.record(tx, meta, {
          action: 'product.delete',
          entityType: 'product',
          entityId: id,
          storeId,
          details: { name: rows[0].name, slug: rows[0].slug },
        });
        await this.events.record(tx, new ProductDeleted(storeId, { productId: id }));
      });
    } catch (error) {
      if (IN_USE_KEYS.some((key) => isForeignKeyViolation(error, key))) {
        throw new AppException(
          409,
          'PRODUCT_IN_USE',
          'This product (or one of its variants) is on an order and cannot be deleted: deactivate it instead',
        );
      }
      throw error;
    }
  }

  /** The product row of the store, locked against base-price changes until the caller's transaction ends. */
  async lockForVariantWrite(tx: EntityManager, storeId: string, productId: string): Promise<Product> {
    // FOR NO KEY UPDATE, not FOR SHARE: a variant write fires 0011's trigger, which updates this row; two
    // writers sharing the lock would each wait for the other to let go of it (a deadlock, 409 to one).
    const product = await tx
      .getRepository(Product)
      .findOne({ where: { id: productId, storeId }, lock: { mode: 'for_no_key_update' } });
    if (!product) throw notFound('product');
    return product;
  }

  /**
   * 400 VALIDATION_FAILED unless `amount` can be charged in the store's currency (no 10.50 JPY), read
   * under the store row's share lock so that a currency change cannot slip in before the commit.
   */
  async assertPriceInStoreUnits(
    tx: EntityManager,
    storeId: string,
    amount: Money,
    field: string,
  ): Promise<void> {
    assertAmountInUnitsOf(await this.stores.currencyFor(tx, storeId), amount, field);
  }

  /** How many base prices and price adjustments of the store are not multiples of `unit` (hundredths). */
  private pricesOutOfUnit(tx: EntityManager, storeId: string, unit: Money): Promise<AmountsOutOfUnit[]> {
    return tx.query<AmountsOutOfUnit[]>(
      `SELECT 'products.basePrice' AS field, count(*)::int AS count
         FROM products WHERE store_id = $1 AND mod(base_price * 100, $2) <> 0
       UNION ALL
       SELECT 'variants.priceAdjustment', count(*)::int
         FROM product_variants WHERE store_id = $1 AND mod(price_adjustment * 100, $2) <> 0`,
      [storeId, unit],
    );
  }

  private async assertVariantPricesStayNonNegative(tx: EntityManager, productId: string, basePrice: number) {
    const rows = await tx.query<Array<{ id: string }>>(
      `SELECT id FROM product_variants WHERE product_id = $1 AND $2::numeric + price_adjustment < 0 ORDER BY id`,
      [productId, formatMoney(basePrice)],
    );
    if (rows.length > 0) {
      throw new AppException(
        400,
        'NEGATIVE_VARIANT_PRICE',
        'This base price would make some variant prices negative: change their priceAdjustment first',
        { field: 'basePrice', variantIds: rows.map((r) => r.id) },
      );
    }
  }

  private async load(tx: EntityManager, id: string): Promise<ProductWithTags> {
    const product = await tx.getRepository(Product).findOneOrFail({ where: { id } });
    return { product, tags: (await this.tagsOf(tx, [id])).get(id) ?? [] };
  }

  private async requireCategory(tx: EntityManager, storeId: string, categoryId: string): Promise<void> {
    const exists = await tx.getRepository(Category).exists({ where: { id: categoryId, storeId } });
    if (!exists) throw referenceNotFound('categoryId', [categoryId]);
  }

  /** The distinct ids, sorted, after checking that every one is a tag of the store. */
  private async requireTags(tx: EntityManager, storeId: string, tagIds: string[]): Promise<string[]> {
    const wanted = [...new Set(tagIds.map((t) => t.toLowerCase()))].sort();
    if (wanted.length === 0) return [];
    const rows = await tx.query<Array<{ id: string }>>(
      `SELECT id FROM tags WHERE store_id = $1 AND id = ANY($2::uuid[])`,
      [storeId, wanted],
    );
    const found = new Set(rows.map((r) => r.id));
    const missing = wanted.filter((t) => !found.has(t));
    if (missing.length > 0) throw referenceNotFound('tagIds', missing);
    return wanted;
  }

  private async replaceTags(tx: EntityManager, productId: string, tagIds: string[]): Promise<void> {
    await tx.getRepository(ProductTag).delete({ productId });
    if (tagIds.length > 0) {
      await tx.getRepository(ProductTag).insert(tagIds.map((tagId) => ({ productId, tagId })));
    }
  }

  private async tagsOf(manager: EntityManager, productIds: string[]): Promise<Map<string, Tag[]>> {
    const byProduct = new Map<string, Tag[]>();
    if (productIds.length === 0) return byProduct;
    const links = await manager
      .getRepository(ProductTag)
      .createQueryBuilder('pt')
      .innerJoinAndSelect('pt.tag', 't')
      .where('pt.productId IN (:...productIds)', { productIds })
      .orderBy('t.name', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
    for (const link of links) {
      const list = byProduct.get(link.productId) ?? [];
      list.push(link.tag);
      byProduct.set(link.productId, list);
    }
    return byProduct;
  }
}
