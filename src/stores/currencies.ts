import { AppException } from '../common/errors';
import { formatMoney, Money } from '../common/money';

/*
 * ISO 4217 codes a store may sell in: those with two minor digits and those with none. Amounts are kept
 * as DECIMAL(10,2) everywhere, which holds both; currencies with three (KWD, BHD, …) or four minor digits
 * would lose their last digits, and funds, metals and test codes (XAU, XTS, …) are not money a shop takes.
 */
const TWO_MINOR_DIGITS = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN
  BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
  GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL
  MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR
  PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY
  TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL`;
const ZERO_MINOR_DIGITS = `BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF`;

const MINOR_DIGITS: ReadonlyMap<string, 0 | 2> = new Map<string, 0 | 2>([
  ...ZERO_MINOR_DIGITS.split(/\s+/).map((code) => [code, 0] as const),
  ...TWO_MINOR_DIGITS.split(/\s+/).map((code) => [code, 2] as const),
]);

/** Minor digits of a supported currency (0 or 2); undefined for any other code. */
export function minorDigitsOf(currency: string): 0 | 2 | undefined {
  return MINOR_DIGITS.get(currency);
}

/** Stripe charges these in whole units although ISO 4217 gives them two minor digits. */
const CHARGED_IN_WHOLE_UNITS = new Set(['MGA']);

/**
 * The smallest amount of `currency` in the app's integer money (hundredths): 1 for USD (a cent), 100 for
 * JPY (one yen) and for MGA (Stripe takes whole ariary). Computed amounts (tax, discount shares) are
 * multiples of it, so every order total is an amount the payment provider can charge.
 */
export function moneyUnitOf(currency: string): number {
  return minorDigitsOf(currency) === 0 || CHARGED_IN_WHOLE_UNITS.has(currency) ? 100 : 1;
}

/** 400 UNSUPPORTED_CURRENCY unless `currency` is an ISO 4217 code with 0 or 2 minor digits. */
export function assertSupportedCurrency(currency: string): void {
  if (minorDigitsOf(currency) === undefined) {
    throw new AppException(
      400,
      'UNSUPPORTED_CURRENCY',
      `Currency ${currency} is not supported: use an ISO 4217 code with 0 or 2 minor digits`,
      { currency },
    );
  }
}

/**
 * 400 VALIDATION_FAILED unless `amount` is a whole number of `currency`'s smallest unit (moneyUnitOf):
 * a JPY price of 10.50 could never be charged, and every total built from it would need rounding.
 */
export function assertAmountInUnitsOf(currency: string, amount: Money, field: string): void {
  const unit = moneyUnitOf(currency);
  if (amount % unit === 0) return;
  const smallest = formatMoney(unit);
  throw new AppException(
    400,
    'VALIDATION_FAILED',
    `${field} must be a multiple of ${smallest} ${currency}, the currency's smallest amount`,
    [{ field, errors: [`must be a multiple of ${smallest} in ${currency}`] }],
  );
}
