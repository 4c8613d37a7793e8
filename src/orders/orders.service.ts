import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { ADMIN_ROLES, AuthUser } from '../auth/auth.types';
import { AppException } from '../common/errors';
import { Money } from '../common/money';
import { offsetOf, Paginated, paginated, PaginationQuery } from '../common/pagination';
import { inTransaction } from '../database/transactions';
import { DiscountsService } from '../discounts/discounts.service';
import { InventoryService } from '../inventory/inventory.service';
import { Payment } from '../payments/entities/payment.entity';
import { AdminListOrdersQuery, RefundOrderDto } from './dto/order.dto';
import { Order } from './entities/order.entity';
import { assertTransition } from './order-state-machine';
import { OrderStatus } from './order.types';

/** Meta of changes the system makes by itself (the reservation sweeper). */
export const SYSTEM_META: RequestMeta = { userId: null, ipAddress: null, userAgent: null };

const ORDER_RELATIONS = { items: true, shippingAddress: true } as const;

/**
 * Orders after checkout: reading them, and every state change along the state machine. Each change
 * locks the order row (SELECT … FOR UPDATE), checks the transition, moves stock and discount uses
 * through their services and writes its audit row, all in one transaction: two concurrent changes of
 * one order are serialised, and the second sees the first's result.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inventory: InventoryService,
    private readonly discounts: DiscountsService,
    private readonly audit: AuditService,
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
    await inTransaction(this.dataSource, async (tx) => {
      const order = await this.lockOrder(tx, id, caller.id);
      if (order.status !== 'pending' || order.paymentStatus !== 'unpaid') {
        assertTransition(order.status, 'cancelled');
        throw new AppException(409, 'INVALID_TRANSITION', 'Only an unpaid pending order can be cancelled');
      }
      await this.cancelPending(tx, order, meta, 'order.cancelled');
    });
    return this.getForCaller(id, caller);
  }

  /** Admin status change along the state machine (processing, shipped, delivered, cancelled). */
  async changeStatus(id: string, to: OrderStatus, caller: AuthUser, meta: RequestMeta): Promise<Order> {
    await inTransaction(this.dataSource, async (tx) => {
      const order = await this.lockOrder(tx, id);
      assertTransition(order.status, to);
      if (to === 'cancelled' && order.status === 'pending') {
        await this.cancelPending(tx, order, meta, 'order.cancelled');
      } else if (to === 'cancelled') {
        // A paid order that is cancelled gets its money and its stock back.
        await this.refundInTx(tx, order, { restock: true }, meta, 'cancelled');
      } else {
        await tx.getRepository(Order).update({ id }, { status: to });
        await this.audit.record(tx, meta, {
          action: 'order.status_changed',
          entityType: 'order',
          entityId: id,
          storeId: order.storeId,
          details: { status: { before: order.status, after: to } },
        });
      }
    });
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
    await inTransaction(this.dataSource, async (tx) => {
      const order = await this.lockOrder(tx, id);
      await this.refundInTx(tx, order, dto, meta, 'refunded');
    });
    return this.getForCaller(id, caller);
  }

  /**
   * pending/unpaid → paid/paid: commits the held stock and records the succeeded payment. Shared with
   * the payment webhooks; the caller holds the order's row lock.
   */
  async markPaid(
    tx: EntityManager,
    order: Order,
    payment: { provider: Payment['provider']; providerRef: string | null },
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
    const payments = tx.getRepository(Payment);
    const existing = await payments.findOne({ where: { orderId: order.id, provider: payment.provider } });
    if (existing) {
      await payments.update({ id: existing.id }, { status: 'succeeded' });
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
      const n = await inTransaction(this.dataSource, async (tx) => {
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
        return stale.length;
      });
      expired += n;
      if (n < batchSize) return expired;
    }
  }

  private async cancelPending(
    tx: EntityManager,
    order: Order,
    meta: RequestMeta,
    action: string,
  ): Promise<void> {
    const released = await this.inventory.release(tx, order.id);
    if (order.discountId) await this.discounts.release(tx, order.discountId);
    await tx.getRepository(Order).update({ id: order.id }, { status: 'cancelled' });
    await tx.getRepository(Payment).update({ orderId: order.id, status: 'pending' }, { status: 'cancelled' });
    await this.audit.record(tx, meta, {
      action,
      entityType: 'order',
      entityId: order.id,
      storeId: order.storeId,
      details: {
        status: { before: order.status, after: 'cancelled' },
        releasedHolds: released,
        discountUseReturned: order.discountId !== null,
      },
    });
  }

  private async refundInTx(
    tx: EntityManager,
    order: Order,
    dto: RefundOrderDto,
    meta: RequestMeta,
    finalStatus: 'refunded' | 'cancelled',
  ): Promise<void> {
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
    if (amount > remaining) {
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
    if (full) assertTransition(order.status, finalStatus);

    if (payment) {
      await tx
        .getRepository(Payment)
        .update(
          { id: payment.id },
          { refundedAmount: alreadyRefunded + amount, ...(full && { status: 'refunded' }) },
        );
    }
    let restocked = 0;
    if (full) {
      await tx
        .getRepository(Order)
        .update({ id: order.id }, { status: finalStatus, paymentStatus: 'refunded' });
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
      action: finalStatus === 'cancelled' ? 'order.cancelled' : 'order.refunded',
      entityType: 'order',
      entityId: order.id,
      storeId: order.storeId,
      details: {
        amount,
        full,
        restockedVariants: restocked,
        ...(full && { status: { before: order.status, after: finalStatus } }),
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
