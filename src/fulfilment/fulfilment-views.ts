import { formatMoney } from '../common/money';
import { OrderFulfillmentResponse, OrderReturnResponse } from '../orders/dto/order-fulfilment.dto';
import { ReturnResponse } from './dto/return.dto';
import { Fulfillment } from './entities/fulfillment.entity';
import { OrderReturn } from './entities/order-return.entity';

/** A fulfilment as the order view shows it (`items` must be loaded). */
export function fulfillmentView(f: Fulfillment): OrderFulfillmentResponse {
  return {
    id: f.id,
    items: [...(f.items ?? [])]
      .sort((a, b) => a.orderItemId.localeCompare(b.orderItemId))
      .map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    carrier: f.carrier,
    trackingNumber: f.trackingNumber,
    trackingUrl: f.trackingUrl,
    status: f.status,
    shippedAt: f.shippedAt.toISOString(),
    deliveredAt: f.deliveredAt?.toISOString() ?? null,
  };
}

/** A return as the order view shows it (`items` must be loaded). */
export function orderReturnView(r: OrderReturn): OrderReturnResponse {
  return {
    id: r.id,
    status: r.status,
    reason: r.reason,
    items: [...(r.items ?? [])]
      .sort((a, b) => a.orderItemId.localeCompare(b.orderItemId))
      .map((i) => ({
        orderItemId: i.orderItemId,
        quantity: i.quantity,
        receivedQuantity: i.receivedQuantity,
        restock: i.restock,
      })),
    refundAmount: r.refundAmount === null ? null : formatMoney(r.refundAmount),
    createdAt: r.createdAt.toISOString(),
    receivedAt: r.receivedAt?.toISOString() ?? null,
  };
}

/** A return as the return routes answer it. */
export function returnView(r: OrderReturn): ReturnResponse {
  return {
    ...orderReturnView(r),
    orderId: r.orderId,
    storeId: r.storeId,
    updatedAt: r.updatedAt.toISOString(),
  };
}
