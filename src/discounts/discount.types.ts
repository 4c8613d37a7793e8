/** Discount kinds, exactly as allowed by `chk_discounts_type`. */
export const DISCOUNT_TYPES = ['percentage', 'fixed'] as const;
export type DiscountType = (typeof DISCOUNT_TYPES)[number];
