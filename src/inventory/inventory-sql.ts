import { idListCondition, PreparedSqlStatement } from '../common/sql-statement';

/** Statements of InventoryService on the checkout path (`inventory`, `inventory_reservations`). */

/** Quantity minus holds of each variant, read without locks (checkout's early stock check). */
export function availableStockStatement(variantIds: string[]): PreparedSqlStatement {
  const variants = idListCondition('variant_id', variantIds, 1);
  return {
    name: `inventory_available_${variants.nameSuffix}`,
    text: `SELECT variant_id, quantity - reserved AS available FROM inventory WHERE ${variants.condition}`,
    values: variants.values,
  };
}

/** Holds `quantity` of the variant for the order until `holdUntil` (migration 0007's function); `held` false when short. */
export function reserveStockStatement(
  orderId: string,
  variantId: string,
  quantity: number,
  holdUntil: Date | null,
): PreparedSqlStatement {
  return {
    name: 'inventory_reserve',
    text: `SELECT reserve_inventory($1, $2, $3, $4) AS held`,
    values: [orderId, variantId, quantity, holdUntil],
  };
}
