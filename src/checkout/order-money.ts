import { Money } from '../common/money';
import { allocateByLargestRemainder } from './allocation';

/** A rate in hundredths of a percent: "19.00" % → 1900, "8.25" % → 825 (the order_items.tax_rate scale). */
export type RateHundredths = number;

/** "19.00" or "19" or "8.5" (percent, at most two decimals) → hundredths of a percent. */
export function percentToHundredths(percent: string): RateHundredths {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent.trim());
  if (!match) throw new RangeError(`Not a percentage with at most two decimals: "${percent}"`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 1900 → "19.00" (the JSON and NUMERIC(5,2) form). */
export function hundredthsToPercent(rate: RateHundredths): string {
  return `${Math.trunc(rate / 100)}.${String(rate % 100).padStart(2, '0')}`;
}

/** `numerator / denominator` rounded half up to a multiple of `unit`, in integers only (all ≥ 0). */
function roundHalfUp(numerator: number, denominator: number, unit: Money): Money {
  return Math.floor((2 * numerator + denominator * unit) / (2 * denominator * unit)) * unit;
}

/**
 * Tax on `amount` at `rate`, rounded half up to the unit. Prices without tax: the tax added on top
 * (amount × rate). Prices with tax: the tax contained in the amount (amount × rate / (1 + rate)).
 */
export function taxOf(
  amount: Money,
  rate: RateHundredths,
  pricesIncludeTax: boolean,
  unit: Money = 1,
): Money {
  if (amount <= 0 || rate <= 0) return 0;
  return pricesIncludeTax
    ? roundHalfUp(amount * rate, 10_000 + rate, unit)
    : roundHalfUp(amount * rate, 10_000, unit);
}

export interface MoneyLine {
  /** unitPrice × quantity. */
  lineTotal: Money;
  rate: RateHundredths;
}

export interface OrderMoneyInput {
  lines: readonly MoneyLine[];
  /** The order's discount, at most the subtotal (a multiple of `unit`). */
  discount: Money;
  shipping: Money;
  /** Shipping's tax rate; 0 when shipping is not taxed. */
  shippingRate: RateHundredths;
  pricesIncludeTax: boolean;
  /** The currency's smallest amount in hundredths (1, or 100 for a currency without minor digits). */
  unit: Money;
}

export interface LineMoney {
  discountAmount: Money;
  taxAmount: Money;
  rate: RateHundredths;
}

export interface OrderMoney {
  subtotal: Money;
  discountAmount: Money;
  /** Every line's tax plus the shipping's. */
  taxAmount: Money;
  shippingAmount: Money;
  shippingTax: Money;
  total: Money;
  lines: LineMoney[];
}

/**
 * An order's money, the one computation behind the checkout (and what a refund reads back from the
 * lines): the discount spread over the lines by largest remainder; each line taxed on what is left of it,
 * rounded half up on its own; `taxAmount` = the lines' tax + shipping's.
 *
 * - prices without tax: total = subtotal − discount + shipping + taxAmount;
 * - prices with tax:    total = subtotal − discount + shipping (taxAmount is the part of it that is tax).
 */
export function orderMoney(input: OrderMoneyInput): OrderMoney {
  const subtotal = input.lines.reduce((sum, l) => sum + l.lineTotal, 0);
  const shares = allocateByLargestRemainder(
    input.discount,
    input.lines.map((l) => l.lineTotal),
    input.unit,
  );
  const lines = input.lines.map((l, i) => ({
    discountAmount: shares[i],
    taxAmount: taxOf(l.lineTotal - shares[i], l.rate, input.pricesIncludeTax, input.unit),
    rate: l.rate,
  }));
  const shippingTax = taxOf(input.shipping, input.shippingRate, input.pricesIncludeTax, input.unit);
  const taxAmount = lines.reduce((sum, l) => sum + l.taxAmount, 0) + shippingTax;
  const net = subtotal - input.discount + input.shipping;
  return {
    subtotal,
    discountAmount: input.discount,
    taxAmount,
    shippingAmount: input.shipping,
    shippingTax,
    total: input.pricesIncludeTax ? net : net + taxAmount,
    lines,
  };
}

/**
 * What refunding a line gives back: its price less its discount share, plus its tax when the tax was
 * added on top. Summed over all lines this is the order's total less shipping and shipping's tax.
 */
export function refundableOf(
  line: { totalPrice: Money; discountAmount: Money; taxAmount: Money },
  pricesIncludeTax: boolean,
): Money {
  return line.totalPrice - line.discountAmount + (pricesIncludeTax ? 0 : line.taxAmount);
}
