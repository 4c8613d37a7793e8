import { Money } from '../common/money';
import { Discount } from './entities/discount.entity';

/** Why a code cannot be used now; the checkout answers DISCOUNT_INVALID with this reason. */
export type DiscountRejection =
  'unknown' | 'inactive' | 'not_started' | 'expired' | 'exhausted' | 'below_minimum';

/**
 * The amount a discount takes off `subtotal`, in minor units. A percentage is stored like money
 * (1050 = 10.50 %) and rounds half up to the cent; a fixed amount never exceeds the subtotal, so a
 * total never goes below zero.
 */
export function discountAmount(discount: Pick<Discount, 'type' | 'value'>, subtotal: Money): Money {
  if (subtotal <= 0) return 0;
  if (discount.type === 'fixed') return Math.min(discount.value, subtotal);
  // subtotal ≤ 99,999,999.99 and value ≤ 100.00: the product stays below 2^53.
  return Math.min(subtotal, Math.floor((subtotal * discount.value + 5_000) / 10_000));
}

/** The first rule the discount breaks for this subtotal at `now`, or null when it applies. */
export function checkDiscount(
  discount: Pick<
    Discount,
    'isActive' | 'startsAt' | 'expiresAt' | 'maxUses' | 'timesUsed' | 'minPurchaseAmount'
  >,
  subtotal: Money,
  now: Date,
): DiscountRejection | null {
  if (!discount.isActive) return 'inactive';
  if (discount.startsAt && discount.startsAt > now) return 'not_started';
  if (discount.expiresAt && discount.expiresAt <= now) return 'expired';
  if (discount.maxUses !== null && discount.timesUsed >= discount.maxUses) return 'exhausted';
  if (subtotal < discount.minPurchaseAmount) return 'below_minimum';
  return null;
}
