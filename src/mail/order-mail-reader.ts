import { Injectable, Logger } from '@nestjs/common';
import { ProfilesService } from '../auth/profiles.service';
import { formatMoney } from '../common/money';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { OrderSummary } from '../orders/order-summary-sql';
import { OrdersService } from '../orders/orders.service';
import { StoresService } from '../stores/stores.service';
import { orderLink } from './templates/links';
import { OrderMailOrder } from './templates/order.templates';

/** A string field an event's data may carry (`email` of orders placed since guest checkout). */
export function optionalString(data: object, key: string): string | null {
  const value: unknown = (data as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * What an order email shows, read through the orders, stores and profiles modules' services
 * (read-only). The recipient: the event's `email` when it names one (guest checkout adds it), else the
 * buyer's profile, else the guest email on the order.
 */
@Injectable()
export class OrderMailReader {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly orders: OrdersService,
    private readonly stores: StoresService,
    private readonly profiles: ProfilesService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  /** Null when there is nobody to write to: no such order, or no address for its buyer. */
  async read(orderId: string, eventData: object): Promise<OrderMailOrder | null> {
    const order = await this.orders.summaryOf(orderId);
    if (!order) {
      this.logger.warn(`No order ${orderId}: its email is not sent`);
      return null;
    }
    const to = optionalString(eventData, 'email') ?? (await this.recipientOf(order));
    if (!to) {
      this.logger.warn(`Order ${order.orderNumber} has no email address to write to`);
      return null;
    }
    const storeName = await this.stores.nameOf(order.storeId);
    return {
      to,
      storeName,
      orderNumber: order.orderNumber,
      currency: order.currency,
      items: order.items.map((item) => ({
        name: item.variantName ? `${item.productName} (${item.variantName})` : item.productName,
        quantity: item.quantity,
        total: formatMoney(item.totalPrice),
      })),
      subtotal: formatMoney(order.subtotal),
      discount: formatMoney(order.discountAmount),
      shipping: formatMoney(order.shippingAmount),
      tax: formatMoney(order.taxAmount),
      total: formatMoney(order.total),
      link: order.userId ? orderLink(this.config.mail.storefrontUrl, order.id) : null,
    };
  }

  private async recipientOf(order: OrderSummary): Promise<string | null> {
    if (order.userId) return (await this.profiles.findView(order.userId))?.email ?? null;
    return order.guestEmail;
  }
}
