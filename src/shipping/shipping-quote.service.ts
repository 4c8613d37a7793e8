import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CartOwner, CartService } from '../cart/cart.service';
import { PricedShippingOption, ShippingService } from './shipping.service';

/**
 * The shipping options of the current cart (GET /stores/:storeSlug/cart/shipping-options): the cart
 * as the cart module shows it (current prices, the variants' weights), priced by every method that
 * serves the country. No discount code is known yet, so free_over compares the cart subtotal; checkout
 * compares the subtotal after its discount (docs/shipping-and-tax.md).
 */
@Injectable()
export class ShippingQuoteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly carts: CartService,
    private readonly shipping: ShippingService,
  ) {}

  async quote(storeSlug: string, owner: CartOwner, country: string): Promise<PricedShippingOption[]> {
    const cart = await this.carts.view(storeSlug, owner);
    const totalWeightGrams = cart.lines.reduce(
      (sum, line) => sum + (line.variant ? line.variant.weightGrams * line.quantity : 0),
      0,
    );
    return this.shipping.optionsFor(this.dataSource.manager, cart.store.id, country, {
      subtotalMinor: cart.subtotal,
      totalWeightGrams,
    });
  }
}
