import { OrderPaymentStatus, OrderStatus } from '../orders/order.types';

/**
 * One element of the legacy `store_customers.orders` JSON array, as the view `store_customer_orders`
 * still serves it. Field names are the legacy (snake_case) ones on purpose: legacy readers depend on them.
 */
export interface LegacyCustomerOrderSummary {
  order_id: string;
  order_number: string;
  status: OrderStatus;
  payment_status: OrderPaymentStatus;
  /** Decimal string, e.g. "19.99". */
  total: string;
  currency: string;
  /** ISO 8601 timestamp. */
  created_at: string;
}

/** A row of the read-only view `store_customer_orders`. */
export interface StoreCustomerOrdersRow {
  store_customer_id: string;
  store_id: string;
  profile_id: string;
  orders: LegacyCustomerOrderSummary[];
}
