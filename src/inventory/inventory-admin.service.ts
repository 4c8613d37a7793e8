import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AppException } from '../common/errors';
import { offsetOf, Paginated, paginated } from '../common/pagination';
import { inTransaction } from '../database/transactions';
import { EventsService, InventoryLowStock } from '../events';
import { StoresService } from '../stores/stores.service';
import { InventoryItemResponse, ListInventoryQuery, UpdateInventoryDto } from './dto/inventory-admin.dto';

interface InventoryRow {
  variant_id: string;
  product_id: string;
  sku: string;
  product_name: string;
  variant_name: string;
  quantity: number;
  reserved: number;
  low_stock_threshold: number;
  updated_at: Date;
}

function toItem(r: InventoryRow): InventoryItemResponse {
  return {
    variantId: r.variant_id,
    productId: r.product_id,
    sku: r.sku,
    productName: r.product_name,
    variantName: r.variant_name,
    quantity: r.quantity,
    reserved: r.reserved,
    available: r.quantity - r.reserved,
    lowStockThreshold: r.low_stock_threshold,
    updatedAt: r.updated_at.toISOString(),
  };
}

const ITEM_COLUMNS = `i.variant_id, v.product_id, v.sku, p.name AS product_name, v.name AS variant_name,
                      i.quantity, i.reserved, i.low_stock_threshold, i.updated_at`;

/**
 * Admin stock management: the stock row a new variant starts with, the store's stock list, and
 * setting/adjusting a count. A count change is ONE conditional UPDATE (`… WHERE new ≥ reserved`), so it
 * composes with concurrent checkouts (which move `reserved` the same way) and never breaks
 * 0 ≤ reserved ≤ quantity. Holds themselves stay with InventoryService.
 */
@Injectable()
export class InventoryAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stores: StoresService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  /** The stock row of a variant created in the caller's transaction. */
  async createStock(
    manager: EntityManager,
    variantId: string,
    quantity: number,
    lowStockThreshold?: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO inventory (variant_id, quantity, low_stock_threshold) VALUES ($1, $2, COALESCE($3, 10))`,
      [variantId, quantity, lowStockThreshold ?? null],
    );
  }

  async list(storeId: string, query: ListInventoryQuery): Promise<Paginated<InventoryItemResponse>> {
    await this.stores.requireStore(storeId);
    const lowStock = query.lowStock === true;
    // Same predicate as the partial index idx_inventory_low_stock.
    const filter = `v.store_id = $1${lowStock ? ' AND i.quantity <= i.low_stock_threshold' : ''}`;
    const from = `FROM inventory i JOIN product_variants v ON v.id = i.variant_id JOIN products p ON p.id = v.product_id`;
    const [rows, counted] = await Promise.all([
      this.dataSource.query<InventoryRow[]>(
        `SELECT ${ITEM_COLUMNS} ${from} WHERE ${filter} ORDER BY v.sku, v.id LIMIT $2 OFFSET $3`,
        [storeId, query.limit, offsetOf(query)],
      ),
      this.dataSource.query<Array<{ total: number }>>(
        `SELECT count(*)::int AS total ${from} WHERE ${filter}`,
        [storeId],
      ),
    ]);
    return paginated(rows.map(toItem), counted[0]?.total ?? 0, query);
  }

  async get(variantId: string): Promise<InventoryItemResponse> {
    const rows = await this.dataSource.query<InventoryRow[]>(
      `SELECT ${ITEM_COLUMNS} FROM inventory i JOIN product_variants v ON v.id = i.variant_id
         JOIN products p ON p.id = v.product_id WHERE i.variant_id = $1`,
      [variantId],
    );
    if (!rows[0]) throw new AppException(404, 'VARIANT_NOT_FOUND', 'Variant not found');
    return toItem(rows[0]);
  }

  async update(
    variantId: string,
    dto: UpdateInventoryDto,
    meta: RequestMeta,
  ): Promise<InventoryItemResponse> {
    const hasSet = dto.quantity !== undefined;
    const hasAdjust = dto.adjust !== undefined;
    if (hasSet && hasAdjust) {
      throw new AppException(400, 'VALIDATION_FAILED', 'Send either quantity or adjust, not both', [
        { field: 'adjust', errors: ['quantity and adjust cannot be combined'] },
      ]);
    }
    if (!hasSet && !hasAdjust && dto.lowStockThreshold === undefined) {
      throw new AppException(400, 'VALIDATION_FAILED', 'Send quantity, adjust or lowStockThreshold', [
        { field: 'quantity', errors: ['one of quantity, adjust or lowStockThreshold is required'] },
      ]);
    }
    return inTransaction(this.dataSource, async (tx) => {
      // One statement: the CTE locks the row (reading its latest version), the UPDATE applies the change
      // only if the new count stays ≥ reserved, and RETURNING gives before and after for the audit and
      // whether the change took the row into low stock (quantity ≤ threshold, from above it: a count or
      // threshold change may do it; once per crossing). UPDATE … RETURNING comes back from TypeORM as
      // [rows, affected count].
      const [rows] = await tx.query<
        [
          Array<{
            store_id: string;
            before_quantity: number;
            before_threshold: number;
            quantity: number;
            reserved: number;
            low_stock_threshold: number;
            sku: string;
            crossed_low_stock: boolean;
          }>,
          number,
        ]
      >(
        `WITH current AS (
           SELECT id, quantity, low_stock_threshold FROM inventory WHERE variant_id = $1 FOR UPDATE
         )
         UPDATE inventory i
            SET quantity = COALESCE($2::int, i.quantity + COALESCE($3::int, 0)),
                low_stock_threshold = COALESCE($4::int, i.low_stock_threshold),
                updated_at = now()
           FROM current c, product_variants v
          WHERE i.id = c.id AND v.id = i.variant_id
            AND COALESCE($2::int, i.quantity + COALESCE($3::int, 0)) >= i.reserved
         RETURNING v.store_id, c.quantity AS before_quantity, c.low_stock_threshold AS before_threshold,
                   i.quantity, i.reserved, i.low_stock_threshold, v.sku,
                   (c.quantity > c.low_stock_threshold AND i.quantity <= i.low_stock_threshold)
                     AS crossed_low_stock`,
        [variantId, dto.quantity ?? null, dto.adjust ?? null, dto.lowStockThreshold ?? null],
      );
      const row = rows[0];
      if (!row) {
        const stock = await tx.query<Array<{ quantity: number; reserved: number }>>(
          `SELECT quantity, reserved FROM inventory WHERE variant_id = $1`,
          [variantId],
        );
        if (!stock[0]) throw new AppException(404, 'VARIANT_NOT_FOUND', 'Variant not found');
        const requested = dto.quantity ?? stock[0].quantity + (dto.adjust ?? 0);
        throw new AppException(409, 'BELOW_RESERVED', 'Stock cannot go below what pending orders hold', {
          quantity: stock[0].quantity,
          reserved: stock[0].reserved,
          requested,
        });
      }
      const details: Record<string, unknown> = {};
      if (hasSet) details.mode = 'set';
      if (hasAdjust) details.mode = 'adjust';
      if (hasAdjust) details.adjust = dto.adjust;
      if (hasSet || hasAdjust) details.quantity = { before: row.before_quantity, after: row.quantity };
      if (dto.lowStockThreshold !== undefined) {
        details.lowStockThreshold = { before: row.before_threshold, after: row.low_stock_threshold };
      }
      await this.audit.record(tx, meta, {
        action: 'inventory.adjust',
        entityType: 'inventory',
        entityId: variantId,
        storeId: row.store_id,
        details,
      });
      if (row.crossed_low_stock) {
        await this.events.record(
          tx,
          new InventoryLowStock(row.store_id, {
            variantId,
            sku: row.sku,
            available: row.quantity - row.reserved,
            threshold: row.low_stock_threshold,
          }),
        );
      }
      const [item] = await tx.query<InventoryRow[]>(
        `SELECT ${ITEM_COLUMNS} FROM inventory i JOIN product_variants v ON v.id = i.variant_id
           JOIN products p ON p.id = v.product_id WHERE i.variant_id = $1`,
        [variantId],
      );
      return toItem(item);
    });
  }
}
