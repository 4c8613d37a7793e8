import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { Money } from '../common/money';
import { EventsService } from '../events';
import { OrderItem } from './entities/order-item.entity';
import { Order } from './entities/order.entity';
import { orderPlaced } from './order-events';
import {
  insertOrderItemsStatement,
  insertOrderStatement,
  nextOrderNumberStatement,
} from './order-placement-sql';
import { ShippingAddressSnapshot, snapshotOf } from './shipping-address';
import { allInOrder } from '../database/pipelining';
import { queryStatement, runStatement } from '../database/prepared-query';

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

/** A line with its money: its tax and its share of the order's discount (checkout computes them). */
export interface PricedOrderLine extends PlacedLine {
  /** Percent, "19.00". */
  taxRate: string;
  taxAmount: Money;
  discountAmount: Money;
}

/** Who buys: a customer (profile id), or a guest (email and the hash of the order token handed out). */
export type OrderBuyer =
  | { kind: 'customer'; userId: string; email: string }
  | { kind: 'guest'; email: string; orderTokenHash: string };

/** Everything a new order is made of; checkout computes it (prices, discount, totals). */
export interface PlaceOrderInput {
  storeId: string;
  buyer: OrderBuyer;
  orderNumber: string;
  currency: string;
  totals: Pick<Order, 'subtotal' | 'discountAmount' | 'taxAmount' | 'shippingAmount' | 'total'>;
  /** Copied onto the order (checked by the caller: the customer's own entry, or sent inline). */
  shippingAddress: ShippingAddressSnapshot;
  /** The address-book entry it was copied from, if any. */
  shippingAddressId: string | null;
  shippingMethodId: string | null;
  discount: { id: string; code: string } | null;
  paymentMethod: string;
  notes: string | null;
  lines: PricedOrderLine[];
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
    const statement = nextOrderNumberStatement();
    const [{ order_number: orderNumber }] = await queryStatement<{ order_number: string }>(
      this.dataSource.manager,
      statement,
    );
    return orderNumber;
  }

  /**
   * A pending, unpaid order with its lines, in the caller's transaction, audited as `order.created`
   * and recorded as `order.placed` (one more row in the same transaction).
   * Returns the order with `items` loaded, from what was written (not a re-read): every line is
   * inserted by one statement, so they share the order's timestamp, as a re-read shows.
   */
  async place(tx: EntityManager, input: PlaceOrderInput, meta: RequestMeta): Promise<Order> {
    assertLinesAddUp(input);
    const { buyer } = input;
    const order = this.orders.create({
      storeId: input.storeId,
      userId: buyer.kind === 'customer' ? buyer.userId : null,
      guestEmail: buyer.kind === 'guest' ? buyer.email : null,
      orderTokenHash: buyer.kind === 'guest' ? buyer.orderTokenHash : null,
      orderNumber: input.orderNumber,
      status: 'pending',
      paymentStatus: 'unpaid',
      currency: input.currency,
      ...input.totals,
      shippingAddress: snapshotOf(input.shippingAddress),
      shippingAddressId: input.shippingAddressId,
      shippingMethodId: input.shippingMethodId,
      discountId: input.discount?.id ?? null,
      discountCode: input.discount?.code ?? null,
      paymentMethod: input.paymentMethod,
      notes: input.notes,
    });
    // Plain INSERTs rather than save() and the query builder (every checkout runs them): the database
    // chooses the id, the metadata default and the timestamps, read back by RETURNING.
    const insertOrder = insertOrderStatement(order);
    const [written] = await queryStatement<{
      id: string;
      metadata: Order['metadata'];
      created_at: Date;
      updated_at: Date;
    }>(tx, insertOrder);
    Object.assign(order, {
      id: written.id,
      metadata: written.metadata,
      createdAt: written.created_at,
      updatedAt: written.updated_at,
    });
    // Ids chosen here, and no RETURNING: the rows are exactly what is written (nothing to read back).
    const items = input.lines.map((line) =>
      this.items.create({
        ...line,
        id: randomUUID(),
        orderId: order.id,
        totalPrice: line.unitPrice * line.quantity,
      }),
    );
    // The lines, the audit row and the event: sent together, one round trip (pipelining.ts).
    await allInOrder([
      items.length > 0 ? runStatement(tx, insertOrderItemsStatement(items)) : undefined,
      this.audit.record(tx, meta, {
        action: 'order.created',
        entityType: 'order',
        entityId: order.id,
        storeId: order.storeId,
        details: {
          orderNumber: order.orderNumber,
          total: order.total,
          lines: items.length,
          discountCode: order.discountCode,
          guest: buyer.kind === 'guest',
        },
      }),
      this.events.record(tx, orderPlaced(order, buyer.email)),
    ]);
    for (const item of items) item.createdAt = order.createdAt;
    order.items = items;
    return order;
  }

  /** The provider's id of the order's payment (legacy column), saved once the payment was opened. */
  async recordPaymentIntent(tx: EntityManager, orderId: string, providerRef: string | null): Promise<void> {
    await tx.withRepository(this.orders).update({ id: orderId }, { paymentIntentId: providerRef });
  }
}

/**
 * The lines' discount shares and taxes must add up to the order's amounts (refunds read them back):
 * a mismatch is a bug in the caller's computation, refused before anything is written.
 */
function assertLinesAddUp(input: PlaceOrderInput): void {
  const discount = input.lines.reduce((sum, l) => sum + l.discountAmount, 0);
  const tax = input.lines.reduce((sum, l) => sum + l.taxAmount, 0);
  if (discount !== input.totals.discountAmount || tax > input.totals.taxAmount) {
    throw new Error(
      `Order lines do not add up: discount shares ${discount} vs ${input.totals.discountAmount}, ` +
        `line tax ${tax} vs order tax ${input.totals.taxAmount}`,
    );
  }
}
