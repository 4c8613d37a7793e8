import { ProductListRow, ProductSort } from '../storefront-sql';
import { encodeProductCursor } from './product-cursor';
import { ProductPage, toProductCard } from './storefront.responses';

/**
 * The list statement's row as the response. Shared with the benchmark's bare baseline server, so both
 * answer byte-identical JSON (cursors included: same key, same encoding).
 */
export function toProductPage(
  row: ProductListRow,
  query: { page: number; limit: number; sort: ProductSort },
  cursorKey: Buffer,
): ProductPage {
  const nextCursor =
    row.next_key !== null && row.next_id !== null
      ? encodeProductCursor(cursorKey, query.sort, { key: row.next_key, id: row.next_id })
      : null;
  return {
    items: row.items.map(toProductCard),
    total: row.total,
    page: query.page,
    limit: query.limit,
    totalCapped: row.total_capped,
    hasMore: nextCursor !== null,
    nextCursor,
  };
}
