import { moneyTransformer } from '../common/money';
import { PreparedSqlStatement, SqlStatement } from '../common/sql-statement';
import { ShippingMethod, weightTiersTransformer } from './entities/shipping-method.entity';

/** A row of activeMethodsStatement: the entity's columns as the driver returns them. */
export type ShippingMethodRow = Record<keyof ShippingMethod, unknown>;

/** The entity from a row (its column transformers applied by hand). */
export function shippingMethodFrom(row: ShippingMethodRow): ShippingMethod {
  return Object.assign(new ShippingMethod(), row, {
    amount: moneyTransformer.from(row.amount as string) as ShippingMethod['amount'],
    freeOver: moneyTransformer.from(row.freeOver as string | null) as ShippingMethod['freeOver'],
    weightTiers: weightTiersTransformer.from(row.weightTiers) as ShippingMethod['weightTiers'],
  });
}

/**
 * The store's active shipping methods whose zone lists `country` (uppercase), or only `methodId`
 * among them (checkout's check of the chosen method). Columns under the entity's property names.
 */
export function activeMethodsStatement(
  storeId: string,
  country: string,
  methodId?: string,
): PreparedSqlStatement {
  return {
    name: methodId === undefined ? 'shipping_active_methods' : 'shipping_active_method',
    text: `SELECT m.id, m.store_id AS "storeId", m.zone_id AS "zoneId", m.name, m.rate_type AS "rateType",
              m.amount, m.free_over AS "freeOver", m.weight_tiers AS "weightTiers", m.is_active AS "isActive",
              m.created_at AS "createdAt", m.updated_at AS "updatedAt"
         FROM shipping_methods m JOIN shipping_zones z ON z.id = m.zone_id
        WHERE m.store_id = $1 AND m.is_active AND $2 = ANY(z.countries)${methodId === undefined ? '' : ' AND m.id = $3'}`,
    values: methodId === undefined ? [storeId, country] : [storeId, country, methodId],
  };
}

/** A row when the store has at least one active method (then checkout requires one). */
export function anyActiveMethodStatement(storeId: string): SqlStatement {
  return {
    text: `SELECT 1 FROM shipping_methods WHERE store_id = $1 AND is_active LIMIT 1`,
    values: [storeId],
  };
}
