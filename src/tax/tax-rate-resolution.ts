import { RateBp, TaxClass, TaxRates } from './tax.types';

/** A tax rate row of the destination's country: region null applies to the whole country. */
export interface RateCandidate {
  taxClass: TaxClass;
  region: string | null;
  rate: RateBp;
}

/**
 * Regions are free text (the address's `state`): compared trimmed and upper-cased, as they are stored.
 * Empty means none.
 */
export function normaliseRegion(region: string | null | undefined): string | null {
  const trimmed = region?.trim().toUpperCase() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * The rate of each class for a destination: the row of its region, else the country's row, else the
 * store's fallback rate. The zero class is always 0.
 */
export function pickRates(
  candidates: readonly RateCandidate[],
  region: string | null | undefined,
  fallback: RateBp,
): TaxRates {
  const wanted = normaliseRegion(region);
  const pick = (taxClass: TaxClass): RateBp => {
    if (taxClass === 'zero') return 0;
    const ofClass = candidates.filter((c) => c.taxClass === taxClass);
    const regional = wanted === null ? undefined : ofClass.find((c) => c.region === wanted);
    const national = ofClass.find((c) => c.region === null);
    return (regional ?? national)?.rate ?? fallback;
  };
  return { standard: pick('standard'), reduced: pick('reduced'), zero: pick('zero') };
}
