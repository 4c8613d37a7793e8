import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { DiscountsService } from '../discounts/discounts.service';
import { EventsService, OrderCancelled } from '../events';
import { InventoryService } from '../inventory/inventory.service';
import { PaymentsService } from '../payments/payments.service';
import { PaymentProviderName } from '../payments/payment.types';
import { Order } from './entities/order.entity';
import { CancelReason, orderCancelled } from './order-events';
import { afterMove, assertMove } from './order-state-machine';
import { OrdersService } from './orders.service';

/** How a pending order is cancelled: the move, why (`order.cancelled`'s reason), the audit details. */
export interface CancelOptions {
  reason: CancelReason;
  move?: 'cancelUnpaid' | 'failPayment';
  details?: Record<string, unknown>;
}

/**
 * Cancelling a pending, unpaid order (customer, admin, expiry, failed payment): its stock and
 * discount use are given back, its pending payment settled and `order.cancelled` recorded, in the
 * caller's transaction; after the commit its remote payment is withdrawn. Shared by
 * OrderTransitions, PaymentOutcomes and the ReservationSweeper.
 */
@Injectable()
export class OrderCancellation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly inventory: InventoryService,
    private readonly discounts: DiscountsService,
    private readonly payments: PaymentsService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  /**
   * pending/unpaid → cancelled (`cancelUnpaid`), or → cancelled with payment `failed` (`failPayment`).
   * The caller holds the order's row lock and checked nothing: the move's guard is asserted here.
   */
  async cancelPending(
    tx: EntityManager,
    order: Order,
    meta: RequestMeta,
    action: string,
    options: CancelOptions,
  ): Promise<void> {
    await this.events.record(tx, await this.cancel(tx, order, meta, action, options));
  }

  /** cancelPending for several orders (the sweeper's batch), their events in one record() call. */
  async cancelAllPending(
    tx: EntityManager,
    orders: Order[],
    meta: RequestMeta,
    action: string,
    options: CancelOptions,
  ): Promise<void> {
    const events: OrderCancelled[] = [];
    for (const order of orders) events.push(await this.cancel(tx, order, meta, action, options));
    await this.events.record(tx, ...events);
  }

  /** The cancellation's writes; returns its event, which the caller records. */
  private async cancel(
    tx: EntityManager,
    order: Order,
    meta: RequestMeta,
    action: string,
    options: CancelOptions,
  ): Promise<OrderCancelled> {
    const move = options.move ?? 'cancelUnpaid';
    assertMove(order, move);
    const failed = move === 'failPayment';
    const after = afterMove(order, move);
    const released = await this.inventory.release(tx, order.id);
    if (order.discountId) await this.discounts.release(tx, order.discountId);
    await this.orders.setState(tx, order.id, {
      status: after.status,
      ...(failed && { paymentStatus: after.paymentStatus }),
    });
    await this.payments.settlePending(tx, order.id, failed ? 'failed' : 'cancelled');
    await this.audit.record(tx, meta, {
      action,
      entityType: 'order',
      entityId: order.id,
      storeId: order.storeId,
      details: {
        ...options.details,
        status: { before: order.status, after: after.status },
        ...(failed && { paymentStatus: { before: order.paymentStatus, after: after.paymentStatus } }),
        releasedHolds: released,
        discountUseReturned: order.discountId !== null,
      },
    });
    return orderCancelled(order, options.reason);
  }

  /**
   * After cancelled orders committed: withdraws their open remote payments (a Stripe PaymentIntent), so
   * the customer can no longer pay for an order that is gone. Best effort and outside any transaction:
   * a payment that succeeds anyway (too late to cancel, or the provider unreachable now) reaches us as a
   * webhook and is settled by PaymentOutcomes (re-sold while stock allows, refunded otherwise). The
   * outcome is audited either way.
   */
  async withdrawPayments(orders: Order[], meta: RequestMeta): Promise<void> {
    for (const order of orders) {
      if (!order.paymentIntentId || !order.paymentMethod) continue;
      const provider = order.paymentMethod as PaymentProviderName;
      const outcome = await this.payments.withdraw(provider, order.paymentIntentId, order.id);
      if (outcome === null) continue;
      await this.audit.record(this.dataSource.manager, meta, {
        action: {
          cancelled: 'payment.withdrawn',
          too_late: 'payment.withdraw_too_late',
          failed: 'payment.withdraw_failed',
        }[outcome],
        entityType: 'order',
        entityId: order.id,
        storeId: order.storeId,
        details: { provider, providerRef: order.paymentIntentId },
      });
    }
  }
}
