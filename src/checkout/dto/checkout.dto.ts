import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { OrderResponse } from '../../orders/dto/order.dto';

export class CheckoutDto {
  @ApiProperty({ format: 'uuid', description: 'One of the customer’s addresses' })
  @IsUUID()
  shippingAddressId: string;

  @ApiPropertyOptional({ example: 'SAVE10' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  discountCode?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notes?: string;
}

export class CheckoutPaymentResponse {
  @ApiProperty({ enum: ['stripe', 'manual'] }) provider: string;
  @ApiProperty({ example: 'pending' }) status: string;
  @ApiPropertyOptional({ description: 'Stripe only: confirm the PaymentIntent with it in the browser' })
  clientSecret?: string;
}

export class CheckoutResponse {
  @ApiProperty({ type: OrderResponse }) order: OrderResponse;
  @ApiProperty({ type: CheckoutPaymentResponse }) payment: CheckoutPaymentResponse;
}
