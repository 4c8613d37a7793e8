/** A fulfilment's states, exactly as allowed by `chk_fulfillments_status`. */
export const FULFILLMENT_STATUSES = ['shipped', 'delivered'] as const;
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

/**
 * A return's states, exactly as allowed by `chk_returns_status` (the moves: return-state-machine.ts).
 * `receiving` is the short step while its refund is at the provider.
 */
export const RETURN_STATUSES = ['requested', 'approved', 'rejected', 'receiving', 'refunded'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
