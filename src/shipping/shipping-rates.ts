import { Money } from '../common/money';
import { RateType, WeightTier } from './shipping.types';

/** What a method's price depends on. */
export interface RatedMethod {
  rateType: RateType;
  amount: Money;
  freeOver: Money | null;
  weightTiers: WeightTier[] | null;
}

/** What a cart brings to the price. */
export interface ShippableCart {
  /** The merchandise subtotal after the order discount, before tax and shipping. */
  subtotalMinor: Money;
  totalWeightGrams: number;
}

/**
 * The price of shipping `cart` with `method`, or null when the method cannot ship it (heavier than its
 * last tier). Pure: the quote, the checkout and any later recomputation all get the same answer.
 *
 * - flat: `amount`.
 * - free_over: 0 when the subtotal (after discounts, as Shopify compares it) reaches `freeOver`
 *   (inclusive: exactly `freeOver` ships free), else `amount`.
 * - weight: `amount` (a handling fee, usually 0) plus the amount of the first tier whose `upToGrams`
 *   the weight does not exceed (inclusive: exactly at a bound is that tier).
 */
export function shippingRate(method: RatedMethod, cart: ShippableCart): Money | null {
  switch (method.rateType) {
    case 'flat':
      return method.amount;
    case 'free_over':
      return method.freeOver !== null && cart.subtotalMinor >= method.freeOver ? 0 : method.amount;
    case 'weight': {
      const tier = (method.weightTiers ?? []).find((t) => cart.totalWeightGrams <= t.upToGrams);
      return tier ? method.amount + tier.amount : null;
    }
  }
}

/** Why a tier list is refused, or null when it is strictly ascending (so its bounds are unique too). */
export function tierOrderProblem(tiers: readonly WeightTier[]): string | null {
  for (let i = 1; i < tiers.length; i++) {
    if (tiers[i].upToGrams <= tiers[i - 1].upToGrams) {
      return `weightTiers must be in ascending upToGrams order without repeats (tier ${i} is ${tiers[i].upToGrams} after ${tiers[i - 1].upToGrams})`;
    }
  }
  return null;
}
