import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Money } from '../common/money';
import { OrderItem } from './entities/order-item.entity';
import { LockedOrder } from './order-fulfilment-moves.service';

/** An order line as fulfilments and returns see it. */
export interface OrderLine {
  id: string;
  variantId: string;
  quantity: number;
  /**
   * What the buyer paid for the whole line: total_price − discount_amount, + tax_amount when the order's
   * prices excluded tax (then the tax was added on top; when included, it is inside total_price).
   */
  refundable: Money;
}

/** The order's lines, read in the caller's transaction (the fulfilment module holds the order lock). */
@Injectable()
export class OrderLines {
  constructor(@InjectRepository(OrderItem) private readonly items: Repository<OrderItem>) {}

  async of(tx: EntityManager, order: LockedOrder): Promise<OrderLine[]> {
    const items = await tx.withRepository(this.items).find({
      where: { orderId: order.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    // The order's own totals say whether its tax was added on top (total = … + tax) or included:
    // the store's setting may have changed since the order was placed.
    const taxAdded =
      order.taxAmount > 0 &&
      order.total === order.subtotal - order.discountAmount + order.shippingAmount + order.taxAmount;
    return items.map((item) => ({
      id: item.id,
      variantId: item.variantId,
      quantity: item.quantity,
      refundable: item.totalPrice - item.discountAmount + (taxAdded ? item.taxAmount : 0),
    }));
  }
}
