import { Money } from '../common/money';

/** How a method prices a cart (the CHECK on shipping_methods.rate_type matches it exactly). */
export const RATE_TYPES = ['flat', 'free_over', 'weight'] as const;
export type RateType = (typeof RATE_TYPES)[number];

/** One weight band: carts weighing at most `upToGrams` (inclusive) pay `amount`. */
export interface WeightTier {
  upToGrams: number;
  amount: Money;
}

/** Heaviest weight a tier bound may name (1,000 t): far above any parcel, far below float trouble. */
export const MAX_TIER_GRAMS = 1_000_000_000;

/** How many bands one method may have. */
export const MAX_WEIGHT_TIERS = 50;
