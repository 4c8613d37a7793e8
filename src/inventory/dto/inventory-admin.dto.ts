import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min, NotEquals } from 'class-validator';
import { PaginationQuery } from '../../common/pagination';
import { OptionalNotNull } from '../../catalog/dto/catalog-validators';

/** Largest stock count an admin may set (keeps sums far from the INTEGER limit). */
export const MAX_STOCK = 1_000_000_000;

export class ListInventoryQuery extends PaginationQuery {
  @ApiPropertyOptional({ description: 'true: only rows with quantity ≤ lowStockThreshold' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  lowStock?: boolean;
}

/** `{quantity}` sets the stock, `{adjust}` moves it by ±N (one of them at most); `{lowStockThreshold}` too. */
export class UpdateInventoryDto {
  @ApiPropertyOptional({ minimum: 0, description: 'New stock count; never below reserved' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  quantity?: number;

  @ApiPropertyOptional({ example: -3, description: 'Change to the stock count, e.g. 5 or -3' })
  @OptionalNotNull()
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_STOCK)
  @Max(MAX_STOCK)
  adjust?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  lowStockThreshold?: number;
}

export class InventoryItemResponse {
  @ApiProperty() variantId: string;
  @ApiProperty() productId: string;
  @ApiProperty() sku: string;
  @ApiProperty() productName: string;
  @ApiProperty() variantName: string;
  @ApiProperty() quantity: number;
  @ApiProperty() reserved: number;
  @ApiProperty({ description: 'quantity − reserved' }) available: number;
  @ApiProperty() lowStockThreshold: number;
  @ApiProperty() updatedAt: string;
}
