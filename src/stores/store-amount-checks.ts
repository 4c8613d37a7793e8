import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Money } from '../common/money';

/** Amounts of one kind that a store holds and that are not whole multiples of a currency's smallest unit. */
export interface AmountsOutOfUnit {
  /** What they are, as the admin API names them: `products.basePrice`, `shippingMethods.amount`, … */
  field: string;
  count: number;
}

/**
 * One module's answer to "which amounts of this store could not be charged in a currency whose smallest
 * amount is `unit`" (moneyUnitOf). Runs in the currency change's transaction, with the store row locked.
 */
export type StoreAmountCheck = (
  tx: EntityManager,
  storeId: string,
  unit: Money,
) => Promise<AmountsOutOfUnit[]>;

/**
 * Where the modules that keep a store's amounts (the catalog's prices, the shipping rates) register
 * their check, so that the stores module can refuse a currency change that would leave fractions of
 * the new currency's unit behind (¥19.99 could never be charged) without reading their tables.
 */
@Injectable()
export class StoreAmountChecks {
  private readonly checks: StoreAmountCheck[] = [];

  register(check: StoreAmountCheck): void {
    this.checks.push(check);
  }

  async outOfUnit(tx: EntityManager, storeId: string, unit: Money): Promise<AmountsOutOfUnit[]> {
    const found: AmountsOutOfUnit[] = [];
    for (const check of this.checks) found.push(...(await check(tx, storeId, unit)));
    return found.filter((f) => f.count > 0);
  }
}
