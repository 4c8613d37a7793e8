import { Money } from '../common/money';
import { PlacedLine, PricedOrderLine } from '../orders/order-placement.service';
import { moneyUnitOf } from '../stores/currencies';
import { TaxContext } from '../tax/tax-computation';
import { formatRate } from '../tax/tax-rate-format';
import { TaxClass } from '../tax/tax.types';
import { orderMoney } from './order-money';

export interface CheckoutMoney {
  totals: { subtotal: Money; discountAmount: Money; taxAmount: Money; shippingAmount: Money; total: Money };
  lines: PricedOrderLine[];
}

/** A priced cart line with what tax and shipping need of it. */
export interface MoneyCartLine extends PlacedLine {
  taxClass: TaxClass;
}

/** The order's money (orderMoney) in the shapes placement takes: totals, and each line's tax and share. */
export function checkoutMoney(input: {
  currency: string;
  lines: MoneyCartLine[];
  discount: Money;
  shipping: Money;
  tax: TaxContext;
}): CheckoutMoney {
  const money = orderMoney({
    lines: input.lines.map((l) => ({ lineTotal: l.unitPrice * l.quantity, taxClass: l.taxClass })),
    discount: input.discount,
    shipping: input.shipping,
    tax: input.tax,
    unit: moneyUnitOf(input.currency),
  });
  return {
    totals: {
      subtotal: money.subtotal,
      discountAmount: money.discountAmount,
      taxAmount: money.taxAmount,
      shippingAmount: money.shippingAmount,
      total: money.total,
    },
    lines: input.lines.map(({ taxClass: _taxClass, ...line }, i) => ({
      ...line,
      taxRate: formatRate(money.lines[i].taxRate),
      taxAmount: money.lines[i].taxAmount,
      discountAmount: money.lines[i].discountAmount,
    })),
  };
}
