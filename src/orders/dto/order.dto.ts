import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, IsBoolean } from 'class-validator';
import { formatMoney, Money } from '../../common/money';
import { MoneyInput } from '../../common/money.validator';
import { PaginationQuery } from '../../common/pagination';
import { Address } from '../../customers/entities/address.entity';
import { Order } from '../entities/order.entity';
import { ORDER_STATUSES, OrderStatus } from '../order.types';
import { ADMIN_STATUS_TARGETS } from '../order-state-machine';

export class AdminListOrdersQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class UpdateOrderStatusDto {
  @ApiProperty({ enum: ADMIN_STATUS_TARGETS })
  @IsIn(ADMIN_STATUS_TARGETS)
  status: OrderStatus;
}

export class RefundOrderDto {
  @ApiPropertyOptional({ example: '10.00', description: 'Omitted: everything not refunded yet' })
  @IsOptional()
  @MoneyInput({ min: 1 })
  amount?: Money;

  @ApiPropertyOptional({ description: 'Put the ordered quantities back in stock' })
  @IsOptional()
  @IsBoolean()
  restock?: boolean;
}

export class OrderItemResponse {
  @ApiProperty() variantId: string;
  @ApiProperty() productName: string;
  @ApiProperty() variantName: string;
  @ApiProperty() sku: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ example: '19.99' }) unitPrice: string;
  @ApiProperty({ example: '39.98' }) totalPrice: string;
}

export class ShippingAddressResponse {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() phone: string;
  @ApiProperty() addressLine1: string;
  @ApiProperty({ nullable: true, type: String }) addressLine2: string | null;
  @ApiProperty() city: string;
  @ApiProperty() state: string;
  @ApiProperty() postalCode: string;
  @ApiProperty() country: string;

  static from(a: Address): ShippingAddressResponse {
    return {
      id: a.id,
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
  @ApiProperty() id: string;
  @ApiProperty() storeId: string;
  @ApiProperty() customerId: string;
  @ApiProperty({ example: '20261100042' }) orderNumber: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty() paymentStatus: string;
  @ApiProperty({ example: '39.98' }) subtotal: string;
  @ApiProperty({ example: '0.00' }) discountAmount: string;
  @ApiProperty({ nullable: true, type: String }) discountCode: string | null;
  @ApiProperty({ example: '3.30' }) taxAmount: string;
  @ApiProperty({ example: '5.00' }) shippingAmount: string;
  @ApiProperty({ example: '48.28' }) total: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ type: [OrderItemResponse] }) items: OrderItemResponse[];
  @ApiProperty({ type: ShippingAddressResponse, nullable: true })
  shippingAddress: ShippingAddressResponse | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  /** `order.items` and `order.shippingAddress` must be loaded. */
  static from(order: Order): OrderResponse {
    return {
      id: order.id,
      storeId: order.storeId,
      customerId: order.userId,
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
          variantId: item.variantId,
          productName: item.productName,
          variantName: item.variantName,
          sku: item.sku,
          quantity: item.quantity,
          unitPrice: formatMoney(item.unitPrice),
          totalPrice: formatMoney(item.totalPrice),
        })),
      shippingAddress: order.shippingAddress ? ShippingAddressResponse.from(order.shippingAddress) : null,
      notes: order.notes,
      createdAt: order.createdAt.toISOString(),
      updatedAt: order.updatedAt.toISOString(),
    };
  }
}
