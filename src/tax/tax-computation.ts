import { Money } from '../common/money';
import { MAX_RATE_BP, RateBp, TaxClass, TaxRates } from './tax.types';

/**
 * Tax arithmetic, pure and in integer minor units only: the quote, the checkout and a refund call this
 * one function with the same inputs and so get the same cents. See docs/shipping-and-tax.md, "Tax".
 */

/** What the store's settings and the destination decide (TaxService.ratesFor reads it in one query). */
export interface TaxContext {
  rates: TaxRates;
  /** Prices (and shipping) already contain the tax: it is extracted, not added. */
  pricesIncludeTax: boolean;
  /** Shipping is taxed at the standard rate; otherwise it carries no tax. */
  taxShipping: boolean;
}

export interface TaxableLine {
  /** What the buyer pays for the line: its total price less its share of the order discount, ≥ 0. */
  amount: Money;
  taxClass: TaxClass;
}

export interface LineTax {
  taxRate: RateBp;
  taxAmount: Money;
}

export interface TaxResult {
  /** One per input line, in the same order. */
  lines: LineTax[];
  /** The standard rate when shipping is taxed, else 0. */
  shippingTaxRate: RateBp;
  shippingTax: Money;
  /** Σ lines' taxAmount + shippingTax. */
  taxTotal: Money;
  /** What the order total adds on top of the amounts: taxTotal when prices exclude tax, 0 when they include it. */
  taxAdded: Money;
}

/**
 * Largest amount one line (or the shipping) may have: keeps every intermediate product below 2^53, so
 * the integer arithmetic below is exact. A hundred times what DECIMAL(10,2) can hold.
 */
export const MAX_TAXABLE_AMOUNT: Money = 1_000_000_000_000;

/** ⌊p / q⌋ for integers p ≥ 0, q > 0, exactly (no floating-point division result is floored). */
function floorDiv(p: number, q: number): number {
  return (p - (p % q)) / q;
}

function assertAmount(amount: Money): void {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_TAXABLE_AMOUNT) {
    throw new RangeError(
      `A taxable amount must be an integer of minor units 0..${MAX_TAXABLE_AMOUNT}: ${amount}`,
    );
  }
}

function assertRate(rate: RateBp): void {
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > MAX_RATE_BP) {
    throw new RangeError(`A rate must be an integer of hundredths of a percent 0..${MAX_RATE_BP}: ${rate}`);
  }
}

/** Prices exclude tax: tax = round_half_up(net · rate / 10000). */
export function exclusiveTax(net: Money, rate: RateBp): Money {
  assertAmount(net);
  assertRate(rate);
  return floorDiv(net * rate + 5_000, 10_000);
}

/**
 * Prices include tax: net = round_half_up(gross · 10000 / (10000 + rate)), tax = gross − net, so
 * net + tax is the gross exactly. Half up of x = p/q is ⌊(2p + q) / 2q⌋.
 */
export function inclusiveTax(gross: Money, rate: RateBp): Money {
  assertAmount(gross);
  assertRate(rate);
  const divisor = 10_000 + rate;
  const net = floorDiv(2 * gross * 10_000 + divisor, 2 * divisor);
  return gross - net;
}

/** The tax of one amount at `rate`, in the form the store's prices are in. */
export function lineTax(amount: Money, rate: RateBp, pricesIncludeTax: boolean): Money {
  return pricesIncludeTax ? inclusiveTax(amount, rate) : exclusiveTax(amount, rate);
}

/**
 * The tax of an order: each line rounded on its own (half up), shipping at the standard rate when
 * the store taxes it, and the total their sum, so a refund of a line gives back exactly its taxAmount.
 * The zero class is 0 whatever `rates.zero` says.
 */
export function computeTax(context: TaxContext, lines: readonly TaxableLine[], shipping: Money): TaxResult {
  const { rates, pricesIncludeTax, taxShipping } = context;
  const lineTaxes = lines.map((line): LineTax => {
    const taxRate = line.taxClass === 'zero' ? 0 : rates[line.taxClass];
    return { taxRate, taxAmount: lineTax(line.amount, taxRate, pricesIncludeTax) };
  });
  const shippingTaxRate = taxShipping ? rates.standard : 0;
  const shippingTax = lineTax(shipping, shippingTaxRate, pricesIncludeTax);
  const taxTotal = lineTaxes.reduce((sum, l) => sum + l.taxAmount, shippingTax);
  return {
    lines: lineTaxes,
    shippingTaxRate,
    shippingTax,
    taxTotal,
    taxAdded: pricesIncludeTax ? 0 : taxTotal,
  };
}
