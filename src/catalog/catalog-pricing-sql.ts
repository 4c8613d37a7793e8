import { idListCondition, PreparedSqlStatement } from '../common/sql-statement';
import { TaxClass } from '../tax/tax.types';

/** Statements of CatalogPricingService (the cart's and checkout's reads of stores, prices and stock), prepared. */

export function activeStoreBySlugStatement(slug: string): PreparedSqlStatement {
  return {
    name: 'catalog_active_store',
    text: `SELECT id, slug, currency, tax_rate, shipping_flat FROM stores WHERE slug = $1 AND is_active`,
    values: [slug],
  };
}

/** A row of priceVariantsStatement (what the services and the checkout ceiling read back). */
export interface PricedRow {
  variant_id: string;
  product_id: string;
  sku: string;
  product_name: string;
  variant_name: string;
  unit_price: string;
  available: number | null;
  purchasable: boolean;
  tax_class: TaxClass;
  weight_grams: number;
}

export function priceVariantsStatement(storeId: string, variantIds: string[]): PreparedSqlStatement {
  const variants = idListCondition('v.id', variantIds, 2);
  return {
    name: `catalog_price_variants_${variants.nameSuffix}`,
    text: `SELECT v.id AS variant_id, p.id AS product_id, v.sku, p.name AS product_name, v.name AS variant_name,
              (p.base_price + v.price_adjustment)::text AS unit_price,
              i.quantity - i.reserved AS available,
              (v.is_active AND p.is_active AND s.is_active) AS purchasable, p.tax_class, v.weight_grams
         FROM product_variants v
         JOIN products p ON p.id = v.product_id
         JOIN stores s ON s.id = v.store_id
         LEFT JOIN inventory i ON i.variant_id = v.id
        WHERE v.store_id = $1 AND ${variants.condition}`,
    values: [storeId, ...variants.values],
  };
}
