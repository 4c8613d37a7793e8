import { createHash } from 'node:crypto';
import { VariantAttributes } from './entities/product-variant.entity';

function code(value: string, length: number): string {
  const letters = value
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
  return letters.slice(0, length) || 'X';
}

/**
 * The seed's SKU format when an admin gives none: `PROD-{category_code}-{product_id_short}-{attributes}`,
 * e.g. `PROD-TSHIRT-A3F2-LRG-BLK`. The attribute part is a short code per attribute value (sorted by
 * key, so the same attributes always give the same SKU), or a hash when there are no attributes.
 */
export function generateSku(
  categoryName: string | null,
  productId: string,
  attributes: VariantAttributes,
): string {
  const category = code(categoryName ?? 'GEN', 6);
  const productShort = productId.replace(/-/g, '').slice(0, 4).toUpperCase();
  const keys = Object.keys(attributes).sort();
  const attributePart =
    keys.length > 0
      ? keys.map((key) => code(attributes[key], 3)).join('-')
      : createHash('sha256').update(productId).digest('hex').slice(0, 4).toUpperCase();
  return `PROD-${category}-${productShort}-${attributePart}`;
}
