import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { OrderResponse } from '../../orders/dto/order.dto';
import { PAYMENT_PROVIDERS, PaymentProviderName } from '../../payments/payment.types';

export class CheckoutDto {
  @ApiProperty({ format: 'uuid', description: 'One of the customer’s addresses' })
  @IsUUID()
  shippingAddressId: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: 50,
    example: 'SAVE10',
    description: 'A discount code of the store',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  discountCode?: string;

  @ApiPropertyOptional({ type: String, maxLength: 1000, description: 'For the store, kept on the order' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notes?: string;
}

export class CheckoutPaymentResponse {
  @ApiProperty({ enum: PAYMENT_PROVIDERS, description: 'The payment provider the store uses' })
  provider: PaymentProviderName;
  @ApiProperty({ enum: ['pending'], description: 'A new order’s payment is always pending' })
  status: 'pending';
  @ApiPropertyOptional({
    type: String,
    description: 'Stripe only (absent for manual): confirm the PaymentIntent with it in the browser',
  })
  clientSecret?: string;
}

export class CheckoutResponse {
  @ApiProperty({ type: OrderResponse }) order: OrderResponse;
  @ApiProperty({ type: CheckoutPaymentResponse }) payment: CheckoutPaymentResponse;
}
