import { ValueTransformer } from 'typeorm';

/**
 * Money is an integer number of minor units (cents) in TypeScript, DECIMAL(10,2) in PostgreSQL and a
 * two-decimal string ("19.99") in JSON. Conversions go through strings only: a float never touches money.
 */
export type Money = number;

const DECIMAL_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** Largest value a DECIMAL(10,2) column holds, in minor units. */
export const MAX_DECIMAL_10_2: Money = 99_999_999_99;

/** "19.99" → 1999, "10" → 1000, "-0.5" → -50. Throws on anything that is not a decimal with ≤ 2 places. */
export function parseMoney(value: string): Money {
  const match = DECIMAL_PATTERN.exec(value.trim());
  if (!match) {
    throw new RangeError(`Not a money amount with at most two decimals: "${value}"`);
  }
  const [, sign, whole, fraction = ''] = match;
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`Money amount out of range: "${value}"`);
  }
  return sign && minor !== 0 ? -minor : minor;
}

/** 1999 → "19.99", -50 → "-0.50". */
export function formatMoney(minor: Money): string {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`Money must be an integer number of minor units, got ${minor}`);
  }
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Accepts what the API contract allows as money input: a decimal string or a JSON number with at most
 * two decimals. A number is read through its shortest decimal representation (19.99 → "19.99"), which
 * is exact for every value with two decimals.
 */
export function moneyFromInput(value: unknown): Money | null {
  let text: string;
  if (typeof value === 'string') text = value.trim();
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else return null;
  if (!DECIMAL_PATTERN.test(text)) return null;
  try {
    const minor = parseMoney(text);
    // Beyond what DECIMAL(10,2) stores: refuse here rather than let the database answer 22003.
    return Math.abs(minor) <= MAX_DECIMAL_10_2 ? minor : null;
  } catch {
    return null;
  }
}

/** Column transformer for DECIMAL(10,2) money columns: the pg driver returns numerics as strings. */
export const moneyTransformer: ValueTransformer = {
  to(value: Money | null | undefined): string | null | undefined {
    return value === null || value === undefined ? value : formatMoney(value);
  },
  from(value: string | null): Money | null {
    return value === null ? null : parseMoney(value);
  },
};

/** Column options shared by every money column, so they all match DECIMAL(10,2) in the migrations. */
export const MONEY_COLUMN = {
  type: 'decimal',
  precision: 10,
  scale: 2,
  transformer: moneyTransformer,
} as const;
