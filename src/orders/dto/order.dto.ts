import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, IsBoolean } from 'class-validator';
import { Metadata } from '../../common/metadata/metadata';
import { METADATA_SCHEMA } from '../../common/metadata/metadata.openapi';
import { formatMoney, Money } from '../../common/money';
import { MoneyInput } from '../../common/money.validator';
import { ApiMoney, ApiMoneyInput } from '../../common/openapi';
import { PaginationQuery } from '../../common/pagination';
import { Order } from '../entities/order.entity';
import { ORDER_PAYMENT_STATUSES, ORDER_STATUSES, OrderPaymentStatus, OrderStatus } from '../order.types';
import { ADMIN_STATUS_TARGETS } from '../order-state-machine';
import { ShippingAddressSnapshot } from '../shipping-address';
import { OrderFulfillmentResponse, OrderReturnResponse } from './order-fulfilment.dto';

export class AdminListOrdersQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Orders of this customer (profile id)' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Created at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Created before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class UpdateOrderStatusDto {
  @ApiProperty({
    enum: ADMIN_STATUS_TARGETS,
    description: 'Along the order state machine; cancelling a paid order refunds it in full',
  })
  @IsIn(ADMIN_STATUS_TARGETS)
  status: OrderStatus;
}

export class RefundOrderDto {
  @ApiMoneyInput({
    required: false,
    example: '10.00',
    description: 'At least 0.01, at most what is left to refund; omitted: everything not refunded yet',
  })
  @IsOptional()
  @MoneyInput({ min: 1 })
  amount?: Money;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Put the ordered quantities back in stock (full refunds only)',
  })
  @IsOptional()
  @IsBoolean()
  restock?: boolean;
}

export class OrderItemResponse {
  @ApiProperty({ format: 'uuid', description: 'The order line (orderItemId of fulfilments and returns)' })
  id: string;
  @ApiProperty({ format: 'uuid' }) variantId: string;
  @ApiProperty({ description: 'As it was when the order was placed' }) productName: string;
  @ApiProperty() variantName: string;
  @ApiProperty() sku: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) quantity: number;
  @ApiMoney() unitPrice: string;
  @ApiMoney({ example: '39.98' }) totalPrice: string;
  @ApiProperty({ example: '19.00', pattern: '^\\d{1,3}\\.\\d{2}$', description: 'Percent' }) taxRate: string;
  @ApiMoney({ example: '7.60', description: 'Tax of this line, rounded half up on its own' })
  taxAmount: string;
  @ApiMoney({
    example: '4.00',
    description: 'This line’s share of the order discount (the lines add up to discountAmount)',
  })
  discountAmount: string;
}

export class ShippingAddressResponse {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The address-book entry it was copied from; null when sent inline or deleted since',
  })
  id: string | null;
  @ApiProperty() fullName: string;
  @ApiProperty() phone: string;
  @ApiProperty() addressLine1: string;
  @ApiProperty({ type: String, nullable: true }) addressLine2: string | null;
  @ApiProperty() city: string;
  @ApiProperty() state: string;
  @ApiProperty() postalCode: string;
  @ApiProperty() country: string;

  /** From the order's own copy (never the address book, which may have changed since). */
  static from(a: ShippingAddressSnapshot, sourceId: string | null): ShippingAddressResponse {
    return {
      id: sourceId,
      fullName: a.fullName,
      phone: a.phone,
      addressLine1: a.addressLine1,
      addressLine2: a.addressLine2,
      city: a.city,
      state: a.state,
      postalCode: a.postalCode,
      country: a.country,
    };
  }
}

export class OrderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The ordering customer’s profile id; null for a guest’s order',
  })
  customerId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The shipping method chosen' })
  shippingMethodId: string | null;
  @ApiProperty({ example: '20261100042' }) orderNumber: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty({ enum: ORDER_PAYMENT_STATUSES }) paymentStatus: OrderPaymentStatus;
  @ApiMoney({ example: '39.98' }) subtotal: string;
  @ApiMoney({ example: '0.00' }) discountAmount: string;
  @ApiProperty({ type: String, nullable: true }) discountCode: string | null;
  @ApiMoney({ example: '3.30' }) taxAmount: string;
  @ApiMoney({ example: '5.00' }) shippingAmount: string;
  @ApiMoney({ example: '48.28' }) total: string;
  @ApiProperty({ example: 'USD', pattern: '^[A-Z]{3}$' }) currency: string;
  @ApiProperty({ type: [OrderItemResponse] }) items: OrderItemResponse[];
  @ApiProperty({
    type: ShippingAddressResponse,
    nullable: true,
    description:
      'The address it ships to, as it was at checkout (the order’s own copy); null when the order has none',
  })
  shippingAddress: ShippingAddressResponse | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({
    ...METADATA_SCHEMA,
    description:
      'Admin views only (as Stripe shows metadata to API key holders only): present when an admin reads ' +
      'the order, absent from the customer’s own views. ' +
      METADATA_SCHEMA.description,
  })
  metadata?: Metadata;
  @ApiPropertyOptional({
    type: [OrderFulfillmentResponse],
    description: 'The order detail (GET /orders/:id) only: its shipments, oldest first',
  })
  fulfillments?: OrderFulfillmentResponse[];
  @ApiPropertyOptional({
    type: [OrderReturnResponse],
    description: 'The order detail (GET /orders/:id) only: its returns, oldest first',
  })
  returns?: OrderReturnResponse[];

  /** The customer's view (no metadata). `order.items` must be loaded. */
  static from(order: Order): OrderResponse {
    return {
      id: order.id,
      storeId: order.storeId,
      customerId: order.userId,
      shippingMethodId: order.shippingMethodId,
      orderNumber: order.orderNumber,
      status: order.status,
      paymentStatus: order.paymentStatus,
      subtotal: formatMoney(order.subtotal),
      discountAmount: formatMoney(order.discountAmount),
      discountCode: order.discountCode,
      taxAmount: formatMoney(order.taxAmount),
      shippingAmount: formatMoney(order.shippingAmount),
      total: formatMoney(order.total),
      currency: order.currency,
      items: [...(order.items ?? [])]
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.sku.localeCompare(b.sku))
        .map((item) => ({
          id: item.id,
          variantId: item.variantId,
          productName: item.productName,
          variantName: item.variantName,
          sku: item.sku,
          quantity: item.quantity,
          unitPrice: formatMoney(item.unitPrice),
          totalPrice: formatMoney(item.totalPrice),
          taxRate: item.taxRate,
          taxAmount: formatMoney(item.taxAmount),
          discountAmount: formatMoney(item.discountAmount),
        })),
      shippingAddress: order.shippingAddress
        ? ShippingAddressResponse.from(order.shippingAddress, order.shippingAddressId)
        : null,
      notes: order.notes,
      createdAt: order.createdAt.toISOString(),
      updatedAt: order.updatedAt.toISOString(),
    };
  }
}

/** The admin view of an order: the customer's view and the order's metadata. */
export class AdminOrderResponse extends OrderResponse {
  // Required said outright (selfRequired, for an object schema): else the parent’s optional one is inherited.
  @ApiProperty({ ...METADATA_SCHEMA, selfRequired: true }) declare metadata: Metadata;

  static from(order: Order): AdminOrderResponse {
    return { ...OrderResponse.from(order), metadata: order.metadata };
  }
}
