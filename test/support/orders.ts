import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InventoryService } from '../../src/inventory/inventory.service';

export interface PlacedOrder {
  id: string;
  orderNumber: string;
}

/**
 * A pending order as checkout leaves it: order row (number from generate_order_number()), snapshot
 * lines at 10.00 each, and real stock holds through InventoryService, in one transaction. Until the
 * checkout route exists, tests of what happens after checkout start here.
 */
export async function placePendingOrder(
  app: INestApplication,
  input: {
    storeId: string;
    userId: string;
    productId: string;
    lines: Array<{ variantId: string; quantity: number }>;
    discountId?: string;
  },
): Promise<PlacedOrder> {
  const dataSource = app.get(DataSource);
  const inventory = app.get(InventoryService);
  return dataSource.transaction(async (tx) => {
    const subtotal = input.lines.reduce((sum, l) => sum + l.quantity * 10, 0);
    const [order] = await tx.query<Array<{ id: string; order_number: string }>>(
      `INSERT INTO orders (store_id, user_id, order_number, subtotal, total, discount_id)
       VALUES ($1, $2, generate_order_number(), $3, $3, $4) RETURNING id, order_number`,
      [input.storeId, input.userId, subtotal, input.discountId ?? null],
    );
    for (const line of input.lines) {
      await tx.query(
        `INSERT INTO order_items (order_id, product_id, variant_id, product_name, variant_name, sku, quantity, unit_price, total_price)
         VALUES ($1, $2, $3, 'Product', 'Variant', 'SKU', $4, 10, $5)`,
        [order.id, input.productId, line.variantId, line.quantity, line.quantity * 10],
      );
    }
    await inventory.reserve(tx, order.id, input.lines);
    return { id: order.id, orderNumber: order.order_number };
  });
}
