import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppException } from '../common/errors';
import { Money } from '../common/money';
import { computeTax, TaxableLine, TaxContext, TaxResult } from './tax-computation';
import { DestinationRatesRow, destinationRatesStatement, taxContextFrom, TaxDestination } from './tax-sql';
import { queryStatement } from '../database/prepared-query';

export type { TaxDestination } from './tax-sql';

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
    const statement = destinationRatesStatement(storeId, destination);
    const rows = await queryStatement<DestinationRatesRow>(tx, statement);
    if (!rows[0]) throw new AppException(404, 'STORE_NOT_FOUND', 'Store not found');
    return taxContextFrom(rows, destination);
  }

  /** The tax of `lines` and `shipping` under `context` (same as computeTax). */
  compute(context: TaxContext, lines: readonly TaxableLine[], shipping: Money): TaxResult {
    return computeTax(context, lines, shipping);
  }
}
