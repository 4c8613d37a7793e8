import { formatMoney, Money } from '../common/money';
import {
  OrderCancelled,
  OrderDelivered,
  OrderPaid,
  OrderPlaced,
  OrderRef,
  OrderRefunded,
  OrderShipped,
} from '../events';
import { Order } from './entities/order.entity';

/** An order as its events describe it: which store, which order, its money. */
type EventOrder = Pick<Order, 'id' | 'storeId' | 'orderNumber' | 'userId' | 'total' | 'currency'>;

/** Why an order was cancelled, as `order.cancelled` says it. */
export type CancelReason = 'customer' | 'admin' | 'expired' | 'payment_failed';

/*
 * The order events of the catalogue (src/events/catalogue.ts), built from the order row. Each is
 * recorded by the service that makes its change, in that change's transaction.
 */

function ref(order: EventOrder): OrderRef {
  return { orderId: order.id, orderNumber: order.orderNumber };
}

/** `email`: the buyer's (the guest's, or the customer's account email), where the order's mails go. */
export function orderPlaced(order: EventOrder, email: string): OrderPlaced {
  return new OrderPlaced(order.storeId, {
    ...ref(order),
    customerId: order.userId,
    email,
    total: formatMoney(order.total),
    currency: order.currency,
  });
}

/** The order's payment (its amount is the order's total: a payment of any other amount never pays it). */
export function orderPaid(order: EventOrder, paymentId: string, email: string): OrderPaid {
  return new OrderPaid(order.storeId, {
    ...ref(order),
    customerId: order.userId,
    email,
    paymentId,
    amount: formatMoney(order.total),
    currency: order.currency,
  });
}

export function orderCancelled(order: EventOrder, reason: CancelReason): OrderCancelled {
  return new OrderCancelled(order.storeId, { ...ref(order), reason });
}

/** The status route takes no tracking (all null); a fulfilment passes its own. */
export function orderShipped(
  order: EventOrder,
  tracking: { carrier: string | null; trackingNumber: string | null; trackingUrl: string | null } = {
    carrier: null,
    trackingNumber: null,
    trackingUrl: null,
  },
): OrderShipped {
  return new OrderShipped(order.storeId, {
    ...ref(order),
    carrier: tracking.carrier,
    trackingNumber: tracking.trackingNumber,
    trackingUrl: tracking.trackingUrl,
  });
}

export function orderDelivered(order: EventOrder): OrderDelivered {
  return new OrderDelivered(order.storeId, ref(order));
}

export function orderRefunded(
  order: EventOrder,
  refund: { amount: Money; totalRefunded: Money; full: boolean },
): OrderRefunded {
  return new OrderRefunded(order.storeId, {
    ...ref(order),
    amount: formatMoney(refund.amount),
    totalRefunded: formatMoney(refund.totalRefunded),
    full: refund.full,
    currency: order.currency,
  });
}
