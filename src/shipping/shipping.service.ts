import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppException } from '../common/errors';
import { Money } from '../common/money';
import { isUuid } from '../common/validation';
import { ShippingMethod } from './entities/shipping-method.entity';
import {
  activeMethodsStatement,
  anyActiveMethodStatement,
  shippingMethodFrom,
  ShippingMethodRow,
} from './shipping-sql';
import { ShippableCart, shippingRate } from './shipping-rates';
import { queryStatement } from '../database/prepared-query';

/** The method checkout ships with. */
export interface CheckoutShippingInput {
  storeId: string;
  methodId: string;
  /** ISO 3166-1 alpha-2 of the shipping address (compared in uppercase). */
  country: string;
}

/** The chosen method, read in checkout's transaction: `price` is the cart's shipping, in minor units. */
export interface CheckoutShippingMethod {
  price(cart: ShippableCart): Money;
}

/** A method that can ship a cart, with its price. */
export interface PricedShippingOption {
  id: string;
  name: string;
  amount: Money;
}

/**
 * Shipping as other modules ask for it, inside their transaction: checkout checks that the store has
 * methods (then one is required) and prices the chosen one for the address and cart; the quote route
 * lists every option for a country.
 */
@Injectable()
export class ShippingService {
  /** True when the store has at least one active shipping method (then checkout requires one). */
  async storeHasActiveMethods(tx: EntityManager, storeId: string): Promise<boolean> {
    const statement = anyActiveMethodStatement(storeId);
    const rows = await tx.query<unknown[]>(statement.text, statement.values);
    return rows.length > 0;
  }

  /**
   * Method `methodId` as checkout ships with it to `country`: read now, so that the statement goes out
   * with checkout's other reads (pipelining.ts), and priced once the cart's amounts are known. 409
   * SHIPPING_UNAVAILABLE, from `price`, when the method is unknown, of another store, inactive, not
   * serving the country, or cannot carry the weight: the buyer picks another option from the quote.
   */
  async checkoutMethod(tx: EntityManager, input: CheckoutShippingInput): Promise<CheckoutShippingMethod> {
    const country = input.country.toUpperCase();
    // A malformed id is an unknown method, not a SQL error that would abort the caller's transaction.
    const [method] = isUuid(input.methodId)
      ? await this.activeMethodsFor(tx, input.storeId, country, input.methodId)
      : [];
    return {
      price: (cart) => {
        const amount = method ? shippingRate(method, cart) : null;
        if (amount !== null) return amount;
        throw new AppException(
          409,
          'SHIPPING_UNAVAILABLE',
          method
            ? 'This shipping method cannot carry the weight of this cart'
            : 'This shipping method does not ship to this country',
          { methodId: input.methodId, country },
        );
      },
    };
  }

  /** Every active method serving `country` that can ship the cart, cheapest first. */
  async optionsFor(
    tx: EntityManager,
    storeId: string,
    country: string,
    cart: ShippableCart,
  ): Promise<PricedShippingOption[]> {
    const options: PricedShippingOption[] = [];
    for (const method of await this.activeMethodsFor(tx, storeId, country)) {
      const amount = shippingRate(method, cart);
      if (amount !== null) options.push({ id: method.id, name: method.name, amount });
    }
    return options.sort(
      (a, b) => a.amount - b.amount || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1),
    );
  }

  /** Active methods of the store whose zone lists `country` (one method when `methodId` is given). */
  private async activeMethodsFor(
    tx: EntityManager,
    storeId: string,
    country: string,
    methodId?: string,
  ): Promise<ShippingMethod[]> {
    // Plain SQL rather than the query builder: checkout runs it.
    const statement = activeMethodsStatement(storeId, country, methodId);
    const rows = await queryStatement<ShippingMethodRow>(tx, statement);
    return rows.map(shippingMethodFrom);
  }
}
