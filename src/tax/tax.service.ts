import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppException } from '../common/errors';
import { Money } from '../common/money';
import { computeTax, TaxableLine, TaxContext, TaxResult } from './tax-computation';
import { parseRate, rateFromFraction } from './tax-rate-format';
import { normaliseRegion, pickRates, RateCandidate } from './tax-rate-resolution';
import { TaxClass } from './tax.types';

/** Where the order goes: the shipping address's country and `state`. */
export interface TaxDestination {
  country: string;
  region?: string | null;
}

interface RatesRow {
  store_rate: string;
  prices_include_tax: boolean;
  tax_shipping: boolean;
  tax_class: TaxClass | null;
  region: string | null;
  rate: string | null;
}

/**
 * Tax for checkout, quotes and refunds: `ratesFor` reads a destination's rates in the caller's
 * transaction, `compute` is the pure arithmetic (tax-computation.ts).
 */
@Injectable()
export class TaxService {
  /**
   * Every class's rate for `destination`, with the store's tax settings, in one statement. It reads
   * the store row for its fallback `taxRate` and flags (read only): the checkout path pays one round
   * trip, not two. An unknown store is 404 STORE_NOT_FOUND.
   */
  async ratesFor(tx: EntityManager, storeId: string, destination: TaxDestination): Promise<TaxContext> {
    const rows = await tx.query<RatesRow[]>(
      `SELECT s.tax_rate::text AS store_rate, s.prices_include_tax, s.tax_shipping,
              r.tax_class, r.region, r.rate::text AS rate
         FROM stores s
         LEFT JOIN tax_rates r
           ON r.store_id = s.id AND r.country = $2 AND (r.region IS NULL OR r.region = $3::text)
        WHERE s.id = $1`,
      [storeId, destination.country.trim().toUpperCase(), normaliseRegion(destination.region)],
    );
    const store = rows[0];
    if (!store) throw new AppException(404, 'STORE_NOT_FOUND', 'Store not found');
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

  /** The tax of `lines` and `shipping` under `context` (same as computeTax). */
  compute(context: TaxContext, lines: readonly TaxableLine[], shipping: Money): TaxResult {
    return computeTax(context, lines, shipping);
  }
}
