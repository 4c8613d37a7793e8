/** Why points changed, exactly as the `chk_loyalty_ledger_reason` constraint allows. */
export const LOYALTY_REASONS = ['order_paid', 'order_refunded'] as const;
export type LoyaltyReason = (typeof LOYALTY_REASONS)[number];
