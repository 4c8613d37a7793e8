import { PreparedSqlStatement } from '../common/sql-statement';
import { TaxContext } from './tax-computation';
import { parseRate, rateFromFraction } from './tax-rate-format';
import { normaliseRegion, pickRates, RateCandidate } from './tax-rate-resolution';
import { TaxClass } from './tax.types';

/** Where the order goes: the shipping address's country and `state`. */
export interface TaxDestination {
  country: string;
  region?: string | null;
}

/** A row of destinationRatesStatement: the store's settings, and one of its rates (or none). */
export interface DestinationRatesRow {
  store_rate: string;
  prices_include_tax: boolean;
  tax_shipping: boolean;
  tax_class: TaxClass | null;
  region: string | null;
  rate: string | null;
}

/**
 * Every class's rate for `destination` with the store's tax settings, in one statement (TaxService.ratesFor).
 * No row when the store does not exist.
 */
export function destinationRatesStatement(
  storeId: string,
  destination: TaxDestination,
): PreparedSqlStatement {
  return {
    name: 'tax_destination_rates',
    text: `SELECT s.tax_rate::text AS store_rate, s.prices_include_tax, s.tax_shipping,
              r.tax_class, r.region, r.rate::text AS rate
         FROM stores s
         LEFT JOIN tax_rates r
           ON r.store_id = s.id AND r.country = $2 AND (r.region IS NULL OR r.region = $3::text)
        WHERE s.id = $1`,
    values: [storeId, destination.country.trim().toUpperCase(), normaliseRegion(destination.region)],
  };
}

/** The destination's tax context from the statement's rows (at least one: the store's). */
export function taxContextFrom(
  rows: readonly DestinationRatesRow[],
  destination: TaxDestination,
): TaxContext {
  const store = rows[0];
  const candidates: RateCandidate[] = rows.flatMap((r) =>
    r.tax_class !== null && r.rate !== null
      ? [{ taxClass: r.tax_class, region: r.region, rate: parseRate(r.rate) }]
      : [],
  );
  return {
    rates: pickRates(candidates, destination.region, rateFromFraction(store.store_rate)),
    pricesIncludeTax: store.prices_include_tax,
    taxShipping: store.tax_shipping,
  };
}
