import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { ADMIN_ROLES, AuthUser } from '../auth/auth.types';
import { AppException } from '../common/errors';
import { formatMoney, Money } from '../common/money';
import { offsetOf, Paginated, paginated, PaginationQuery } from '../common/pagination';
import { inTransaction } from '../database/transactions';
import { DiscountsService } from '../discounts/discounts.service';
import { InventoryService } from '../inventory/inventory.service';
import { Payment } from '../payments/entities/payment.entity';
import { PaymentProviderError, PaymentProviderException } from '../payments/providers/payment-provider';
import { PaymentProviders } from '../payments/providers/payment-providers';
import { AdminListOrdersQuery, RefundOrderDto } from './dto/order.dto';
import { Order } from './entities/order.entity';
import { assertTransition, canTransition } from './order-state-machine';
import { OrderStatus } from './order.types';

/** Meta of changes the system makes by itself (the reservation sweeper). */
export const SYSTEM_META: RequestMeta = { userId: null, ipAddress: null, userAgent: null };

const ORDER_RELATIONS = { items: true, shippingAddress: true } as const;

/** A refund checked against the order and its payment (step 1 of a refund). */
interface RefundPlan {
  /** The succeeded payment being refunded; null for an order paid without a payment row. */
  payment: Payment | null;
  amount: Money;
  alreadyRefunded: Money;
  full: boolean;
  finalStatus: 'refunded' | 'cancelled';
}

/** What a provider payment outcome is applied with (webhooks). */
export interface ProviderPayment {
  provider: Payment['provider'];
  providerRef: string | null;
}

/**
 * Orders after checkout: reading them, and every state change along the state machine. Each change
 * locks the order row (SELECT … FOR UPDATE), checks the transition, moves stock and discount uses
 * through their services and writes its audit row, all in one transaction: two concurrent changes of
 * one order are serialised, and the second sees the first's result.
 */
@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly inventory: InventoryService,
    private readonly discounts: DiscountsService,
    private readonly audit: AuditService,
    private readonly providers: PaymentProviders,
  ) {}

  async listForCustomer(userId: string, query: PaginationQuery): Promise<Paginated<Order>> {
    const [items, total] = await this.dataSource.getRepository(Order).findAndCount({
      where: { userId },
      relations: ORDER_RELATIONS,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
    return paginated(items, total, query);
  }

  async listForStore(storeId: string, query: AdminListOrdersQuery): Promise<Paginated<Order>> {
    const qb = this.dataSource
      .getRepository(Order)
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.items', 'items')
      .leftJoinAndSelect('o.shippingAddress', 'address')
      .where('o.storeId = :storeId', { storeId })
      .orderBy('o.createdAt', 'DESC')
      .addOrderBy('o.id', 'ASC')
      .skip(offsetOf(query))
      .take(query.limit);
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    if (query.customerId) qb.andWhere('o.userId = :customerId', { customerId: query.customerId });
    if (query.from) qb.andWhere('o.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('o.createdAt < :to', { to: new Date(query.to) });
    const [items, total] = await qb.getManyAndCount();
    return paginated(items, total, query);
  }

  /** The order if the caller owns it or is an admin; 404 otherwise (a customer never learns it exists). */
  async getForCaller(id: string, caller: AuthUser): Promise<Order> {
    const isAdmin = ADMIN_ROLES.includes(caller.role);
    const order = await this.dataSource.getRepository(Order).findOne({
      where: isAdmin ? { id } : { id, userId: caller.id },
      relations: ORDER_RELATIONS,
    });
    if (!order) throw notFound();
    return order;
  }

  /** The customer cancels their own pending, unpaid order: stock and discount use are given back. */
  async cancelByCustomer(id: string, caller: AuthUser, meta: RequestMeta): Promise<Order> {
    const cancelled = await inTransaction(this.dataSource, async (tx) => {
      const order = await this.lockOrder(tx, id, caller.id);
      if (order.status !== 'pending' || order.paymentStatus !== 'unpaid') {
        assertTransition(order.status, 'cancelled');
        throw new AppException(409, 'INVALID_TRANSITION', 'Only an unpaid pending order can be cancelled');
      }
      await this.cancelPending(tx, order, meta, 'order.cancelled');
      return order;
    });
    await this.withdrawPayments([cancelled], meta);
    return this.getForCaller(id, caller);
  }

  /** Admin status change along the state machine (processing, shipped, delivered, cancelled). */
  async changeStatus(id: string, to: OrderStatus, caller: AuthUser, meta: RequestMeta): Promise<Order> {
    // What is left to do once the transaction committed: a refund (cancelling a paid order), or
    // withdrawing the provider payment of a cancelled pending one.
    const next = await inTransaction(this.dataSource, async (tx): Promise<'refund' | Order | null> => {
      const order = await this.lockOrder(tx, id);
      assertTransition(order.status, to);
      if (to === 'cancelled' && order.status === 'pending') {
        await this.cancelPending(tx, order, meta, 'order.cancelled');
        return order;
      }
      // A paid order that is cancelled gets its money and its stock back: a refund through the
      // provider, which must not run inside this transaction.
      if (to === 'cancelled') return 'refund';
      await tx.getRepository(Order).update({ id }, { status: to });
      await this.audit.record(tx, meta, {
        action: 'order.status_changed',
        entityType: 'order',
        entityId: id,
        storeId: order.storeId,
        details: { status: { before: order.status, after: to } },
      });
      return null;
    });
    if (next === 'refund') await this.refundThroughProvider(id, { restock: true }, meta, 'cancelled');
    else if (next) await this.withdrawPayments([next], meta);
    return this.getForCaller(id, caller);
  }

  /**
   * Manual provider: the admin confirms the payment arrived. Same effect as Stripe's success webhook:
   * the held stock is committed and the order becomes paid.
   */
  async confirmManualPayment(id: string, caller: AuthUser, meta: RequestMeta): Promise<Order> {
    await inTransaction(this.dataSource, async (tx) => {
      const order = await this.lockOrder(tx, id);
      const other = await tx
        .getRepository(Payment)
        .findOne({ where: { orderId: id, provider: 'stripe' }, select: { id: true } });
      if (other) {
        throw new AppException(
          409,
          'PAYMENT_PROVIDER_MISMATCH',
          'This order is paid through Stripe, not manually',
        );
      }
      await this.markPaid(tx, order, { provider: 'manual', providerRef: null }, meta);
    });
    return this.getForCaller(id, caller);
  }

  /** Full or partial refund of a paid order; `restock` puts the quantities back (full refunds only). */
  async refund(id: string, dto: RefundOrderDto, caller: AuthUser, meta: RequestMeta): Promise<Order> {
    await this.refundThroughProvider(id, dto, meta, 'refunded');
    return this.getForCaller(id, caller);
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
      const order = await this.lockOrder(tx, id);
      const checked = await this.planRefund(tx, order, dto, finalStatus);
      if (!checked.payment) {
        // Paid without a payment row: no provider to call, apply at once.
        await this.applyRefund(tx, order, checked, dto, meta, null);
        return null;
      }
      await tx
        .getRepository(Payment)
        .update({ id: checked.payment.id }, { refundedAmount: checked.alreadyRefunded + checked.amount });
      return checked;
    });
    const payment = plan?.payment;
    if (!plan || !payment) return;

    let refundRef: string | null;
    try {
      ({ refundRef } = await this.providers.get(payment.provider).refund({
        providerRef: payment.providerRef,
        amount: plan.amount,
        currency: payment.currency,
        idempotencyKey: `refund:${payment.id}:${plan.alreadyRefunded}:${plan.amount}`,
      }));
    } catch (error) {
      await inTransaction(this.dataSource, (tx) =>
        tx.query(`UPDATE payments SET refunded_amount = refunded_amount - $2::numeric WHERE id = $1`, [
          payment.id,
          formatMoney(plan.amount),
        ]),
      );
      if (error instanceof PaymentProviderError) {
        throw new PaymentProviderException(
          'The payment provider did not accept the refund; nothing was refunded',
          {
            provider: payment.provider,
          },
        );
      }
      throw error;
    }

    await inTransaction(this.dataSource, async (tx) => {
      const order = await this.lockOrder(tx, id);
      await this.applyRefund(tx, order, plan, dto, meta, refundRef);
    });
  }

  /**
   * pending/unpaid → paid/paid: commits the held stock and records the succeeded payment. Shared with
   * the payment webhooks; the caller holds the order's row lock.
   */
  async markPaid(
    tx: EntityManager,
    order: Order,
    payment: ProviderPayment,
    meta: RequestMeta,
  ): Promise<void> {
    if (order.status !== 'pending' || order.paymentStatus !== 'unpaid') {
      assertTransition(order.status, 'paid');
      throw new AppException(
        409,
        'INVALID_TRANSITION',
        `An order with payment ${order.paymentStatus} cannot be paid`,
      );
    }
    const committed = await this.inventory.commit(tx, order.id);
    await tx.getRepository(Order).update({ id: order.id }, { status: 'paid', paymentStatus: 'paid' });
    await this.recordSucceededPayment(tx, order, payment);
    await this.audit.record(tx, meta, {
      action: 'order.paid',
      entityType: 'order',
      entityId: order.id,
      storeId: order.storeId,
      details: {
        provider: payment.provider,
        committedHolds: committed,
        status: { before: order.status, after: 'paid' },
      },
    });
  }

  /**
   * Cancels pending orders older than `ttlMinutes`, releasing their stock and discount uses. Claims
   * rows with FOR UPDATE SKIP LOCKED, so several app instances can sweep at once without releasing
   * anything twice (and a customer's concurrent cancel simply wins or loses the row lock).
   */
  async expireStale(ttlMinutes: number, batchSize = 100): Promise<number> {
    let expired = 0;
    for (;;) {
      const batch = await inTransaction(this.dataSource, async (tx) => {
        const stale = await tx
          .getRepository(Order)
          .createQueryBuilder('o')
          .where(`o.status = 'pending' AND o.paymentStatus = 'unpaid'`)
          .andWhere(`o.createdAt < now() - make_interval(mins => :ttl)`, { ttl: ttlMinutes })
          .orderBy('o.createdAt', 'ASC')
          .limit(batchSize)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        for (const order of stale) {
          await this.cancelPending(tx, order, SYSTEM_META, 'order.expired');
        }
        return stale;
      });
      await this.withdrawPayments(batch, SYSTEM_META);
      expired += batch.length;
      if (batch.length < batchSize) return expired;
    }
  }

  /** The order row locked for the caller's transaction, or null when there is none. */
  findLocked(tx: EntityManager, id: string): Promise<Order | null> {
    return tx.getRepository(Order).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * pending/unpaid → cancelled with payment `failed` (the provider refused the payment, or could not
   * open it): the stock and the discount use are given back. Changes nothing and returns false when
   * the order is no longer pending and unpaid: a late failure never undoes a payment. The caller
   * holds the order's row lock.
   */
  async failPayment(
    tx: EntityManager,
    order: Order,
    meta: RequestMeta,
    action: string,
    details: Record<string, unknown> = {},
  ): Promise<boolean> {
    if (order.status !== 'pending' || order.paymentStatus !== 'unpaid') return false;
    await this.cancelPending(tx, order, meta, action, { paymentOutcome: 'failed', details });
    return true;
  }

  /**
   * The provider reports a payment for an order that was cancelled meanwhile (reservation expired,
   * customer cancel) and whose stock was released. It must not oversell: the order's lines are sold
   * again if every one is still available, and the order becomes paid (the one move outside the state
   * machine, audited as `order.reinstated`; the discount use given back at cancellation is not taken
   * again, so `maxUses` can never be exceeded). Otherwise the order stays cancelled with payment
   * `paid`, audited as `payment.refund_required`, and the caller refunds it. The caller holds the
   * order's row lock.
   */
  async payCancelledOrder(
    tx: EntityManager,
    order: Order,
    payment: ProviderPayment,
    meta: RequestMeta,
  ): Promise<'reinstated' | 'refund_required'> {
    const holds = await tx.query<Array<{ id: string; variant_id: string; quantity: number }>>(
      `SELECT id, variant_id, quantity FROM inventory_reservations
        WHERE order_id = $1 AND status = 'released' ORDER BY variant_id`,
      [order.id],
    );
    await tx.query(`SAVEPOINT sell_cancelled_order`);
    let sold = holds.length > 0;
    for (const hold of holds) {
      // A direct sale of what is free (quantity − reserved), like commit_inventory but without a hold
      // in between; the released hold becomes the committed one, so a later restock finds it.
      const [, taken] = await tx.query<[unknown[], number]>(
        `UPDATE inventory SET quantity = quantity - $2 WHERE variant_id = $1 AND quantity - reserved >= $2`,
        [hold.variant_id, hold.quantity],
      );
      if (taken !== 1) {
        sold = false;
        break;
      }
      await tx.query(
        `UPDATE inventory_reservations SET status = 'committed', settled_at = now() WHERE id = $1`,
        [hold.id],
      );
    }
    if (!sold) {
      await tx.query(`ROLLBACK TO SAVEPOINT sell_cancelled_order`);
      await tx.getRepository(Order).update({ id: order.id }, { paymentStatus: 'paid' });
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
          paymentStatus: { before: order.paymentStatus, after: 'paid' },
        },
      });
      return 'refund_required';
    }
    await tx.query(`RELEASE SAVEPOINT sell_cancelled_order`);
    await tx.getRepository(Order).update({ id: order.id }, { status: 'paid', paymentStatus: 'paid' });
    await this.recordSucceededPayment(tx, order, payment);
    await this.audit.record(tx, meta, {
      action: 'order.reinstated',
      entityType: 'order',
      entityId: order.id,
      storeId: order.storeId,
      details: {
        reason: 'paid after cancellation; the stock was still available',
        provider: payment.provider,
        providerRef: payment.providerRef,
        soldHolds: holds.length,
        discountUseRetaken: false,
        status: { before: order.status, after: 'paid' },
      },
    });
    return 'reinstated';
  }

  /**
   * The provider's refunded total for a payment (Stripe's `charge.refunded`: a refund made in the
   * Dashboard, or the confirmation of one made here). refunded_amount follows it (never down); a full
   * refund makes the payment and the order refunded. No restock: nobody said the goods came back.
   * Returns whether anything changed. The caller holds the order's row lock.
   */
  async recordProviderRefund(
    tx: EntityManager,
    order: Order,
    paymentId: string,
    refundedTotal: Money,
    meta: RequestMeta,
  ): Promise<boolean> {
    const payments = tx.getRepository(Payment);
    const payment = await payments.findOneOrFail({ where: { id: paymentId } });
    const refunded = Math.max(payment.refundedAmount, Math.min(refundedTotal, payment.amount));
    const full = refunded === payment.amount;
    const orderRefunds = full && order.paymentStatus === 'paid';
    if (refunded === payment.refundedAmount && (!full || payment.status === 'refunded') && !orderRefunds) {
      return false;
    }
    await payments.update(
      { id: payment.id },
      { refundedAmount: refunded, ...(full && { status: 'refunded' }) },
    );
    const after: OrderStatus =
      orderRefunds && canTransition(order.status, 'refunded') ? 'refunded' : order.status;
    if (orderRefunds) {
      await tx.getRepository(Order).update({ id: order.id }, { status: after, paymentStatus: 'refunded' });
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

  /** The order's payment with this provider becomes `succeeded` (inserted if checkout left none). */
  private async recordSucceededPayment(
    tx: EntityManager,
    order: Order,
    payment: ProviderPayment,
  ): Promise<void> {
    const payments = tx.getRepository(Payment);
    const existing = await payments.findOne({ where: { orderId: order.id, provider: payment.provider } });
    if (existing) {
      await payments.update(
        { id: existing.id },
        { status: 'succeeded', ...(payment.providerRef && { providerRef: payment.providerRef }) },
      );
    } else {
      await payments.insert({
        orderId: order.id,
        provider: payment.provider,
        providerRef: payment.providerRef,
        amount: order.total,
        currency: order.currency,
        status: 'succeeded',
      });
    }
  }

  /**
   * After cancelled orders committed: withdraws their open remote payments (a Stripe PaymentIntent), so
   * the customer can no longer pay for an order that is gone. Best effort and outside any transaction:
   * a payment that succeeds anyway (too late to cancel, or the provider unreachable now) reaches us as a
   * webhook and is settled by payCancelledOrder (re-sold while stock allows, refunded otherwise). The
   * outcome is audited either way.
   */
  private async withdrawPayments(orders: Order[], meta: RequestMeta): Promise<void> {
    for (const order of orders) {
      if (!order.paymentIntentId || !order.paymentMethod) continue;
      const provider = this.providers.get(order.paymentMethod as Payment['provider']);
      if (!provider.remote) continue;
      const input = { providerRef: order.paymentIntentId, orderId: order.id };
      const outcome = await provider.cancel(input).catch((error: unknown) => {
        this.logger.warn(`Could not withdraw the payment of cancelled order ${order.id}: ${String(error)}`);
        return 'failed' as const;
      });
      await this.audit.record(this.dataSource.manager, meta, {
        action: {
          cancelled: 'payment.withdrawn',
          too_late: 'payment.withdraw_too_late',
          failed: 'payment.withdraw_failed',
        }[outcome],
        entityType: 'order',
        entityId: order.id,
        storeId: order.storeId,
        details: { provider: provider.name, providerRef: order.paymentIntentId },
      });
    }
  }

  private async cancelPending(
    tx: EntityManager,
    order: Order,
    meta: RequestMeta,
    action: string,
    options: { paymentOutcome?: 'cancelled' | 'failed'; details?: Record<string, unknown> } = {},
  ): Promise<void> {
    const outcome = options.paymentOutcome ?? 'cancelled';
    const released = await this.inventory.release(tx, order.id);
    if (order.discountId) await this.discounts.release(tx, order.discountId);
    await tx
      .getRepository(Order)
      .update(
        { id: order.id },
        { status: 'cancelled', ...(outcome === 'failed' && { paymentStatus: 'failed' }) },
      );
    await tx.getRepository(Payment).update({ orderId: order.id, status: 'pending' }, { status: outcome });
    await this.audit.record(tx, meta, {
      action,
      entityType: 'order',
      entityId: order.id,
      storeId: order.storeId,
      details: {
        ...options.details,
        status: { before: order.status, after: 'cancelled' },
        ...(outcome === 'failed' && { paymentStatus: { before: order.paymentStatus, after: 'failed' } }),
        releasedHolds: released,
        discountUseReturned: order.discountId !== null,
      },
    });
  }

  /** Step 1 of a refund: every check, on the locked order; nothing is written. */
  private async planRefund(
    tx: EntityManager,
    order: Order,
    dto: RefundOrderDto,
    finalStatus: 'refunded' | 'cancelled',
  ): Promise<RefundPlan> {
    if (order.paymentStatus !== 'paid') {
      throw new AppException(
        409,
        'INVALID_TRANSITION',
        `An order with payment ${order.paymentStatus} cannot be refunded`,
      );
    }
    const payment = await tx
      .getRepository(Payment)
      .findOne({ where: { orderId: order.id, status: 'succeeded' }, order: { createdAt: 'DESC' } });
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
   * Step 3 of a refund (the money has moved): state change, restock, audit, on the freshly locked
   * order. Tolerates what happened meanwhile (a `charge.refunded` webhook already marked it refunded,
   * an admin shipped it): the refund is recorded either way.
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
      if (plan.payment)
        await tx.getRepository(Payment).update({ id: plan.payment.id }, { status: 'refunded' });
      if (order.status !== plan.finalStatus && canTransition(order.status, plan.finalStatus)) {
        after = plan.finalStatus;
      } else if (order.status !== plan.finalStatus && canTransition(order.status, 'refunded')) {
        after = 'refunded';
      }
      await tx.getRepository(Order).update({ id: order.id }, { status: after, paymentStatus: 'refunded' });
      if (dto.restock) {
        // The order left pending only by committing its holds: put exactly those quantities back.
        const rows = await tx.query<Array<{ variant_id: string }>>(
          `UPDATE inventory i SET quantity = i.quantity + r.quantity
             FROM (SELECT variant_id, sum(quantity)::int AS quantity FROM inventory_reservations
                    WHERE order_id = $1 AND status = 'committed' GROUP BY variant_id) r
            WHERE i.variant_id = r.variant_id
        RETURNING i.variant_id`,
          [order.id],
        );
        restocked = rows.length;
      }
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
  }

  /** The order row, locked for this transaction; `userId` restricts it to its owner (404 otherwise). */
  private async lockOrder(tx: EntityManager, id: string, userId?: string): Promise<Order> {
    const order = await tx.getRepository(Order).findOne({
      where: userId ? { id, userId } : { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!order) throw notFound();
    return order;
  }
}

function notFound(): AppException {
  return new AppException(404, 'ORDER_NOT_FOUND', 'Order not found');
}
