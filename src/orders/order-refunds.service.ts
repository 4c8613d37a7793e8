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
import { PaymentRecord, PaymentsService } from '../payments/payments.service';
import { PaymentProviderError, PaymentProviderException } from '../payments/providers/payment-provider';
import { RefundOrderDto } from './dto/order.dto';
import { Order } from './entities/order.entity';
import { orderCancelled, orderRefunded } from './order-events';
import { afterMove, assertMove, assertTransition, canTransition } from './order-state-machine';
import { OrderStatus } from './order.types';
import { OrdersService } from './orders.service';

/** A refund checked against the order and its payment (step 1 of a refund). */
interface RefundPlan {
  /** The succeeded payment being refunded; null for an order paid without a payment row. */
  payment: PaymentRecord | null;
  amount: Money;
  alreadyRefunded: Money;
  full: boolean;
  finalStatus: 'refunded' | 'cancelled';
}

/**
 * A refund of some lines (a received return, src/fulfilment), planned in the caller's transaction: the
 * same checks and the same refunded_amount reservation as every other refund, so lines and admin refunds
 * racing never give back more than was paid.
 */
export interface LineRefundPlan {
  orderId: string;
  payment: PaymentRecord | null;
  amount: Money;
  alreadyRefunded: Money;
  /** Whether this refund gives back everything left of the payment. */
  full: boolean;
  /** The provider's idempotency key (`return:<id>`): the same refund whatever retries it. */
  idempotencyKey: string;
}

/**
 * Refunds of paid orders (the admin route, cancelling a paid order, and a payment that arrived for an
 * order whose stock is gone). The money moves through PaymentsService; the order's state, the restock,
 * the audit row and the events here: `order.refunded` for every refund, partial ones included, and
 * `order.cancelled` (reason `admin`) too when the refund cancels a paid order.
 */
@Injectable()
export class OrderRefunds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly inventory: InventoryService,
    private readonly payments: PaymentsService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  /** Full or partial refund of a paid order; `restock` puts the quantities back (full refunds only). */
  async refund(id: string, dto: RefundOrderDto, caller: AuthUser, meta: RequestMeta): Promise<Order> {
    await this.refundThroughProvider(id, dto, meta, 'refunded');
    return this.orders.getForCaller(id, caller);
  }

  /**
   * A refund in three steps, so that no lock is held during the provider's HTTP call:
   * 1. transaction: lock the order, check the refund, and reserve its amount on the payment row
   *    (refunded_amount grows now, so a concurrent refund sees it and cannot over-refund);
   * 2. the provider call, with an idempotency key made of the payment id and the amounts: retrying the
   *    same refund after a timeout is the same refund at Stripe, never a second one;
   * 3. transaction: the order's state change, restock and audit row.
   * If the provider fails, the reserved amount is given back and the caller gets 502
   * PAYMENT_PROVIDER_ERROR. A process that dies between 1 and 3 leaves the amount reserved and the
   * order paid; Stripe's `charge.refunded` webhook then completes a full refund.
   */
  async refundThroughProvider(
    id: string,
    dto: RefundOrderDto,
    meta: RequestMeta,
    finalStatus: 'refunded' | 'cancelled',
  ): Promise<void> {
    const plan = await inTransaction(this.dataSource, async (tx) => {
      const order = await this.orders.lock(tx, id);
      const checked = await this.planRefund(tx, order, dto, finalStatus);
      if (!checked.payment) {
        // Paid without a payment row: no provider to call, apply at once.
        await this.applyRefund(tx, order, checked, dto, meta, null);
        return null;
      }
      await this.payments.reserveRefund(tx, checked.payment, checked.amount);
      return checked;
    });
    const payment = plan?.payment;
    if (!plan || !payment) return;

    let refundRef: string | null;
    try {
      ({ refundRef } = await this.payments.refundAtProvider(payment, plan.amount, plan.alreadyRefunded));
    } catch (error) {
      await this.payments.releaseRefund(payment.id, plan.amount);
      if (error instanceof PaymentProviderError) {
        throw new PaymentProviderException(
          'The payment provider did not accept the refund; nothing was refunded',
          { provider: payment.provider },
        );
      }
      throw error;
    }

    await inTransaction(this.dataSource, async (tx) => {
      const order = await this.orders.lock(tx, id);
      await this.applyRefund(tx, order, plan, dto, meta, refundRef);
    });
  }

  /**
   * Step 1 of a refund of lines, in the caller's transaction (which locked the order with
   * OrdersService.lock): checks it against what is left of the payment and reserves it there.
   * 409 INVALID_TRANSITION when the order is not paid, REFUND_EXCEEDS_PAYMENT when too little is left.
   */
  async planLineRefund(
    tx: EntityManager,
    order: Order,
    amount: Money,
    idempotencyKey: string,
  ): Promise<LineRefundPlan> {
    assertMove(order, 'refund');
    const payment = await this.payments.latestSucceeded(tx, order.id);
    const paid: Money = payment?.amount ?? order.total;
    const alreadyRefunded: Money = payment?.refundedAmount ?? 0;
    const remaining = paid - alreadyRefunded;
    if (amount > remaining || (amount > 0 && remaining <= 0)) {
      throw new AppException(
        409,
        'REFUND_EXCEEDS_PAYMENT',
        'The refund is larger than what is left to refund',
        {
          remaining,
        },
      );
    }
    if (payment && amount > 0) await this.payments.reserveRefund(tx, payment, amount);
    return {
      orderId: order.id,
      payment,
      amount,
      alreadyRefunded,
      full: amount === remaining,
      idempotencyKey,
    };
  }

  /**
   * Step 1 again for a line refund whose caller died after reserving `amount` (still on the payment's
   * refunded_amount): the same plan, nothing reserved twice. The provider call then reuses its
   * idempotency key, so a refund that did reach the provider is answered, not repeated. A payment no
   * longer `succeeded` (Stripe's charge.refunded settled it meanwhile) needs no provider call.
   */
  async resumeLineRefund(
    tx: EntityManager,
    order: Order,
    amount: Money,
    idempotencyKey: string,
  ): Promise<LineRefundPlan> {
    const payment = await this.payments.latestSucceeded(tx, order.id);
    return {
      orderId: order.id,
      payment,
      amount,
      alreadyRefunded: payment ? payment.refundedAmount - amount : 0,
      full: payment ? payment.refundedAmount >= payment.amount : false,
      idempotencyKey,
    };
  }

  /**
   * Step 2, outside any transaction: the provider call (nothing to call for a zero amount or an order
   * without a payment row). On failure the reservation is given back and 502 PAYMENT_PROVIDER_ERROR thrown.
   */
  async refundLinesAtProvider(plan: LineRefundPlan): Promise<string | null> {
    const payment = plan.payment;
    if (!payment || plan.amount === 0) return null;
    try {
      const { refundRef } = await this.payments.refundAtProvider(
        payment,
        plan.amount,
        plan.alreadyRefunded,
        plan.idempotencyKey,
      );
      return refundRef;
    } catch (error) {
      await this.payments.releaseRefund(payment.id, plan.amount);
      if (error instanceof PaymentProviderError) {
        throw new PaymentProviderException(
          'The payment provider did not accept the refund; nothing was refunded',
          { provider: payment.provider },
        );
      }
      throw error;
    }
  }

  /**
   * Step 3, in the caller's transaction on the freshly locked order: a refund of everything left makes
   * the payment `refunded` (and the order `refunded` where the machine allows); audit row and
   * `order.refunded` as for every refund. `details` go into the audit row (e.g. the return's id).
   */
  async applyLineRefund(
    tx: EntityManager,
    order: Order,
    plan: LineRefundPlan,
    meta: RequestMeta,
    refundRef: string | null,
    details: Record<string, unknown>,
  ): Promise<void> {
    if (plan.amount === 0) return;
    let after: OrderStatus = order.status;
    if (plan.full) {
      if (plan.payment) await this.payments.markRefunded(tx, plan.payment.id);
      if (canTransition(order.status, 'refunded')) after = 'refunded';
      await this.orders.setState(tx, order.id, {
        status: after,
        ...(order.paymentStatus === 'paid' && { paymentStatus: afterMove(order, 'refund').paymentStatus }),
      });
    }
    await this.audit.record(tx, meta, {
      action: 'order.refunded',
      entityType: 'order',
      entityId: order.id,
      storeId: order.storeId,
      details: {
        ...details,
        amount: plan.amount,
        full: plan.full,
        provider: plan.payment?.provider ?? null,
        refundRef,
        ...(after !== order.status && { status: { before: order.status, after } }),
      },
    });
    await this.events.record(
      tx,
      orderRefunded(order, {
        amount: plan.amount,
        totalRefunded: plan.alreadyRefunded + plan.amount,
        full: plan.full,
      }),
    );
  }

  /** Step 1 of a refund: every check, on the locked order; nothing is written. */
  private async planRefund(
    tx: EntityManager,
    order: Order,
    dto: RefundOrderDto,
    finalStatus: 'refunded' | 'cancelled',
  ): Promise<RefundPlan> {
    assertMove(order, 'refund');
    const payment = await this.payments.latestSucceeded(tx, order.id);
    const paid: Money = payment?.amount ?? order.total;
    const alreadyRefunded: Money = payment?.refundedAmount ?? 0;
    const remaining = paid - alreadyRefunded;
    const amount = dto.amount ?? remaining;
    // remaining 0 while still paid: another refund of the rest is in flight.
    if (amount > remaining || remaining <= 0) {
      throw new AppException(
        409,
        'REFUND_EXCEEDS_PAYMENT',
        'The refund is larger than what is left to refund',
        {
          remaining,
        },
      );
    }
    const full = amount === remaining;
    if (dto.restock && !full) {
      throw new AppException(400, 'VALIDATION_FAILED', 'restock is only possible with a full refund', [
        { field: 'restock', errors: ['needs a full refund'] },
      ]);
    }
    // An order cancelled before its payment arrived (payment.refund_required) stays cancelled.
    const target = order.status === 'cancelled' ? 'cancelled' : finalStatus;
    if (full && target !== order.status) assertTransition(order.status, target);
    return { payment, amount, alreadyRefunded, full, finalStatus: target };
  }

  /**
   * Step 3 of a refund (the money has moved): state change, restock, audit, events, on the freshly
   * locked order. Tolerates what happened meanwhile (a `charge.refunded` webhook already marked it
   * refunded, an admin shipped it): the refund is recorded either way.
   */
  private async applyRefund(
    tx: EntityManager,
    order: Order,
    plan: RefundPlan,
    dto: RefundOrderDto,
    meta: RequestMeta,
    refundRef: string | null,
  ): Promise<void> {
    let after: OrderStatus = order.status;
    let restocked = 0;
    if (plan.full) {
      if (plan.payment) await this.payments.markRefunded(tx, plan.payment.id);
      if (order.status !== plan.finalStatus && canTransition(order.status, plan.finalStatus)) {
        after = plan.finalStatus;
      } else if (order.status !== plan.finalStatus && canTransition(order.status, 'refunded')) {
        after = 'refunded';
      }
      await this.orders.setState(tx, order.id, {
        status: after,
        paymentStatus: afterMove(order, 'refund').paymentStatus,
      });
      // The order left pending only by committing its holds: put exactly those quantities back.
      if (dto.restock) restocked = await this.inventory.restockCommitted(tx, order.id);
    }
    await this.audit.record(tx, meta, {
      action:
        plan.finalStatus === 'cancelled' && order.status !== 'cancelled'
          ? 'order.cancelled'
          : 'order.refunded',
      entityType: 'order',
      entityId: order.id,
      storeId: order.storeId,
      details: {
        amount: plan.amount,
        full: plan.full,
        restockedVariants: restocked,
        provider: plan.payment?.provider ?? null,
        refundRef,
        ...(plan.full && after !== order.status && { status: { before: order.status, after } }),
      },
    });
    const refunded = orderRefunded(order, {
      amount: plan.amount,
      totalRefunded: plan.alreadyRefunded + plan.amount,
      full: plan.full,
    });
    await this.events.record(
      tx,
      refunded,
      ...(after === 'cancelled' && order.status !== 'cancelled' ? [orderCancelled(order, 'admin')] : []),
    );
  }
}
