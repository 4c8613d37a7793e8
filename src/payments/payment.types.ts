/** Payment providers, exactly as allowed by `chk_payments_provider` and `chk_payment_events_provider`. */
export const PAYMENT_PROVIDERS = ['stripe', 'manual'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

/** The state of one payment attempt (a row of `payments`), exactly as allowed by `chk_payments_status`. */
export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
