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

/** The SQLSTATE hold_inventory fails with when a line is short (set by migration 0030). */
export const INSUFFICIENT_STOCK_SQLSTATE = 'SK409';

/**
 * Holds each variant's quantity for the order until `holdUntil`, all or none (migration 0030's
 * function): fails with SQLSTATE SK409 and the shortfalls as its DETAIL when a line is short. The
 * variants in the order their rows are to be locked.
 */
export function holdStockStatement(
  orderId: string,
  lines: ReadonlyArray<{ variantId: string; quantity: number }>,
  holdUntil: Date | null,
): PreparedSqlStatement {
  return {
    name: 'inventory_hold',
    text: `SELECT hold_inventory($1, $2::uuid[], $3::int[], $4)`,
    values: [orderId, lines.map((l) => l.variantId), lines.map((l) => l.quantity), holdUntil],
  };
}
