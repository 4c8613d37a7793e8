import { AuditLog } from '../audit/entities/audit-log.entity';
import { AdminInvitation } from '../auth/entities/admin-invitation.entity';
import { Profile } from '../auth/entities/profile.entity';
import { RefreshToken } from '../auth/entities/refresh-token.entity';
import { AccountToken } from '../auth/entities/account-token.entity';
import { CartItem } from '../cart/entities/cart-item.entity';
import { Cart } from '../cart/entities/cart.entity';
import { Category } from '../catalog/entities/category.entity';
import { ProductImage } from '../catalog/entities/product-image.entity';
import { ProductTag } from '../catalog/entities/product-tag.entity';
import { ProductVariant } from '../catalog/entities/product-variant.entity';
import { Product } from '../catalog/entities/product.entity';
import { StoreProductCount } from '../catalog/entities/store-product-count.entity';
import { Tag } from '../catalog/entities/tag.entity';
import { Address } from '../customers/entities/address.entity';
import { StoreCustomer } from '../customers/entities/store-customer.entity';
import { Discount } from '../discounts/entities/discount.entity';
import { EventDelivery } from '../events/entities/event-delivery.entity';
import { LoyaltyAccount } from '../extensions/loyalty/entities/loyalty-account.entity';
import { LoyaltyLedgerEntry } from '../extensions/loyalty/entities/loyalty-ledger-entry.entity';
import { OutboxEvent } from '../events/entities/outbox-event.entity';
import { FulfillmentItem } from '../fulfilment/entities/fulfillment-item.entity';
import { Fulfillment } from '../fulfilment/entities/fulfillment.entity';
import { OrderReturn } from '../fulfilment/entities/order-return.entity';
import { ReturnItem } from '../fulfilment/entities/return-item.entity';
import { IdempotencyKey } from '../idempotency/entities/idempotency-key.entity';
import { MailDelivery } from '../mail/entities/mail-delivery.entity';
import { InventoryReservation } from '../inventory/entities/inventory-reservation.entity';
import { Inventory } from '../inventory/entities/inventory.entity';
import { OrderItem } from '../orders/entities/order-item.entity';
import { OrderNumberCounter } from '../orders/entities/order-number-counter.entity';
import { Order } from '../orders/entities/order.entity';
import { PaymentEvent } from '../payments/entities/payment-event.entity';
import { Payment } from '../payments/entities/payment.entity';
import { Store } from '../stores/entities/store.entity';
import { ShippingMethod } from '../shipping/entities/shipping-method.entity';
import { ShippingZone } from '../shipping/entities/shipping-zone.entity';
import { TaxRate } from '../tax/entities/tax-rate.entity';
import { StoreInvitation } from '../staff/entities/store-invitation.entity';
import { StoreMembership } from '../staff/entities/store-membership.entity';
import { WebhookDelivery } from '../webhooks/entities/webhook-delivery.entity';
import { WebhookEndpoint } from '../webhooks/entities/webhook-endpoint.entity';

/** Every entity of every module, registered once with the data source. A new module adds its own here. */
export const ALL_ENTITIES: Array<new () => object> = [
  Store,
  Profile,
  RefreshToken,
  AccountToken,
  AdminInvitation,
  Address,
  StoreCustomer,
  Category,
  Tag,
  ProductTag,
  Product,
  ProductImage,
  ProductVariant,
  StoreProductCount,
  Inventory,
  InventoryReservation,
  Cart,
  CartItem,
  Order,
  OrderItem,
  OrderNumberCounter,
  Discount,
  Payment,
  PaymentEvent,
  AuditLog,
  IdempotencyKey,
  OutboxEvent,
  EventDelivery,
  WebhookEndpoint,
  WebhookDelivery,
  LoyaltyAccount,
  LoyaltyLedgerEntry,
  MailDelivery,
  TaxRate,
  StoreMembership,
  StoreInvitation,
  ShippingZone,
  ShippingMethod,
  Fulfillment,
  FulfillmentItem,
  OrderReturn,
  ReturnItem,
];
