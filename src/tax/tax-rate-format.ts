import { RateBp } from './tax.types';

const PERCENT_PATTERN = /^(\d{1,3})(?:\.(\d{1,2}))?$/;
const FRACTION_PATTERN = /^(\d)(?:\.(\d{1,4}))?$/;

/** "19.00" / "19.5" / "7" (a percentage, at most two decimals) → 1900 / 1950 / 700. Throws otherwise. */
export function parseRate(text: string): RateBp {
  const match = PERCENT_PATTERN.exec(text.trim());
  if (!match) throw new RangeError(`Not a percentage with at most two decimals: "${text}"`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 1900 → "19.00": the form of a NUMERIC(5,2) percentage (tax_rates.rate, order_items.tax_rate). */
export function formatRate(rate: RateBp): string {
  if (!Number.isSafeInteger(rate) || rate < 0)
    throw new RangeError(`Not a rate in hundredths of a percent: ${rate}`);
  return `${Math.trunc(rate / 100)}.${String(rate % 100).padStart(2, '0')}`;
}

/** The store's fallback fraction "0.0825" (DECIMAL(5,4)) → 825, the same unit as a tax rate. */
export function rateFromFraction(fraction: string): RateBp {
  const match = FRACTION_PATTERN.exec(fraction.trim());
  if (!match) throw new RangeError(`Not a fraction with at most four decimals: "${fraction}"`);
  return Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
}
