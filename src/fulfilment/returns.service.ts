import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AppException } from '../common/errors';
import { offsetOf, Paginated, paginated } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { inTransaction } from '../database/transactions';
import { EventsService, ReturnRequested } from '../events';
import { LockedOrder } from '../orders/order-fulfilment-moves.service';
import { OrderLines } from '../orders/order-lines.service';
import { OrdersService } from '../orders/orders.service';
import { CreateReturnDto, ListReturnsQuery, ReturnResponse } from './dto/return.dto';
import { Fulfillment } from './entities/fulfillment.entity';
import { OrderReturn } from './entities/order-return.entity';
import { ReturnItem } from './entities/return-item.entity';
import { returnView } from './fulfilment-views';
import { requestedLines } from './requested-lines';
import { assertReturnMove } from './return-state-machine';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Return requests and the admin's decision on them. Requests lock the order row (OrdersService.lock),
 * so two requests at once both count each other's units; decisions lock the return row alone. The
 * receive and its refund: ReturnReceipts.
 */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(OrderReturn) private readonly returns: Repository<OrderReturn>,
    @InjectRepository(ReturnItem) private readonly items: Repository<ReturnItem>,
    @InjectRepository(Fulfillment) private readonly fulfillments: Repository<Fulfillment>,
    private readonly orders: OrdersService,
    private readonly lines: OrderLines,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /**
   * The buyer asks to send units back (`lock` finds and locks the order only if the caller may act on
   * it, else 404). Shipped or delivered orders only, within RETURN_WINDOW_DAYS of the last delivery (of
   * the last shipment while nothing was delivered): 409 RETURN_NOT_ALLOWED; more units than ordered,
   * counting earlier returns that were not rejected: 409 RETURN_EXCEEDS_ORDER.
   */
  async request(
    lock: (tx: EntityManager) => Promise<LockedOrder>,
    dto: CreateReturnDto,
    requestedBy: string | null,
    meta: RequestMeta,
  ): Promise<ReturnResponse> {
    return inTransaction(this.dataSource, async (tx) => {
      const order = await lock(tx);
      if (order.status !== 'shipped' && order.status !== 'delivered') {
        throw new AppException(
          409,
          'RETURN_NOT_ALLOWED',
          `An order that is ${order.status} cannot be returned`,
          {
            reason: 'status',
            status: order.status,
          },
        );
      }
      await this.assertWithinWindow(tx, order);
      const requested = requestedLines(await this.lines.of(tx, order), dto.items);
      const taken = await this.returnedQuantities(tx, order.id);
      const over = requested
        .map(({ line, item }) => ({
          orderItemId: line.id,
          ordered: line.quantity,
          returned: taken.get(line.id) ?? 0,
          requested: item.quantity,
        }))
        .filter((l) => l.returned + l.requested > l.ordered);
      if (over.length > 0) {
        throw new AppException(
          409,
          'RETURN_EXCEEDS_ORDER',
          'More units than were ordered and not returned yet',
          over,
        );
      }
      const inserted = await tx.withRepository(this.returns).insert({
        orderId: order.id,
        storeId: order.storeId,
        reason: dto.reason,
        requestedBy,
      });
      const returnId = (inserted.identifiers[0] as { id: string }).id;
      await tx
        .withRepository(this.items)
        .insert(
          requested.map(({ line, item }) => ({ returnId, orderItemId: line.id, quantity: item.quantity })),
        );
      await this.audit.record(tx, meta, {
        action: 'return.requested',
        entityType: 'return',
        entityId: returnId,
        storeId: order.storeId,
        details: { orderId: order.id, items: dto.items },
      });
      await this.events.record(
        tx,
        new ReturnRequested(order.storeId, { orderId: order.id, orderNumber: order.orderNumber, returnId }),
      );
      return returnView(await this.load(tx, returnId));
    });
  }

  async listForStore(storeId: string, query: ListReturnsQuery): Promise<Paginated<ReturnResponse>> {
    const [rows, total] = await this.returns.findAndCount({
      where: { storeId, ...(query.status && { status: query.status }) },
      relations: { items: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
    return paginated(rows.map(returnView), total, query);
  }

  /** requested → approved | rejected (the return row locked: two decisions at once, one wins). */
  async decide(id: string, decision: 'approve' | 'reject', meta: RequestMeta): Promise<ReturnResponse> {
    return inTransaction(this.dataSource, async (tx) => {
      const repo = tx.withRepository(this.returns);
      const before = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw returnNotFound();
      const after = assertReturnMove(before.status, decision);
      await repo.update({ id }, { status: after, decidedAt: () => 'now()' });
      await this.audit.record(tx, meta, {
        action: decision === 'approve' ? 'return.approved' : 'return.rejected',
        entityType: 'return',
        entityId: id,
        storeId: before.storeId,
        details: { orderId: before.orderId, status: { before: before.status, after } },
      });
      return returnView(await this.load(tx, id));
    });
  }

  /** 409 RETURN_NOT_ALLOWED once the window closed (see docs/fulfilment-and-returns.md). */
  private async assertWithinWindow(tx: EntityManager, order: LockedOrder): Promise<void> {
    const [row] = await tx
      .withRepository(this.fulfillments)
      .createQueryBuilder('f')
      .select('MAX(f.deliveredAt)', 'delivered')
      .addSelect('MAX(f.shippedAt)', 'shipped')
      .where('f.orderId = :orderId', { orderId: order.id })
      .getRawMany<{ delivered: Date | null; shipped: Date | null }>();
    // An order shipped or delivered through the status route has no fulfilment: its last change counts.
    const since = (order.status === 'delivered' ? row?.delivered : null) ?? row?.shipped ?? order.updatedAt;
    const closesAt = new Date(new Date(since).getTime() + this.config.returnWindowDays * DAY_MS);
    if (Date.now() > closesAt.getTime()) {
      throw new AppException(409, 'RETURN_NOT_ALLOWED', 'The return window has closed', {
        reason: 'window_closed',
        windowDays: this.config.returnWindowDays,
        closedAt: closesAt.toISOString(),
      });
    }
  }

  /**
   * Units per order item already claimed by returns that were not rejected: what was asked while the
   * return is open, what came back once it was received.
   */
  private async returnedQuantities(tx: EntityManager, orderId: string): Promise<Map<string, number>> {
    const rows = await tx
      .withRepository(this.items)
      .createQueryBuilder('i')
      .innerJoin('i.orderReturn', 'r')
      .select('i.orderItemId', 'orderItemId')
      .addSelect(
        `SUM(CASE WHEN r.status = 'refunded' THEN COALESCE(i.receivedQuantity, 0) ELSE i.quantity END)::int`,
        'quantity',
      )
      .where('r.orderId = :orderId', { orderId })
      .andWhere('r.status <> :rejected', { rejected: 'rejected' })
      .groupBy('i.orderItemId')
      .getRawMany<{ orderItemId: string; quantity: number }>();
    return new Map(rows.map((r) => [r.orderItemId, r.quantity]));
  }

  private load(tx: EntityManager, id: string): Promise<OrderReturn> {
    return tx.withRepository(this.returns).findOneOrFail({ where: { id }, relations: { items: true } });
  }

  /** The returns of these orders, for the order view. */
  forOrders(orderIds: string[]): Promise<OrderReturn[]> {
    return this.returns.find({
      where: { orderId: In(orderIds) },
      relations: { items: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}

export function returnNotFound(): AppException {
  return new AppException(404, 'RETURN_NOT_FOUND', 'Return not found');
}
