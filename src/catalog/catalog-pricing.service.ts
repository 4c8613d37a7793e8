import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Money, parseMoney } from '../common/money';
import { TaxClass } from '../tax/tax.types';
import { queryStatement } from '../database/prepared-query';
import { activeStoreBySlugStatement, PricedRow, priceVariantsStatement } from './catalog-pricing-sql';

/** The storefront view of a store, as the cart and checkout need it. */
export interface ActiveStore {
  id: string;
  slug: string;
  currency: string;
  /** Decimal string, e.g. "0.0825". */
  taxRate: string;
  shippingFlat: Money;
}

/** A variant with its current price and stock, as the cart and checkout need it. */
export interface PricedVariant {
  variantId: string;
  productId: string;
  sku: string;
  productName: string;
  variantName: string;
  /** basePrice + priceAdjustment, now. */
  unitPrice: Money;
  /** quantity − reserved, now. */
  available: number;
  /** Store, product and variant are all active. */
  purchasable: boolean;
  /** Shipping weight of one unit, in grams (src/shipping). */
  weightGrams: number;
  /** The product's tax class (src/tax). */
  taxClass: TaxClass;
}

/**
 * Read side of the catalog for buying: current prices and availability of variants in one query,
 * whatever their number, so carts and checkouts cost a fixed number of statements.
 */
@Injectable()
export class CatalogPricingService {
  /** The active store with `slug`, read in the caller's transaction `tx` (or `dataSource.manager` outside one). */
  async activeStoreBySlug(slug: string, tx: EntityManager): Promise<ActiveStore | null> {
    const statement = activeStoreBySlugStatement(slug);
    const rows = await queryStatement<{
      id: string;
      slug: string;
      currency: string;
      tax_rate: string;
      shipping_flat: string;
    }>(tx, statement);
    const row = rows[0];
    return row
      ? {
          id: row.id,
          slug: row.slug,
          currency: row.currency,
          taxRate: row.tax_rate,
          shippingFlat: parseMoney(row.shipping_flat),
        }
      : null;
  }

  /** The store's variants among `variantIds` (others are absent from the map), read in `tx`. */
  async priceVariants(
    storeId: string,
    variantIds: string[],
    tx: EntityManager,
  ): Promise<Map<string, PricedVariant>> {
    if (variantIds.length === 0) return new Map();
    const statement = priceVariantsStatement(storeId, variantIds);
    const rows = await queryStatement<PricedRow>(tx, statement);
    return new Map(
      rows.map((r) => [
        r.variant_id,
        {
          variantId: r.variant_id,
          productId: r.product_id,
          sku: r.sku,
          productName: r.product_name,
          variantName: r.variant_name,
          unitPrice: parseMoney(r.unit_price),
          available: r.available ?? 0,
          purchasable: r.purchasable,
          weightGrams: r.weight_grams,
          taxClass: r.tax_class,
        },
      ]),
    );
  }
}
