import { Money } from '../../common/money';

/**
 * Currencies Stripe counts in whole units (https://docs.stripe.com/currencies#zero-decimal). Money here
 * is always hundredths, so for these the amount sent is a hundredth of it.
 */
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

/** Our minor units → Stripe's amount in `currency`; null when it is not expressible (JPY 10.50). */
export function toStripeAmount(amount: Money, currency: string): number | null {
  if (!ZERO_DECIMAL.has(currency.toLowerCase())) return amount;
  return amount % 100 === 0 ? amount / 100 : null;
}

/** Stripe's amount in `currency` → our minor units. */
export function fromStripeAmount(amount: number, currency: string): Money {
  return ZERO_DECIMAL.has(currency.toLowerCase()) ? amount * 100 : amount;
}
