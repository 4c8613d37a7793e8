import { AppException } from '../common/errors';
import { OrderLine } from '../orders/order-lines.service';

/**
 * The order lines a request names, checked: each at most once (400 VALIDATION_FAILED), each a line of
 * this order (400 UNKNOWN_ORDER_ITEM, details: the ids that are not; another order's item is one).
 */
export function requestedLines<T extends { orderItemId: string }>(
  lines: OrderLine[],
  items: T[],
): Array<{ line: OrderLine; item: T }> {
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const id = item.orderItemId.toLowerCase();
    if (seen.has(id)) {
      throw new AppException(400, 'VALIDATION_FAILED', 'Each order item may appear once', [
        { field: `items.${index}.orderItemId`, errors: ['appears more than once'] },
      ]);
    }
    seen.add(id);
  }
  const byId = new Map(lines.map((l) => [l.id, l]));
  const unknown = items.map((i) => i.orderItemId.toLowerCase()).filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new AppException(400, 'UNKNOWN_ORDER_ITEM', 'Some items are not lines of this order', {
      orderItemIds: unknown,
    });
  }
  return items.map((item) => ({ line: byId.get(item.orderItemId.toLowerCase()) as OrderLine, item }));
}
