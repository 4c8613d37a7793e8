import { DomainEvent, DomainEventOrigin } from './domain-event';

/*
 * The events of the contract (API.md, "Events, webhooks and metadata") and their `data`. Kept small:
 * ids, the order number a person reads, money as "19.99" strings in the order's currency. A module
 * with events of its own adds them to DomainEventCatalogue by declaration merging:
 *
 *   declare module '../events/catalogue' {
 *     interface DomainEventCatalogue { 'loyalty.credited': { userId: string; points: number } }
 *   }
 */

export interface OrderRef {
  orderId: string;
  orderNumber: string;
}

export interface OrderPlacedData extends OrderRef {
  /** The buyer's profile id (null for a guest's order). */
  customerId: string | null;
  /** The buyer's email (the guest's, or the customer's account email): where the order's mails go. */
  email: string;
  total: string;
  currency: string;
}

export interface OrderPaidData extends OrderRef {
  /** The buyer's profile id (null for a guest's order): subscribers need not read the order to know it. */
  customerId: string | null;
  /** The buyer's email, as in `order.placed`. */
  email: string;
  paymentId: string;
  amount: string;
  currency: string;
}

export interface OrderCancelledData extends OrderRef {
  /** Why, in a word: `customer`, `admin`, `expired`, `payment_failed`… */
  reason: string;
}

export interface OrderShippedData extends OrderRef {
  carrier: string | null;
  trackingNumber: string | null;
  /** The carrier's tracking page for this shipment (null when the admin gave none). */
  trackingUrl: string | null;
}

export type OrderDeliveredData = OrderRef;

/**
 * Recorded for every refund, partial ones included (a loyalty module takes back points in proportion):
 * `amount` is this refund, `totalRefunded` what has been refunded of the order's payment so far,
 * `full` whether that is all of it (the order's payment status is then `refunded`).
 */
export interface OrderRefundedData extends OrderRef {
  /** This refund's amount (not the running total). */
  amount: string;
  totalRefunded: string;
  full: boolean;
  currency: string;
}

export interface ReturnData extends OrderRef {
  returnId: string;
}

export interface CustomerRegisteredData {
  userId: string;
  email: string;
}

export interface ProductData {
  productId: string;
  slug: string;
}

export interface ProductDeletedData {
  productId: string;
}

/**
 * Recorded once per crossing: when a change (an admin stock or threshold change, a sale committing its
 * held stock) takes `quantity` from above `lowStockThreshold` to at or below it, the definition of
 * GET …/inventory?lowStock=true. Holds do not move `quantity`, so checkouts never record it; further
 * sales below the threshold do not record it again until the stock went above it.
 */
export interface LowStockData {
  variantId: string;
  sku: string;
  /** Sellable units left (quantity − reserved) when the change crossed the threshold. */
  available: number;
  threshold: number;
}

/** Internal (no webhook): a customer logged in or registered; the guest cart merge listens to it. */
export interface CustomerSignedInData {
  userId: string;
  /** The X-Cart-Session header sent with the login, if any. */
  cartSessionId: string | null;
}

/** Event type → its data. The one list the decorator, the record() call and the dispatcher type-check against. */
export interface DomainEventCatalogue {
  'order.placed': OrderPlacedData;
  'order.paid': OrderPaidData;
  'order.cancelled': OrderCancelledData;
  'order.shipped': OrderShippedData;
  'order.delivered': OrderDeliveredData;
  'order.refunded': OrderRefundedData;
  'return.requested': ReturnData;
  'return.received': ReturnData;
  'customer.registered': CustomerRegisteredData;
  'product.created': ProductData;
  'product.updated': ProductData;
  'product.deleted': ProductDeletedData;
  'inventory.low_stock': LowStockData;
  'customer.signed_in': CustomerSignedInData;
}

export type DomainEventType = Extract<keyof DomainEventCatalogue, string>;

/** The event of one type, as a handler receives it. */
export type EventOf<T extends DomainEventType> = DomainEvent<T, DomainEventCatalogue[T]>;

/** Any event of the catalogue (a union, so `switch (event.type)` narrows `data`). */
export type AnyDomainEvent = { [T in DomainEventType]: EventOf<T> }[DomainEventType];

/** Events that are not part of the public contract: never sent to webhooks. */
export const INTERNAL_EVENT_TYPES: ReadonlySet<string> = new Set<DomainEventType>([
  'customer.signed_in',
  // Account mail (src/auth/account-events.ts): they carry sealed tokens, for the mail module only.
  'account.email_verification_requested',
  'account.password_reset_requested',
  'account.password_changed',
  'admin.invitation_created',
  'admin.invitation_accepted',
]);

/** The class of one catalogue entry: `new OrderPaid(storeId, { … })`. */
function eventClass<T extends DomainEventType>(type: T) {
  return class extends DomainEvent<T, DomainEventCatalogue[T]> {
    static readonly type: T = type;
    constructor(storeId: string | null, data: DomainEventCatalogue[T], origin?: DomainEventOrigin) {
      super(type, storeId, data, origin);
    }
  };
}

export class OrderPlaced extends eventClass('order.placed') {}
export class OrderPaid extends eventClass('order.paid') {}
export class OrderCancelled extends eventClass('order.cancelled') {}
export class OrderShipped extends eventClass('order.shipped') {}
export class OrderDelivered extends eventClass('order.delivered') {}
export class OrderRefunded extends eventClass('order.refunded') {}
export class ReturnRequested extends eventClass('return.requested') {}
export class ReturnReceived extends eventClass('return.received') {}
export class CustomerRegistered extends eventClass('customer.registered') {}
export class ProductCreated extends eventClass('product.created') {}
export class ProductUpdated extends eventClass('product.updated') {}
export class ProductDeleted extends eventClass('product.deleted') {}
export class InventoryLowStock extends eventClass('inventory.low_stock') {}
export class CustomerSignedIn extends eventClass('customer.signed_in') {}
