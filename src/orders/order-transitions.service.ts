import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AuthUser } from '../auth/auth.types';
import { inTransaction } from '../database/transactions';
import { EventsService } from '../events';
import { Order } from './entities/order.entity';
import { OrderAccess, OrderReader } from './order-access.service';
import { OrderCancellation } from './order-cancellation.service';
import { orderDelivered, orderShipped } from './order-events';
import { OrderRefunds } from './order-refunds.service';
import { assertTransition } from './order-state-machine';
import { OrderStatus } from './order.types';
import { OrdersService } from './orders.service';

/**
 * Status changes asked for by people: the customer cancels, an admin moves the order along the state
 * machine. Each change locks the order row, checks the move and writes its audit row and its event
 * (`order.cancelled`, `order.shipped`, `order.delivered`; none for `processing`) in one transaction,
 * so two concurrent changes of one order are serialised and the second sees the first's result; what
 * must not run inside it (a refund, withdrawing a payment) follows the commit.
 */
@Injectable()
export class OrderTransitions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly access: OrderAccess,
    private readonly cancellation: OrderCancellation,
    private readonly refunds: OrderRefunds,
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  /**
   * The buyer cancels their own pending, unpaid order (a customer by token, a guest by order token):
   * stock and discount use are given back.
   */
  async cancelByCustomer(id: string, reader: OrderReader, meta: RequestMeta): Promise<Order> {
    const cancelled = await inTransaction(this.dataSource, async (tx) => {
      const order = await this.access.lock(tx, id, reader);
      await this.cancellation.cancelPending(tx, order, meta, 'order.cancelled', { reason: 'customer' });
      return order;
    });
    await this.cancellation.withdrawPayments([cancelled], meta);
    return this.access.find(id, reader);
  }

  /** Admin status change along the state machine (processing, shipped, delivered, cancelled). */
  async changeStatus(id: string, to: OrderStatus, caller: AuthUser, meta: RequestMeta): Promise<Order> {
    // What is left to do once the transaction committed: a refund (cancelling a paid order), or
    // withdrawing the provider payment of a cancelled pending one.
    const next = await inTransaction(this.dataSource, async (tx): Promise<'refund' | Order | null> => {
      const order = await this.orders.lock(tx, id);
      assertTransition(order.status, to);
      if (to === 'cancelled' && order.status === 'pending') {
        await this.cancellation.cancelPending(tx, order, meta, 'order.cancelled', { reason: 'admin' });
        return order;
      }
      // A paid order that is cancelled gets its money and its stock back: a refund through the
      // provider, which must not run inside this transaction.
      if (to === 'cancelled') return 'refund';
      await this.orders.setState(tx, id, { status: to });
      await this.audit.record(tx, meta, {
        action: 'order.status_changed',
        entityType: 'order',
        entityId: id,
        storeId: order.storeId,
        details: { status: { before: order.status, after: to } },
      });
      if (to === 'shipped') await this.events.record(tx, orderShipped(order));
      else if (to === 'delivered') await this.events.record(tx, orderDelivered(order));
      return null;
    });
    if (next === 'refund') await this.refunds.refundThroughProvider(id, { restock: true }, meta, 'cancelled');
    else if (next) await this.cancellation.withdrawPayments([next], meta);
    return this.orders.getForCaller(id, caller);
  }
}
