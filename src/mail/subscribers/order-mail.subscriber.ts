import { Injectable } from '@nestjs/common';
import { EventOf, OnDomainEvent } from '../../events';
import { MailSender } from '../mail-sender.service';
import { OrderMailReader } from '../order-mail-reader';
import {
  orderPaidMail,
  orderPlacedMail,
  orderRefundedMail,
  orderShippedMail,
} from '../templates/order.templates';

/**
 * The order emails, from the orders' events after their commit; the order's lines and the buyer's
 * address are read when the email is rendered (OrderMailReader). Every refund, partial ones too,
 * sends its own email (one event each).
 *
 * The names are the subscribers' delivery keys: keep them when renaming the methods.
 */
@Injectable()
export class OrderMailSubscriber {
  constructor(
    private readonly sender: MailSender,
    private readonly reader: OrderMailReader,
  ) {}

  @OnDomainEvent('order.placed', { name: 'mail.order-placed' })
  async onOrderPlaced(event: EventOf<'order.placed'>): Promise<void> {
    await this.sender.sendOnce(event, 'order_placed', async () => {
      const order = await this.reader.read(event.data.orderId, event.data);
      return order && orderPlacedMail(order);
    });
  }

  @OnDomainEvent('order.paid', { name: 'mail.order-paid' })
  async onOrderPaid(event: EventOf<'order.paid'>): Promise<void> {
    await this.sender.sendOnce(event, 'order_paid', async () => {
      const order = await this.reader.read(event.data.orderId, event.data);
      return order && orderPaidMail(order, { amount: event.data.amount });
    });
  }

  @OnDomainEvent('order.shipped', { name: 'mail.order-shipped' })
  async onOrderShipped(event: EventOf<'order.shipped'>): Promise<void> {
    await this.sender.sendOnce(event, 'order_shipped', async () => {
      const order = await this.reader.read(event.data.orderId, event.data);
      return (
        order &&
        orderShippedMail(order, {
          carrier: event.data.carrier,
          trackingNumber: event.data.trackingNumber,
          // Events recorded before trackingUrl joined order.shipped lack it.
          trackingUrl: event.data.trackingUrl ?? null,
        })
      );
    });
  }

  @OnDomainEvent('order.refunded', { name: 'mail.order-refunded' })
  async onOrderRefunded(event: EventOf<'order.refunded'>): Promise<void> {
    await this.sender.sendOnce(event, 'order_refunded', async () => {
      const order = await this.reader.read(event.data.orderId, event.data);
      const { amount, totalRefunded, full } = event.data;
      return order && orderRefundedMail(order, { amount, totalRefunded, full });
    });
  }
}
