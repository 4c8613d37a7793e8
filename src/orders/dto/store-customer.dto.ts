import { ApiProperty } from '@nestjs/swagger';
import { LegacyCustomerOrderSummary, StoreCustomerOrdersRow } from '../../customers/customer.types';
import { Metadata } from '../../common/metadata/metadata';
import { ApiMetadata } from '../../common/metadata/metadata.openapi';
import { formatMoney } from '../../common/money';
import { ApiMoney } from '../../common/openapi';
import { ORDER_PAYMENT_STATUSES, ORDER_STATUSES, OrderPaymentStatus, OrderStatus } from '../order.types';
import { StoreCustomerSummary } from '../store-customers.service';

export class StoreCustomerResponse {
  @ApiProperty({ format: 'uuid' }) profileId: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) fullName: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the profile became a customer of this store' })
  customerSince: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) ordersCount: number;
  @ApiMoney({ example: '129.90', description: 'Paid orders, net of refunds' }) totalSpent: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastOrderAt: string | null;
  @ApiMetadata() metadata: Metadata;

  static from(c: StoreCustomerSummary): StoreCustomerResponse {
    return {
      profileId: c.profileId,
      email: c.email,
      fullName: c.fullName,
      customerSince: c.customerSince.toISOString(),
      ordersCount: c.ordersCount,
      totalSpent: formatMoney(c.totalSpent),
      lastOrderAt: c.lastOrderAt ? c.lastOrderAt.toISOString() : null,
      metadata: c.metadata,
    };
  }
}

/** One order in the legacy `store_customers.orders` shape (snake_case on purpose: legacy readers). */
export class LegacyCustomerOrderSummaryResponse implements LegacyCustomerOrderSummary {
  @ApiProperty({ format: 'uuid' }) order_id: string;
  @ApiProperty() order_number: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty({ enum: ORDER_PAYMENT_STATUSES }) payment_status: OrderPaymentStatus;
  @ApiMoney() total: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

/** The legacy `store_customer_orders` row (StoreCustomerOrdersRow), for the OpenAPI document. */
export class StoreCustomerOrdersResponse implements StoreCustomerOrdersRow {
  @ApiProperty({ format: 'uuid' }) store_customer_id: string;
  @ApiProperty({ format: 'uuid' }) store_id: string;
  @ApiProperty({ format: 'uuid' }) profile_id: string;
  @ApiProperty({ type: [LegacyCustomerOrderSummaryResponse], description: 'Oldest first' })
  orders: LegacyCustomerOrderSummaryResponse[];
}
