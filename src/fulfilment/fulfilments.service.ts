import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AppException } from '../common/errors';
import { inTransaction } from '../database/transactions';
import { OrderFulfilmentMoves } from '../orders/order-fulfilment-moves.service';
import { OrderLines } from '../orders/order-lines.service';
import { OrdersService } from '../orders/orders.service';
import { CreateFulfillmentDto, FulfillmentResponse, UpdateFulfillmentDto } from './dto/fulfillment.dto';
import { FulfillmentItem } from './entities/fulfillment-item.entity';
import { Fulfillment } from './entities/fulfillment.entity';
import { fulfillmentView } from './fulfilment-views';
import { requestedLines } from './requested-lines';

/**
 * Shipments of an order's units. Every change locks the order row first (OrdersService.lock; the
 * fulfilment rows after it, always in that order), so two admins fulfilling the same lines at once are
 * serialised and the second counts the first's units: nothing ships beyond what was ordered. The
 * order's status follows through OrderFulfilmentMoves, in the same transaction.
 */
@Injectable()
export class FulfilmentsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Fulfillment) private readonly fulfillments: Repository<Fulfillment>,
    @InjectRepository(FulfillmentItem) private readonly items: Repository<FulfillmentItem>,
    private readonly orders: OrdersService,
    private readonly lines: OrderLines,
    private readonly moves: OrderFulfilmentMoves,
    private readonly audit: AuditService,
  ) {}

  async create(orderId: string, dto: CreateFulfillmentDto, meta: RequestMeta): Promise<FulfillmentResponse> {
    return inTransaction(this.dataSource, async (tx) => {
      const order = await this.orders.lock(tx, orderId);
      this.moves.assertFulfillable(order);
      const lines = await this.lines.of(tx, order);
      const requested = requestedLines(lines, dto.items);
      const shipped = await this.shippedQuantities(tx, order.id);
      const over = requested
        .map(({ line, item }) => ({
          orderItemId: line.id,
          ordered: line.quantity,
          shipped: shipped.get(line.id) ?? 0,
          requested: item.quantity,
        }))
        .filter((l) => l.shipped + l.requested > l.ordered);
      if (over.length > 0) {
        throw new AppException(
          409,
          'FULFILLMENT_EXCEEDS_ORDER',
          'More units than were ordered and not shipped yet',
          over,
        );
      }

      const tracking = {
        carrier: dto.carrier ?? null,
        trackingNumber: dto.trackingNumber ?? null,
        trackingUrl: dto.trackingUrl ?? null,
      };
      const inserted = await tx
        .withRepository(this.fulfillments)
        .insert({ orderId: order.id, storeId: order.storeId, ...tracking });
      const fulfillmentId = (inserted.identifiers[0] as { id: string }).id;
      await tx.withRepository(this.items).insert(
        requested.map(({ line, item }) => ({
          fulfillmentId,
          orderItemId: line.id,
          quantity: item.quantity,
        })),
      );
      for (const { line, item } of requested)
        shipped.set(line.id, (shipped.get(line.id) ?? 0) + item.quantity);
      const everything = lines.every((l) => (shipped.get(l.id) ?? 0) >= l.quantity);

      await this.audit.record(tx, meta, {
        action: 'fulfillment.create',
        entityType: 'fulfillment',
        entityId: fulfillmentId,
        storeId: order.storeId,
        details: { orderId: order.id, items: dto.items, ...tracking },
      });
      const orderStatus = await this.moves.shipped(tx, order, everything, tracking, meta);
      return { ...fulfillmentView(await this.load(tx, fulfillmentId)), orderId: order.id, orderStatus };
    });
  }

  /** Tracking fields (null clears one) and/or delivery; the order is delivered once every fulfilment is. */
  async update(
    orderId: string,
    fulfillmentId: string,
    dto: UpdateFulfillmentDto,
    meta: RequestMeta,
  ): Promise<FulfillmentResponse> {
    const changes: Partial<Pick<Fulfillment, 'carrier' | 'trackingNumber' | 'trackingUrl'>> = {};
    if (dto.carrier !== undefined) changes.carrier = dto.carrier;
    if (dto.trackingNumber !== undefined) changes.trackingNumber = dto.trackingNumber;
    if (dto.trackingUrl !== undefined) changes.trackingUrl = dto.trackingUrl;
    if (Object.keys(changes).length === 0 && dto.status === undefined) {
      throw new AppException(400, 'VALIDATION_FAILED', 'Nothing to change', [
        { field: 'status', errors: ['send status or a tracking field'] },
      ]);
    }
    return inTransaction(this.dataSource, async (tx) => {
      let order = await this.orders.lock(tx, orderId);
      const repo = tx.withRepository(this.fulfillments);
      const before = await repo.findOne({
        where: { id: fulfillmentId, orderId: order.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw new AppException(404, 'FULFILLMENT_NOT_FOUND', 'Fulfillment not found');
      const delivering = dto.status === 'delivered';
      if (delivering && before.status === 'delivered') {
        throw new AppException(409, 'INVALID_TRANSITION', 'This fulfillment was delivered already', {
          from: before.status,
          to: 'delivered',
        });
      }
      if (delivering && order.status !== 'processing' && order.status !== 'shipped') {
        throw new AppException(
          409,
          'INVALID_TRANSITION',
          `A fulfillment of an order that is ${order.status} cannot be delivered`,
          { orderStatus: order.status },
        );
      }
      await repo.update(
        { id: before.id },
        { ...changes, ...(delivering && { status: 'delivered' as const, deliveredAt: () => 'now()' }) },
      );
      await this.audit.record(tx, meta, {
        action: 'fulfillment.update',
        entityType: 'fulfillment',
        entityId: before.id,
        storeId: order.storeId,
        details: {
          orderId: order.id,
          ...Object.fromEntries(
            Object.entries(changes).map(([k, v]) => [
              k,
              { before: before[k as keyof typeof changes], after: v },
            ]),
          ),
          ...(delivering && { status: { before: before.status, after: 'delivered' } }),
        },
      });
      if (delivering && order.status === 'shipped') {
        const undelivered = await repo.count({ where: { orderId: order.id, status: 'shipped' } });
        if (undelivered === 0) order = { ...order, status: await this.moves.delivered(tx, order, meta) };
      }
      return {
        ...fulfillmentView(await this.load(tx, before.id)),
        orderId: order.id,
        orderStatus: order.status,
      };
    });
  }

  /** Units shipped so far per order item (the caller holds the order lock, so the sums are stable). */
  private async shippedQuantities(tx: EntityManager, orderId: string): Promise<Map<string, number>> {
    const rows = await tx
      .withRepository(this.items)
      .createQueryBuilder('i')
      .innerJoin('i.fulfillment', 'f')
      .select('i.orderItemId', 'orderItemId')
      .addSelect('SUM(i.quantity)::int', 'quantity')
      .where('f.orderId = :orderId', { orderId })
      .groupBy('i.orderItemId')
      .getRawMany<{ orderItemId: string; quantity: number }>();
    return new Map(rows.map((r) => [r.orderItemId, r.quantity]));
  }

  private load(tx: EntityManager, id: string): Promise<Fulfillment> {
    return tx.withRepository(this.fulfillments).findOneOrFail({ where: { id }, relations: { items: true } });
  }
}
