import { ActiveStore } from '../catalog/catalog-pricing.service';
import { Money } from '../common/money';
import { PlacedLine, PricedOrderLine } from '../orders/order-placement.service';
import { moneyUnitOf } from '../stores/currencies';
import { hundredthsToPercent, orderMoney } from './order-money';
import { rateInBasisPoints } from './pricing';

export interface CheckoutMoney {
  totals: { subtotal: Money; discountAmount: Money; taxAmount: Money; shippingAmount: Money; total: Money };
  lines: PricedOrderLine[];
}

/**
 * The order's money from the store's own settings: its one tax rate (a fraction, "0.0825") on every line,
 * added on top, and its flat shipping fee, untaxed.
 */
export function checkoutMoney(store: ActiveStore, lines: PlacedLine[], discount: Money): CheckoutMoney {
  const unit = moneyUnitOf(store.currency);
  const rate = rateInBasisPoints(store.taxRate);
  const money = orderMoney({
    lines: lines.map((l) => ({ lineTotal: l.unitPrice * l.quantity, rate })),
    // A currency without minor digits never gets a fraction of its unit off.
    discount: Math.floor(discount / unit) * unit,
    shipping: store.shippingFlat,
    shippingRate: 0,
    pricesIncludeTax: false,
    unit,
  });
  return {
    totals: {
      subtotal: money.subtotal,
      discountAmount: money.discountAmount,
      taxAmount: money.taxAmount,
      shippingAmount: money.shippingAmount,
      total: money.total,
    },
    lines: lines.map((l, i) => ({
      ...l,
      taxRate: hundredthsToPercent(money.lines[i].rate),
      taxAmount: money.lines[i].taxAmount,
      discountAmount: money.lines[i].discountAmount,
    })),
  };
}
