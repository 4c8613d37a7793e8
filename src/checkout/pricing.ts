import { Money } from '../common/money';

/** "0.0825" → 825: a rate with at most four decimals as ten-thousandths (the column is DECIMAL(5,4)). */
export function rateInBasisPoints(rate: string): number {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(rate.trim());
  if (!match) throw new RangeError(`Not a rate with at most four decimals: "${rate}"`);
  return Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
}

/** Tax on `taxable` at `rate` (decimal string), rounded half up to the cent, in integers only. */
export function taxOn(taxable: Money, rate: string): Money {
  if (taxable <= 0) return 0;
  return Math.floor((taxable * rateInBasisPoints(rate) + 5_000) / 10_000);
}

export interface OrderTotals {
  subtotal: Money;
  discountAmount: Money;
  taxAmount: Money;
  shippingAmount: Money;
  total: Money;
}

/** Tax applies to the discounted subtotal; shipping is the store's flat rate, untaxed. */
export function orderTotals(
  subtotal: Money,
  discountAmount: Money,
  taxRate: string,
  shipping: Money,
): OrderTotals {
  const taxAmount = taxOn(subtotal - discountAmount, taxRate);
  return {
    subtotal,
    discountAmount,
    taxAmount,
    shippingAmount: shipping,
    total: subtotal - discountAmount + taxAmount + shipping,
  };
}
