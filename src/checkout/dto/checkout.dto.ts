import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { MAX_EMAIL_LENGTH, NormalizedEmail } from '../../auth/dto/auth.dto';
import { OrderResponse } from '../../orders/dto/order.dto';
import { PAYMENT_PROVIDERS, PaymentProviderName } from '../../payments/payment.types';
import { InlineAddressDto } from './inline-address.dto';

/**
 * A customer sends `shippingAddressId` (one of their addresses) or `shippingAddress` (inline), exactly
 * one; a guest (no token, X-Cart-Session) sends `email` and `shippingAddress`. Which fields fit the caller
 * is checked by the service (400 VALIDATION_FAILED), the shape of each here.
 */
export class CheckoutDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Customers: one of their addresses (or send `shippingAddress` instead). Not for guests.',
  })
  @IsOptional()
  @IsUUID()
  shippingAddressId?: string;

  @ApiPropertyOptional({
    type: InlineAddressDto,
    description: 'The address to ship to, copied onto the order. Guests: required.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => InlineAddressDto)
  shippingAddress?: InlineAddressDto;

  @ApiPropertyOptional({
    example: 'ada@example.com',
    format: 'email',
    maxLength: MAX_EMAIL_LENGTH,
    description:
      'Guests: required, where the order’s emails go. Customers: not sent (their account’s is used).',
  })
  @IsOptional()
  @NormalizedEmail()
  @IsEmail()
  @MaxLength(MAX_EMAIL_LENGTH)
  email?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A shipping method of the store (`GET /stores/:storeSlug/cart/shipping-options`); required when the store has any',
  })
  @IsOptional()
  @IsUUID()
  shippingMethodId?: string;

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
  @ApiPropertyOptional({
    type: String,
    description:
      'Guest checkouts only (absent for a customer): send it as `X-Order-Token` to read or cancel the order. ' +
      'Shown here only; the same Idempotency-Key replays it.',
  })
  orderToken?: string;
}
