import { Money } from '../common/money';
import { computeTax, TaxContext } from '../tax/tax-computation';
import { RateBp, TaxClass } from '../tax/tax.types';
import { allocateByLargestRemainder } from './allocation';

export interface MoneyLine {
  /** unitPrice × quantity. */
  lineTotal: Money;
  taxClass: TaxClass;
}

export interface OrderMoneyInput {
  lines: readonly MoneyLine[];
  /** The order's discount, at most the subtotal. */
  discount: Money;
  shipping: Money;
  /** The destination's rates and the store's tax settings (TaxService.ratesFor). */
  tax: TaxContext;
  /**
   * The currency's smallest amount in hundredths (1; 100 for a currency without minor digits, whose
   * discount shares and taxes are then whole units).
   */
  unit: Money;
}

export interface LineMoney {
  discountAmount: Money;
  taxAmount: Money;
  taxRate: RateBp;
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
 * An order's money, the one computation behind the checkout (a refund reads it back from the lines):
 * the discount spread over the lines by largest remainder; each line taxed on what is left of it by the
 * tax module's computation (rounded half up per line; shipping at the standard rate when the store
 * taxes it); `taxAmount` = the lines' tax + shipping's.
 *
 * - prices without tax: total = subtotal − discount + shipping + taxAmount;
 * - prices with tax:    total = subtotal − discount + shipping (taxAmount is the part of it that is tax).
 *
 * In a currency without minor digits everything is computed in whole units (amounts that are not whole
 * units, which the catalog should not hold, fall back to hundredths).
 */
export function orderMoney(input: OrderMoneyInput): OrderMoney {
  const subtotal = input.lines.reduce((sum, l) => sum + l.lineTotal, 0);
  const whole = (amount: Money) => amount % input.unit === 0;
  const discount = Math.floor(input.discount / input.unit) * input.unit;
  const unit =
    input.unit > 1 && input.lines.every((l) => whole(l.lineTotal)) && whole(input.shipping) ? input.unit : 1;
  const shares = allocateByLargestRemainder(
    discount,
    input.lines.map((l) => l.lineTotal),
    unit,
  );
  const tax = computeTax(
    input.tax,
    input.lines.map((l, i) => ({ amount: (l.lineTotal - shares[i]) / unit, taxClass: l.taxClass })),
    input.shipping / unit,
  );
  const net = subtotal - discount + input.shipping;
  return {
    subtotal,
    discountAmount: discount,
    taxAmount: tax.taxTotal * unit,
    shippingAmount: input.shipping,
    shippingTax: tax.shippingTax * unit,
    total: net + tax.taxAdded * unit,
    lines: input.lines.map((_, i) => ({
      discountAmount: shares[i],
      taxAmount: tax.lines[i].taxAmount * unit,
      taxRate: tax.lines[i].taxRate,
    })),
  };
}

/**
 * What refunding a whole line gives back: its price less its discount share, plus its tax when the tax
 * was added on top. Summed over all lines this is the order's total less shipping (and shipping's tax
 * when prices exclude tax): shipping is never part of a line.
 */
export function refundableOf(
  line: { totalPrice: Money; discountAmount: Money; taxAmount: Money },
  pricesIncludeTax: boolean,
): Money {
  return line.totalPrice - line.discountAmount + (pricesIncludeTax ? 0 : line.taxAmount);
}
