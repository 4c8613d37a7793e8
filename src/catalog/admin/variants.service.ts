import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changedFields } from '../../audit/audit.service';
import { RequestMeta } from '../../audit/audit.types';
import { isForeignKeyViolation } from '../../common/database-errors';
import { AppException } from '../../common/errors';
import { mergeMetadata } from '../../common/metadata/metadata';
import { applyMetadataPatch } from '../../common/metadata/metadata.sql';
import { formatMoney, Money } from '../../common/money';
import { offsetOf, Paginated, paginated, PaginationQuery } from '../../common/pagination';
import { inTransaction } from '../../database/transactions';
import { InventoryAdminService } from '../../inventory/inventory-admin.service';
import { CreateVariantDto, UpdateVariantDto } from '../dto/variant.dto';
import { Product } from '../entities/product.entity';
import { ProductVariant, VariantAttributes } from '../entities/product-variant.entity';
import { generateSku } from '../sku';
import { mapCatalogErrors, notFound } from './catalog-errors';
import { ProductsService } from './products.service';
import { definedFields } from '../../common/objects';

/** A variant with its product's current base price (its price is base + adjustment). */
export interface PricedVariantRow {
  variant: ProductVariant;
  basePrice: Money;
}

/** How many suffixed candidates (`…-2`, `…-3`) a generated SKU tries before giving up with SKU_TAKEN. */
const GENERATED_SKU_ATTEMPTS = 20;

/** Keys that keep a variant sold on an order from being deleted (ON DELETE RESTRICT). */
const IN_USE_KEYS = ['fk_order_items_variant', 'fk_inventory_reservations_variant'];

/**
 * Variants of a product. A new variant gets its stock row in the same transaction; SKUs are unique per
 * store; basePrice + priceAdjustment never goes below zero (checked under the product row's lock).
 */
@Injectable()
export class VariantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsService,
    private readonly inventory: InventoryAdminService,
    private readonly audit: AuditService,
  ) {}

  async list(
    storeId: string,
    productId: string,
    query: PaginationQuery,
  ): Promise<Paginated<PricedVariantRow>> {
    const product = await this.requireProduct(this.dataSource.manager, storeId, productId);
    const [variants, total] = await this.dataSource.getRepository(ProductVariant).findAndCount({
      where: { productId, storeId },
      relations: { inventory: true },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
    return paginated(
      variants.map((variant) => ({ variant, basePrice: product.basePrice })),
      total,
      query,
    );
  }

  async get(storeId: string, productId: string, id: string): Promise<PricedVariantRow> {
    const product = await this.requireProduct(this.dataSource.manager, storeId, productId);
    return {
      variant: await this.load(this.dataSource.manager, storeId, productId, id),
      basePrice: product.basePrice,
    };
  }

  async create(
    storeId: string,
    productId: string,
    dto: CreateVariantDto,
    meta: RequestMeta,
  ): Promise<PricedVariantRow> {
    return mapCatalogErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        const product = await this.products.lockForVariantWrite(tx, storeId, productId);
        const priceAdjustment = dto.priceAdjustment ?? 0;
        assertPriceNonNegative(product.basePrice, priceAdjustment);
        await this.products.assertPriceInStoreUnits(tx, storeId, priceAdjustment, 'priceAdjustment');
        const attributes = dto.attributes ?? {};
        const name = dto.name ?? defaultVariantName(attributes);
        const id = dto.sku
          ? await this.insert(tx, product, dto, name, attributes, priceAdjustment, dto.sku)
          : await this.insertWithGeneratedSku(tx, product, dto, name, attributes, priceAdjustment);
        await this.inventory.createStock(tx, id, dto.initialQuantity ?? 0, dto.lowStockThreshold);
        const variant = await this.load(tx, storeId, productId, id);
        await this.audit.record(tx, meta, {
          action: 'variant.create',
          entityType: 'variant',
          entityId: id,
          storeId,
          details: {
            productId,
            sku: variant.sku,
            name: variant.name,
            attributes: variant.attributes,
            priceAdjustment: variant.priceAdjustment,
            weightGrams: variant.weightGrams,
            initialQuantity: dto.initialQuantity ?? 0,
            metadata: variant.metadata,
          },
        });
        return { variant, basePrice: product.basePrice };
      }),
    );
  }

  async update(
    storeId: string,
    productId: string,
    id: string,
    dto: UpdateVariantDto,
    meta: RequestMeta,
  ): Promise<PricedVariantRow> {
    return mapCatalogErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        // Product first, then variant: the same lock order as every other catalog write.
        const product = await this.products.lockForVariantWrite(tx, storeId, productId);
        const repo = tx.getRepository(ProductVariant);
        const before = await repo.findOne({
          where: { id, productId, storeId },
          lock: { mode: 'for_no_key_update' },
        });
        if (!before) throw notFound('variant');
        const changes: Partial<ProductVariant> = definedFields(dto, [
          'sku',
          'name',
          'attributes',
          'priceAdjustment',
          'imageUrl',
          'isActive',
          'weightGrams',
        ]);
        const diff: Record<string, unknown> = changedFields(before, changes);
        const fieldsChanged = Object.keys(diff).length > 0;
        if (fieldsChanged && dto.priceAdjustment !== undefined) {
          assertPriceNonNegative(product.basePrice, dto.priceAdjustment);
          await this.products.assertPriceInStoreUnits(tx, storeId, dto.priceAdjustment, 'priceAdjustment');
        }
        if (dto.metadata !== undefined) {
          // Merged by its own UPDATE (atomic under concurrency); rolled back with the rest on any error.
          const merged = await applyMetadataPatch(tx, 'product_variants', id, dto.metadata);
          if (merged && Object.keys(merged.changes).length > 0) diff.metadata = merged.changes;
        }
        if (Object.keys(diff).length > 0) {
          if (fieldsChanged) await repo.update({ id }, changes);
          await this.audit.record(tx, meta, {
            action: 'variant.update',
            entityType: 'variant',
            entityId: id,
            storeId,
            details: diff,
          });
        }
        return { variant: await this.load(tx, storeId, productId, id), basePrice: product.basePrice };
      }),
    );
  }

  async remove(storeId: string, productId: string, id: string, meta: RequestMeta): Promise<void> {
    try {
      await inTransaction(this.dataSource, async (tx) => {
        // The order-line foreign keys (ON DELETE RESTRICT) decide "in use": a check-then-delete could
        // miss an order placed in between. The stock row and cart lines go with the variant (CASCADE).
        const [rows] = await tx.query<[Array<{ sku: string; name: string }>, number]>(
          `DELETE FROM product_variants WHERE id = $1 AND product_id = $2 AND store_id = $3 RETURNING sku, name`,
          [id, productId, storeId],
        );
        if (rows.length === 0) throw notFound('variant');
        await this.audit.record(tx, meta, {
          action: 'variant.delete',
          entityType: 'variant',
          entityId: id,
          storeId,
          details: { productId, sku: rows[0].sku, name: rows[0].name },
        });
      });
    } catch (error) {
      if (IN_USE_KEYS.some((key) => isForeignKeyViolation(error, key))) {
        throw new AppException(
          409,
          'VARIANT_IN_USE',
          'This variant is on an order and cannot be deleted: deactivate it instead (isActive: false)',
        );
      }
      throw error;
    }
  }

  private async requireProduct(manager: EntityManager, storeId: string, productId: string): Promise<Product> {
    const product = await manager.getRepository(Product).findOne({ where: { id: productId, storeId } });
    if (!product) throw notFound('product');
    return product;
  }

  private async load(
    manager: EntityManager,
    storeId: string,
    productId: string,
    id: string,
  ): Promise<ProductVariant> {
    const variant = await manager.getRepository(ProductVariant).findOne({
      where: { id, productId, storeId },
      relations: { inventory: true },
    });
    if (!variant) throw notFound('variant');
    return variant;
  }

  /**
   * Inserts the variant unless its SKU is taken (ON CONFLICT DO NOTHING: a taken SKU does not abort the
   * transaction, so a generated SKU can try the next candidate). Returns the new id, or null when taken.
   */
  private async tryInsert(
    tx: EntityManager,
    product: Product,
    dto: CreateVariantDto,
    name: string,
    attributes: VariantAttributes,
    priceAdjustment: Money,
    sku: string,
  ): Promise<string | null> {
    const rows = await tx.query<Array<{ id: string }>>(
      `INSERT INTO product_variants (store_id, product_id, sku, name, attributes, price_adjustment, image_url, is_active, metadata, weight_grams)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::numeric, $7, $8, $9::jsonb, $10)
       ON CONFLICT (store_id, sku) DO NOTHING
       RETURNING id`,
      [
        product.storeId,
        product.id,
        sku,
        name,
        JSON.stringify(attributes),
        formatMoney(priceAdjustment),
        dto.imageUrl ?? null,
        dto.isActive ?? true,
        JSON.stringify(mergeMetadata({}, dto.metadata ?? {})),
        dto.weightGrams ?? 0,
      ],
    );
    return rows[0]?.id ?? null;
  }

  private async insert(
    tx: EntityManager,
    product: Product,
    dto: CreateVariantDto,
    name: string,
    attributes: VariantAttributes,
    priceAdjustment: Money,
    sku: string,
  ): Promise<string> {
    const id = await this.tryInsert(tx, product, dto, name, attributes, priceAdjustment, sku);
    if (!id) throw skuTaken();
    return id;
  }

  /** The seed's SKU format; when another variant has it already (same attributes), `-2`, `-3`, … */
  private async insertWithGeneratedSku(
    tx: EntityManager,
    product: Product,
    dto: CreateVariantDto,
    name: string,
    attributes: VariantAttributes,
    priceAdjustment: Money,
  ): Promise<string> {
    const category = product.categoryId
      ? await tx.query<Array<{ name: string }>>(`SELECT name FROM categories WHERE id = $1`, [
          product.categoryId,
        ])
      : [];
    const base = generateSku(category[0]?.name ?? null, product.id, attributes);
    for (let attempt = 1; attempt <= GENERATED_SKU_ATTEMPTS; attempt++) {
      const sku = attempt === 1 ? base : `${base}-${attempt}`;
      const id = await this.tryInsert(tx, product, dto, name, attributes, priceAdjustment, sku);
      if (id) return id;
    }
    throw skuTaken();
  }
}

function skuTaken(): AppException {
  return new AppException(409, 'SKU_TAKEN', 'Another variant of this store has this SKU', { field: 'sku' });
}

function assertPriceNonNegative(basePrice: Money, priceAdjustment: Money): void {
  if (basePrice + priceAdjustment < 0) {
    throw new AppException(
      400,
      'NEGATIVE_VARIANT_PRICE',
      `basePrice ${formatMoney(basePrice)} + priceAdjustment ${formatMoney(priceAdjustment)} would be negative`,
      { field: 'priceAdjustment' },
    );
  }
}

/** "L / red" from `{ size: "L", color: "red" }` (keys sorted, so the name is stable), or "Default". */
function defaultVariantName(attributes: VariantAttributes): string {
  const values = Object.keys(attributes)
    .sort()
    .map((key) => attributes[key]);
  return values.length > 0 ? values.join(' / ') : 'Default';
}
