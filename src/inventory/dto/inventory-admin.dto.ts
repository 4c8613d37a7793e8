import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min, NotEquals } from 'class-validator';
import { PaginationQuery } from '../../common/pagination';
import { OptionalNotNull } from '../../catalog/dto/catalog-validators';

/** Largest stock count an admin may set (keeps sums far from the INTEGER limit). */
export const MAX_STOCK = 1_000_000_000;

export class ListInventoryQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only rows with quantity ≤ lowStockThreshold' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  lowStock?: boolean;
}

/** `{quantity}` sets the stock, `{adjust}` moves it by ±N (one of them at most); `{lowStockThreshold}` too. */
export class UpdateInventoryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_STOCK,
    description: 'New stock count; never below reserved',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  quantity?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: -MAX_STOCK,
    maximum: MAX_STOCK,
    not: { enum: [0] },
    example: -3,
    description: 'Change to the stock count, e.g. 5 or -3 (not 0)',
  })
  @OptionalNotNull()
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_STOCK)
  @Max(MAX_STOCK)
  adjust?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_STOCK })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  lowStockThreshold?: number;
}

export class InventoryItemResponse {
  @ApiProperty({ format: 'uuid' }) variantId: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty() sku: string;
  @ApiProperty() productName: string;
  @ApiProperty() variantName: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) quantity: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Held by pending orders' }) reserved: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'quantity − reserved' }) available: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) lowStockThreshold: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
