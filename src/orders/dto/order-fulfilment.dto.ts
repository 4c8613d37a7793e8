import { ApiProperty } from '@nestjs/swagger';
import { ApiMoney } from '../../common/openapi';
import {
  FULFILLMENT_STATUSES,
  FulfillmentStatus,
  RETURN_STATUSES,
  ReturnStatus,
} from '../../fulfilment/fulfilment.types';

/*
 * The parts of the order view that the fulfilment module contributes (OrderViewContributors): declared
 * here, with the order view, so that the orders module never imports that module.
 */

export class OrderLineQuantityResponse {
  @ApiProperty({ format: 'uuid', description: 'The order item (items[].id of the order)' })
  orderItemId: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) quantity: number;
}

export class OrderFulfillmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: [OrderLineQuantityResponse] }) items: OrderLineQuantityResponse[];
  @ApiProperty({ type: String, nullable: true, example: 'UPS' }) carrier: string | null;
  @ApiProperty({ type: String, nullable: true, example: '1Z999AA10123456784' }) trackingNumber: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uri' }) trackingUrl: string | null;
  @ApiProperty({ enum: FULFILLMENT_STATUSES }) status: FulfillmentStatus;
  @ApiProperty({ format: 'date-time' }) shippedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
}

export class OrderReturnItemResponse extends OrderLineQuantityResponse {
  @ApiProperty({ type: 'integer', nullable: true, description: 'Units received back; null until received' })
  receivedQuantity: number | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Whether the received units went back in stock',
  })
  restock: boolean | null;
}

export class OrderReturnResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RETURN_STATUSES }) status: ReturnStatus;
  @ApiProperty() reason: string;
  @ApiProperty({ type: [OrderReturnItemResponse] }) items: OrderReturnItemResponse[];
  @ApiMoney({ nullable: true, description: 'What was refunded for the received lines; null until then' })
  refundAmount: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) receivedAt: string | null;
}
