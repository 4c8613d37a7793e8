import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { formatMoney } from '../../common/money';
import { ApiMoney } from '../../common/openapi';
import { CartView } from '../cart.service';

/** Largest quantity of one line: far above any real order, low enough to keep sums safe. */
export const MAX_LINE_QUANTITY = 10_000;

export class AddCartItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  variantId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_LINE_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

export class UpdateCartItemDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_LINE_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

export class CartItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) variantId: string;
  @ApiProperty({ description: 'Empty when the variant is no longer sold' }) sku: string;
  @ApiProperty() productName: string;
  @ApiProperty() variantName: string;
  @ApiMoney({ description: 'Current price ("0.00" when the variant is no longer sold)' }) unitPrice: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) quantity: number;
  @ApiMoney({ example: '39.98' }) lineTotal: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Units that can be bought now (0 when the item is no longer sold)',
  })
  available: number;
}

export class CartResponse {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null until the first item is added',
  })
  id: string | null;

  @ApiPropertyOptional({
    type: String,
    pattern: '^[A-Za-z0-9_-]{16,128}$',
    description:
      'Present for guests only (absent when the cart was found by token): send it back as the ' +
      'X-Cart-Session header',
  })
  sessionId?: string;

  @ApiProperty({ type: [CartItemResponse] })
  items: CartItemResponse[];

  @ApiMoney({ example: '39.98', description: 'Lines still sold, at current prices' })
  subtotal: string;

  @ApiProperty({ example: 'USD', pattern: '^[A-Z]{3}$' })
  currency: string;

  static from(cart: CartView): CartResponse {
    return {
      id: cart.id,
      ...(cart.owner.kind === 'guest' && { sessionId: cart.owner.sessionId }),
      items: cart.lines.map((line) => {
        const v = line.variant;
        const unitPrice = v?.unitPrice ?? 0;
        return {
          id: line.id,
          variantId: line.variantId,
          sku: v?.sku ?? '',
          productName: v?.productName ?? '',
          variantName: v?.variantName ?? '',
          unitPrice: formatMoney(unitPrice),
          quantity: line.quantity,
          lineTotal: formatMoney(unitPrice * line.quantity),
          available: v?.purchasable ? Math.max(0, v.available) : 0,
        };
      }),
      subtotal: formatMoney(cart.subtotal),
      currency: cart.store.currency,
    };
  }
}
