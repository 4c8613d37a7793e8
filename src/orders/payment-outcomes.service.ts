import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AuthUser } from '../auth/auth.types';
import { AppException } from '../common/errors';
import { Money } from '../common/money';
import { inTransaction } from '../database/transactions';
import { EventsService } from '../events';
import { InventoryService } from '../inventory/inventory.service';
import { PaymentsService } from '../payments/payments.service';
import { PaymentProviderName } from '../payments/payment.types';
import { Order } from './entities/order.entity';
import { OrderCancellation } from './order-cancellation.service';
import { orderPaid, orderRefunded } from './order-events';
import { afterMove, assertMove, canMove, canTransition, OrderState } from './order-state-machine';
import { OrderStatus } from './order.types';
import { OrdersService } from './orders.service';

/** What a provider payment outcome is applied with (webhooks, manual confirmation). */
export interface ProviderPayment {
  provider: PaymentProviderName;
  providerRef: string | null;
}

/** What a succeeded payment did to its order. */
export type SucceededOutcome = 'paid' | 'reinstated' | 'refund_required' | 'already_applied';

/**
 * What the payment provider reports, applied to orders: a payment succeeded (Stripe's webhook, or an
 * admin confirming a manual one), failed, or was refunded at the provider. Every method but
 * confirmManualPayment runs in the caller's transaction, on an order whose row lock the caller holds,
 * and records its events there: `order.paid` (with `inventory.low_stock` for the variants the sale
 * took to their threshold), `order.cancelled`, `order.refunded`.
 */
@Injectable()
export class PaymentOutcomes {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly cancellation: OrderCancellation,
    private readonly inventory: InventoryService,
    private readonly payments: PaymentsService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  /**
   * Manual provider: the admin confirms the payment arrived. Same effect as Stripe's success webhook:
   * the held stock is committed and the order becomes paid.
   */
  async confirmManualPayment(id: string, caller: AuthUser, meta: RequestMeta): Promise<Order> {
    await inTransaction(this.dataSource, async (tx) => {
      const order = await this.orders.lock(tx, id);
      if (await this.payments.hasPaymentWith(tx, id, 'stripe')) {
        throw new AppException(
          409,
          'PAYMENT_PROVIDER_MISMATCH',
          'This order is paid through Stripe, not manually',
        );
      }
      await this.markPaid(tx, order, { provider: 'manual', providerRef: null }, meta);
    });
    return this.orders.getForCaller(id, caller);
  }

  /** A succeeded payment (amount and currency already checked): pays, reinstates, or changes nothing. */
  async succeeded(
    tx: EntityManager,
    order: Order,
    payment: ProviderPayment,
    meta: RequestMeta,
  ): Promise<SucceededOutcome> {
    if (canMove(order, 'pay')) {
      await this.markPaid(tx, order, payment, meta);
      return 'paid';
    }
    if (canMove(order, 'reinstate')) return this.payCancelledOrder(tx, order, payment, meta);
    return 'already_applied';
  }

  /**
   * What `pay` and `reinstate` share once the stock is the order's: the new state, the succeeded
   * payment, then `order.paid` and the sale's low-stock crossings in one record() call.
   */
  private async settlePaid(
    tx: EntityManager,
    order: Order,
    payment: ProviderPayment,
    after: OrderState,
  ): Promise<void> {
    await this.orders.setState(tx, order.id, after);
    const paymentId = await this.recordSucceededPayment(tx, order, payment);
    await this.events.record(
      tx,
      orderPaid(order, paymentId, await this.orders.buyerEmail(tx, order)),
      ...(await this.inventory.lowStockCrossedBy(tx, order.id)),
    );
  }

  /**
   * pending/unpaid → paid/paid (`pay`): commits the held stock and records the succeeded payment, then
   * `order.paid` and the low-stock crossings of that sale, in one record() call.
   */
  async markPaid(
    tx: EntityManager,
    order: Order,
    payment: ProviderPayment,
    meta: RequestMeta,
  ): Promise<void> {
    assertMove(order, 'pay');
    const after = afterMove(order, 'pay');
    const committed = await this.inventory.commit(tx, order.id);
    await this.settlePaid(tx, order, payment, after);
    await this.audit.record(tx, meta, {
      action: 'order.paid',
      entityType: 'order',
      entityId: order.id,
      storeId: order.storeId,
      details: {
        provider: payment.provider,
        committedHolds: committed,
        status: { before: order.status, after: after.status },
      },
    });
  }

  /**
   * pending/unpaid → cancelled with payment `failed` (`failPayment`: the provider refused the payment,
   * or could not open it): the stock and the discount use are given back. Changes nothing and returns
   * false when the order is no longer awaiting its payment: a late failure never undoes a payment.
   */
  async failPayment(
    tx: EntityManager,
    order: Order,
    meta: RequestMeta,
    action: string,
    details: Record<string, unknown> = {},
  ): Promise<boolean> {
    if (!canMove(order, 'failPayment')) return false;
    await this.cancellation.cancelPending(tx, order, meta, action, {
      reason: 'payment_failed',
      move: 'failPayment',
      details,
    });
    return true;
  }

  /**
   * The provider reports a payment for an order that was cancelled meanwhile (reservation expired,
   * customer cancel) and whose stock was released. It must not oversell: the order's lines are sold
   * again if every one is still available, and the order becomes paid (`reinstate`, the one move
   * outside the status machine, audited as `order.reinstated`; the discount use given back at
   * cancellation is not taken again, so `maxUses` can never be exceeded). Otherwise the order stays
   * cancelled with payment `paid` (`acceptLatePayment`), audited as `payment.refund_required`, and the
   * caller refunds it (no `order.paid`: the order is not paid; its refund records `order.refunded`).
   */
  async payCancelledOrder(
    tx: EntityManager,
    order: Order,
    payment: ProviderPayment,
    meta: RequestMeta,
  ): Promise<'reinstated' | 'refund_required'> {
    assertMove(order, 'reinstate');
    const sold = await this.inventory.sellReleasedHolds(tx, order.id);
    if (sold === null) {
      const after = afterMove(order, 'acceptLatePayment');
      await this.orders.setState(tx, order.id, { paymentStatus: after.paymentStatus });
      await this.recordSucceededPayment(tx, order, payment);
      await this.audit.record(tx, meta, {
        action: 'payment.refund_required',
        entityType: 'order',
        entityId: order.id,
        storeId: order.storeId,
        details: {
          reason: 'paid after cancellation; the stock is no longer available',
          provider: payment.provider,
          providerRef: payment.providerRef,
          paymentStatus: { before: order.paymentStatus, after: after.paymentStatus },
        },
      });
      return 'refund_required';
    }
    const after = afterMove(order, 'reinstate');
    await this.settlePaid(tx, order, payment, after);
    await this.audit.record(tx, meta, {
      action: 'order.reinstated',
      entityType: 'order',
      entityId: order.id,
      storeId: order.storeId,
      details: {
        reason: 'paid after cancellation; the stock was still available',
        provider: payment.provider,
        providerRef: payment.providerRef,
        soldHolds: sold,
        discountUseRetaken: false,
        status: { before: order.status, after: after.status },
      },
    });
    return 'reinstated';
  }

  /**
   * The provider's refunded total for a payment (Stripe's `charge.refunded`: a refund made in the
   * Dashboard, or the confirmation of one made here). refunded_amount follows it (never down); a full
   * refund makes the payment and the order refunded. No restock: nobody said the goods came back.
   * `order.refunded` is recorded for money refunded at the provider that was not known here (a
   * Dashboard refund): the confirmation of a refund made here finds its amount already reserved, and
   * that refund records its own event. Returns whether anything changed.
   */
  async recordProviderRefund(
    tx: EntityManager,
    order: Order,
    paymentId: string,
    refundedTotal: Money,
    meta: RequestMeta,
  ): Promise<boolean> {
    const payment = await this.payments.findById(tx, paymentId);
    const refunded = Math.max(payment.refundedAmount, Math.min(refundedTotal, payment.amount));
    const full = refunded === payment.amount;
    const orderRefunds = full && canMove(order, 'refund');
    if (refunded === payment.refundedAmount && (!full || payment.status === 'refunded') && !orderRefunds) {
      return false;
    }
    await this.payments.recordRefundedTotal(tx, payment.id, refunded, full);
    if (refunded > payment.refundedAmount) {
      await this.events.record(
        tx,
        orderRefunded(order, { amount: refunded - payment.refundedAmount, totalRefunded: refunded, full }),
      );
    }
    const after: OrderStatus =
      orderRefunds && canTransition(order.status, 'refunded') ? 'refunded' : order.status;
    if (orderRefunds) {
      await this.orders.setState(tx, order.id, {
        status: after,
        paymentStatus: afterMove(order, 'refund').paymentStatus,
      });
    }
    await this.audit.record(tx, meta, {
      action: orderRefunds ? 'order.refunded' : 'payment.refund_recorded',
      entityType: 'order',
      entityId: order.id,
      storeId: order.storeId,
      details: {
        source: payment.provider,
        refundedAmount: { before: payment.refundedAmount, after: refunded },
        full,
        ...(orderRefunds && { status: { before: order.status, after } }),
      },
    });
    return true;
  }

  private recordSucceededPayment(tx: EntityManager, order: Order, payment: ProviderPayment): Promise<string> {
    return this.payments.recordSucceeded(tx, {
      orderId: order.id,
      provider: payment.provider,
      providerRef: payment.providerRef,
      amount: order.total,
      currency: order.currency,
    });
  }
}
