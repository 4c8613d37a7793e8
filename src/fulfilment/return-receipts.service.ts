import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AppException } from '../common/errors';
import { inTransaction } from '../database/transactions';
import { EventsService, ReturnReceived } from '../events';
import { InventoryService } from '../inventory/inventory.service';
import { LockedOrder, OrderFulfilmentMoves } from '../orders/order-fulfilment-moves.service';
import { OrderLine, OrderLines } from '../orders/order-lines.service';
import { LineRefundPlan, OrderRefunds } from '../orders/order-refunds.service';
import { OrdersService } from '../orders/orders.service';
import { ReceiveReturnDto, ReturnResponse } from './dto/return.dto';
import { OrderReturn } from './entities/order-return.entity';
import { ReturnItem } from './entities/return-item.entity';
import { ReturnStatus } from './fulfilment.types';
import { returnView } from './fulfilment-views';
import { refundForUnits } from './line-refund';
import { requestedLines } from './requested-lines';
import { returnNotFound } from './returns.service';
import { assertReturnMove } from './return-state-machine';

/**
 * How long a receive may stay between its steps before another receive takes it over (well above the
 * longest provider call, STRIPE_TIMEOUT_MS ≤ 120 s): a process that died mid-way leaves it `receiving`.
 */
export const RECEIVE_LEASE_MS = 5 * 60_000;

/**
 * Receiving a return: the refund of exactly the received lines goes through the orders module's refund
 * saga (OrderRefunds' line refunds), in three steps so no lock is held during the provider call:
 * 1. transaction: lock the order, then the return (always that order); approved → receiving; the amount
 *    reserved on the payment (a concurrent admin refund sees it, and so does a second receive, which
 *    finds the return receiving: 409, unless that receive died over RECEIVE_LEASE_MS ago: then it resumes);
 * 2. the provider refund, idempotency key `return:<id>` (a retry is the same refund at Stripe);
 * 3. transaction: restock, the order's refund, receiving → refunded, `return.received`.
 * The provider refusing: the reservation is given back, the return is approved again, 502.
 */
@Injectable()
export class ReturnReceipts {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(OrderReturn) private readonly returns: Repository<OrderReturn>,
    @InjectRepository(ReturnItem) private readonly items: Repository<ReturnItem>,
    private readonly orders: OrdersService,
    private readonly lines: OrderLines,
    private readonly refunds: OrderRefunds,
    private readonly moves: OrderFulfilmentMoves,
    private readonly inventory: InventoryService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  async receive(id: string, dto: ReceiveReturnDto, meta: RequestMeta): Promise<ReturnResponse> {
    const found = await this.returns.findOne({ where: { id }, select: { id: true, orderId: true } });
    if (!found) throw returnNotFound();
    const orderId = found.orderId;

    const plan = await inTransaction(this.dataSource, async (tx) => {
      const order = await this.orders.lock(tx, orderId);
      const ret = await this.lockReturn(tx, id);
      if (ret.status === 'receiving' && ret.updatedAt.getTime() < Date.now() - RECEIVE_LEASE_MS) {
        // An earlier receive died between its steps: take it over (the touch renews the lease, so one
        // caller resumes) with its lines, its reserved amount and its idempotency key.
        await tx.withRepository(this.returns).update({ id: ret.id }, { status: 'receiving' });
        return this.refunds.resumeLineRefund(tx, order, ret.refundAmount ?? 0, `return:${ret.id}`);
      }
      assertReturnMove(ret.status, 'startReceiving');
      const lines = await this.lines.of(tx, order);
      const received = this.receivedLines(ret, lines, dto);
      const before = await this.receivedBefore(tx, order.id, ['receiving', 'refunded'], ret.id);
      const amount = received.reduce(
        (sum, r) =>
          sum + refundForUnits(r.line.refundable, r.line.quantity, before.get(r.line.id) ?? 0, r.quantity),
        0,
      );
      const refund = await this.refunds.planLineRefund(tx, order, amount, `return:${ret.id}`);
      await tx
        .withRepository(this.returns)
        .update({ id: ret.id }, { status: 'receiving', refundAmount: amount });
      for (const item of ret.items) {
        const r = received.find((x) => x.line.id === item.orderItemId);
        await tx
          .withRepository(this.items)
          .update({ id: item.id }, { receivedQuantity: r?.quantity ?? 0, restock: r?.restock ?? false });
      }
      return refund;
    });

    let refundRef: string | null;
    try {
      refundRef = await this.refunds.refundLinesAtProvider(plan);
    } catch (error) {
      await this.abandon(id, orderId);
      throw error;
    }

    return inTransaction(this.dataSource, async (tx) => {
      const order = await this.orders.lock(tx, orderId);
      const ret = await this.lockReturn(tx, id);
      await this.complete(tx, order, ret, plan, refundRef, meta);
      return returnView(await this.load(tx, id));
    });
  }

  /** Step 3 (the money moved): restock, order refund and state, the return refunded, its event. */
  private async complete(
    tx: EntityManager,
    order: LockedOrder,
    ret: OrderReturn,
    plan: LineRefundPlan,
    refundRef: string | null,
    meta: RequestMeta,
  ): Promise<void> {
    const lines = await this.lines.of(tx, order);
    const variantOf = new Map(lines.map((l) => [l.id, l.variantId]));
    const restock = ret.items
      .filter((i) => i.restock && (i.receivedQuantity ?? 0) > 0)
      .map((i) => ({ variantId: variantOf.get(i.orderItemId) as string, quantity: i.receivedQuantity ?? 0 }));
    const restocked = await this.inventory.restockLines(tx, restock);
    await this.refunds.applyLineRefund(tx, order, plan, meta, refundRef, { returnId: ret.id });

    const status = assertReturnMove(ret.status, 'completeReceiving');
    await tx
      .withRepository(this.returns)
      .update({ id: ret.id }, { status, refundAmount: plan.amount, refundRef, receivedAt: () => 'now()' });
    // Everything came back (this return included): the order is refunded, whatever money is left (shipping).
    const back = await this.receivedBefore(tx, order.id, ['refunded'], null);
    if (lines.every((l) => (back.get(l.id) ?? 0) >= l.quantity)) {
      await this.moves.everythingReturned(tx, await this.orders.lock(tx, order.id), meta);
    }
    await this.audit.record(tx, meta, {
      action: 'return.received',
      entityType: 'return',
      entityId: ret.id,
      storeId: ret.storeId,
      details: {
        orderId: order.id,
        refundAmount: plan.amount,
        refundRef,
        restockedVariants: restocked,
        items: ret.items.map((i) => ({
          orderItemId: i.orderItemId,
          receivedQuantity: i.receivedQuantity,
          restock: i.restock,
        })),
      },
    });
    await this.events.record(
      tx,
      new ReturnReceived(order.storeId, {
        orderId: order.id,
        orderNumber: order.orderNumber,
        returnId: ret.id,
      }),
    );
  }

  /** The provider refused (its reservation is given back already): the return is approved again. */
  private async abandon(id: string, orderId: string): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      await this.orders.lock(tx, orderId);
      const ret = await this.lockReturn(tx, id);
      const status = assertReturnMove(ret.status, 'abandonReceiving');
      await tx.withRepository(this.returns).update({ id }, { status, refundAmount: null });
      await tx.withRepository(this.items).update({ returnId: id }, { receivedQuantity: null, restock: null });
    });
  }

  /** The body's lines, checked against the return's: known lines, at most what the return asked for. */
  private receivedLines(
    ret: OrderReturn,
    lines: OrderLine[],
    dto: ReceiveReturnDto,
  ): Array<{ line: OrderLine; quantity: number; restock: boolean }> {
    const asked = new Map(ret.items.map((i) => [i.orderItemId, i.quantity]));
    const received = requestedLines(
      lines.filter((l) => asked.has(l.id)),
      dto.items,
    );
    const over = received
      .filter(({ line, item }) => item.quantity > (asked.get(line.id) ?? 0))
      .map(({ line, item }) => ({
        orderItemId: line.id,
        requested: asked.get(line.id),
        received: item.quantity,
      }));
    if (over.length > 0) {
      throw new AppException(
        409,
        'RETURN_EXCEEDS_ORDER',
        'More units received than the return asked for',
        over,
      );
    }
    return received.map(({ line, item }) => ({ line, quantity: item.quantity, restock: item.restock }));
  }

  /** Units received back per order item by the order's returns in `statuses` (but `exceptReturnId`). */
  private async receivedBefore(
    tx: EntityManager,
    orderId: string,
    statuses: ReturnStatus[],
    exceptReturnId: string | null,
  ): Promise<Map<string, number>> {
    const qb = tx
      .withRepository(this.items)
      .createQueryBuilder('i')
      .innerJoin('i.orderReturn', 'r')
      .select('i.orderItemId', 'orderItemId')
      .addSelect('SUM(COALESCE(i.receivedQuantity, 0))::int', 'quantity')
      .where('r.orderId = :orderId', { orderId })
      .andWhere('r.status IN (:...statuses)', { statuses })
      .groupBy('i.orderItemId');
    if (exceptReturnId) qb.andWhere('r.id <> :exceptReturnId', { exceptReturnId });
    const rows = await qb.getRawMany<{ orderItemId: string; quantity: number }>();
    return new Map(rows.map((r) => [r.orderItemId, r.quantity]));
  }

  private async lockReturn(tx: EntityManager, id: string): Promise<OrderReturn> {
    const ret = await tx
      .withRepository(this.returns)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!ret) throw returnNotFound();
    ret.items = await tx.withRepository(this.items).find({ where: { returnId: id } });
    return ret;
  }

  private load(tx: EntityManager, id: string): Promise<OrderReturn> {
    return tx.withRepository(this.returns).findOneOrFail({ where: { id }, relations: { items: true } });
  }
}
