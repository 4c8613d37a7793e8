import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { formatMoney } from '../../common/money';
import { CartView } from '../cart.service';

/** Largest quantity of one line: far above any real order, low enough to keep sums safe. */
export const MAX_LINE_QUANTITY = 10_000;

export class AddCartItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  variantId: string;

  @ApiProperty({ minimum: 1, maximum: MAX_LINE_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

export class UpdateCartItemDto {
  @ApiProperty({ minimum: 1, maximum: MAX_LINE_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

export class CartItemResponse {
  @ApiProperty() id: string;
  @ApiProperty() variantId: string;
  @ApiProperty() sku: string;
  @ApiProperty() productName: string;
  @ApiProperty() variantName: string;
  @ApiProperty({ example: '19.99' }) unitPrice: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ example: '39.98' }) lineTotal: string;
  @ApiProperty({ description: 'Units that can be bought now (0 when the item is no longer sold)' })
  available: number;
}

export class CartResponse {
  @ApiProperty({ nullable: true, type: String, description: 'null until the first item is added' })
  id: string | null;

  @ApiPropertyOptional({ description: 'Guest carts: send it back as the X-Cart-Session header' })
  sessionId?: string;

  @ApiProperty({ type: [CartItemResponse] })
  items: CartItemResponse[];

  @ApiProperty({ example: '39.98' })
  subtotal: string;

  @ApiProperty({ example: 'USD' })
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
