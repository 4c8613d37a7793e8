/** Order states, exactly as allowed by `chk_orders_status`. */
export const ORDER_STATUSES = [
  'pending',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** An order's payment state, exactly as allowed by `chk_orders_payment_status`. */
export const ORDER_PAYMENT_STATUSES = ['unpaid', 'paid', 'refunded', 'failed'] as const;
export type OrderPaymentStatus = (typeof ORDER_PAYMENT_STATUSES)[number];
