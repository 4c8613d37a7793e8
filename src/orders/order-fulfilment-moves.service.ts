import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { EventsService } from '../events';
import { Order } from './entities/order.entity';
import { orderDelivered, orderShipped } from './order-events';
import { afterMove, assertMove, OrderMoveName } from './order-state-machine';
import { OrderStatus } from './order.types';
import { OrdersService } from './orders.service';

/** An order row locked by OrdersService.lock, as the fulfilment module holds it (read-only there). */
export type LockedOrder = Order;

/** What a shipment says about itself in `order.shipped`. */
export interface ShipmentTracking {
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
}

/**
 * The order's side of fulfilments and returns (src/fulfilment asks, in its own transaction, holding the
 * order row lock taken with OrdersService.lock): each change is a named move of the state machine, with
 * its audit row and its event (`order.shipped`, `order.delivered`) in the caller's transaction.
 */
@Injectable()
export class OrderFulfilmentMoves {
  constructor(
    private readonly orders: OrdersService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  /** 409 INVALID_TRANSITION unless a fulfilment may be created now (paid or processing, still paid). */
  assertFulfillable(order: LockedOrder): void {
    assertMove(order, order.status === 'paid' ? 'startFulfilment' : 'shipAll');
  }

  /**
   * A fulfilment was created: the order is `processing` while partly shipped, `shipped` once every unit
   * is (then `order.shipped` with this shipment's tracking). Returns the status after.
   */
  async shipped(
    tx: EntityManager,
    order: LockedOrder,
    everything: boolean,
    tracking: ShipmentTracking,
    meta: RequestMeta,
  ): Promise<OrderStatus> {
    let state: LockedOrder = order;
    if (state.status === 'paid') state = await this.move(tx, state, 'startFulfilment', meta);
    if (everything) {
      state = await this.move(tx, state, 'shipAll', meta);
      await this.events.record(tx, orderShipped(order, tracking));
    }
    return state.status;
  }

  /** Every fulfilment of a shipped order was delivered: `delivered`, `order.delivered`. */
  async delivered(tx: EntityManager, order: LockedOrder, meta: RequestMeta): Promise<OrderStatus> {
    const after = await this.move(tx, order, 'deliver', meta);
    await this.events.record(tx, orderDelivered(order));
    return after.status;
  }

  /** Everything came back (the returns' refunds record `order.refunded`): `refunded`, when still with the buyer. */
  async everythingReturned(tx: EntityManager, order: LockedOrder, meta: RequestMeta): Promise<OrderStatus> {
    if (order.status === 'refunded') return order.status;
    return (await this.move(tx, order, 'returnAll', meta)).status;
  }

  private async move(
    tx: EntityManager,
    order: LockedOrder,
    move: OrderMoveName,
    meta: RequestMeta,
  ): Promise<LockedOrder> {
    assertMove(order, move);
    const after = afterMove(order, move);
    await this.orders.setState(tx, order.id, { status: after.status });
    await this.audit.record(tx, meta, {
      action: 'order.status_changed',
      entityType: 'order',
      entityId: order.id,
      storeId: order.storeId,
      details: { status: { before: order.status, after: after.status }, by: move },
    });
    return { ...order, status: after.status };
  }
}
