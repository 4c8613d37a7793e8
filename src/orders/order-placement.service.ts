import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { Money } from '../common/money';
import { EventsService } from '../events';
import { OrderItem } from './entities/order-item.entity';
import { Order } from './entities/order.entity';
import { orderPlaced } from './order-events';

/** One line of a new order: the variant as it was priced now (names, SKU, price are snapshotted). */
export interface PlacedLine {
  productId: string;
  variantId: string;
  productName: string;
  variantName: string;
  sku: string;
  unitPrice: Money;
  quantity: number;
}

/** Everything a new order is made of; checkout computes it (prices, discount, totals). */
export interface PlaceOrderInput {
  storeId: string;
  userId: string;
  orderNumber: string;
  currency: string;
  totals: Pick<Order, 'subtotal' | 'discountAmount' | 'taxAmount' | 'shippingAmount' | 'total'>;
  /** The customer's own address (checked by the caller). */
  shippingAddress: NonNullable<Order['shippingAddress']>;
  discount: { id: string; code: string } | null;
  paymentMethod: string;
  notes: string | null;
  lines: PlacedLine[];
}

/** Creates orders (`orders`, `order_items`, their numbers): the one place that does. */
@Injectable()
export class OrderPlacement {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(OrderItem) private readonly items: Repository<OrderItem>,
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  /**
   * The next order number (`generate_order_number()`, on `order_number_counters`), in a statement of
   * its own outside the order's transaction: the month's counter row is then locked for one statement,
   * not for a whole checkout. A checkout that fails leaves a gap, never a duplicate.
   */
  async nextOrderNumber(): Promise<string> {
    const [{ order_number: orderNumber }] = await this.dataSource.query<Array<{ order_number: string }>>(
      `SELECT generate_order_number() AS order_number`,
    );
    return orderNumber;
  }

  /**
   * A pending, unpaid order with its lines, in the caller's transaction, audited as `order.created`
   * and recorded as `order.placed` (one more row in the same transaction).
   * Returns the order with `items` and `shippingAddress` loaded, from what was written (not a re-read):
   * every line is inserted by one statement, so they share the order's timestamp, as a re-read shows.
   */
  async place(tx: EntityManager, input: PlaceOrderInput, meta: RequestMeta): Promise<Order> {
    const orders = tx.withRepository(this.orders);
    const order = await orders.save(
      orders.create({
        storeId: input.storeId,
        userId: input.userId,
        orderNumber: input.orderNumber,
        status: 'pending',
        paymentStatus: 'unpaid',
        currency: input.currency,
        ...input.totals,
        shippingAddressId: input.shippingAddress.id,
        discountId: input.discount?.id ?? null,
        discountCode: input.discount?.code ?? null,
        paymentMethod: input.paymentMethod,
        notes: input.notes,
      }),
    );
    const items = input.lines.map((line) =>
      this.items.create({ ...line, orderId: order.id, totalPrice: line.unitPrice * line.quantity }),
    );
    await tx.withRepository(this.items).insert(items);
    await this.audit.record(tx, meta, {
      action: 'order.created',
      entityType: 'order',
      entityId: order.id,
      storeId: order.storeId,
      details: {
        orderNumber: order.orderNumber,
        total: order.total,
        lines: items.length,
        discountCode: order.discountCode,
      },
    });
    await this.events.record(tx, orderPlaced(order));
    for (const item of items) item.createdAt = order.createdAt;
    order.items = items;
    order.shippingAddress = input.shippingAddress;
    return order;
  }

  /** The provider's id of the order's payment (legacy column), saved once the payment was opened. */
  async recordPaymentIntent(tx: EntityManager, orderId: string, providerRef: string | null): Promise<void> {
    await tx.withRepository(this.orders).update({ id: orderId }, { paymentIntentId: providerRef });
  }
}
