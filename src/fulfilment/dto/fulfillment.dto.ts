import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsWebUrl } from '../../catalog/dto/catalog-validators';
import { ORDER_STATUSES, OrderStatus } from '../../orders/order.types';
import { OrderFulfillmentResponse } from '../../orders/dto/order-fulfilment.dto';
import { LineQuantityDto } from './line-quantity.dto';

const MAX_LINES = 500;

/** The tracking fields: optional, null clears one (on PATCH). */
class TrackingFields {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, example: 'UPS' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  carrier?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, example: '1Z999AA10123456784' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  trackingNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uri', maxLength: 2048 })
  @IsOptional()
  @IsWebUrl()
  trackingUrl?: string | null;
}

export class CreateFulfillmentDto extends TrackingFields {
  @ApiProperty({ type: [LineQuantityDto], description: 'Each order item at most once', minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineQuantityDto)
  items: LineQuantityDto[];
}

export class UpdateFulfillmentDto extends TrackingFields {
  @ApiPropertyOptional({ enum: ['delivered'], description: 'The shipment arrived' })
  @IsOptional()
  @IsIn(['delivered'])
  status?: 'delivered';
}

/** A fulfilment as the admin routes answer it: the order view's entry, and the order's status after. */
export class FulfillmentResponse extends OrderFulfillmentResponse {
  @ApiProperty({ format: 'uuid' }) orderId: string;
  @ApiProperty({ enum: ORDER_STATUSES, description: 'The order’s status after this change' })
  orderStatus: OrderStatus;
}
