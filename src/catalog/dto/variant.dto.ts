import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { formatMoney, MAX_DECIMAL_10_2, Money } from '../../common/money';
import { MoneyInput } from '../../common/money.validator';
import { MAX_STOCK } from '../../inventory/dto/inventory-admin.dto';
import { ProductVariant, VariantAttributes } from '../entities/product-variant.entity';
import { IsFlatAttributes, IsWebUrl, OptionalNotNull } from './catalog-validators';

export class CreateVariantDto {
  @ApiPropertyOptional({
    example: 'PROD-TSHIRT-A3F2-LRG-BLK',
    description: 'Unique per store; generated as PROD-{category}-{product}-{attributes} when absent',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'sku may contain letters, digits, ".", "_" and "-"' })
  sku?: string;

  @ApiPropertyOptional({ example: 'Large / Black', description: 'Defaults to the attribute values' })
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    example: { size: 'L', color: 'black' },
    description: 'Flat object of short strings',
  })
  @OptionalNotNull()
  @IsFlatAttributes()
  attributes?: VariantAttributes;

  @ApiPropertyOptional({ example: '-2.00', description: 'basePrice + priceAdjustment must stay ≥ 0' })
  @OptionalNotNull()
  @MoneyInput({ min: -MAX_DECIMAL_10_2 })
  priceAdjustment?: Money;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsWebUrl()
  imageUrl?: string | null;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({ default: 0, description: 'Stock the new variant starts with' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  initialQuantity?: number;

  @ApiPropertyOptional({ default: 10 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  lowStockThreshold?: number;
}

/** Stock is changed through PATCH /admin/inventory/:variantId, not here. */
export class UpdateVariantDto extends PartialType(
  OmitType(CreateVariantDto, ['initialQuantity', 'lowStockThreshold'] as const),
  { skipNullProperties: false },
) {}

export class VariantStockResponse {
  @ApiProperty() quantity: number;
  @ApiProperty() reserved: number;
  @ApiProperty() available: number;
  @ApiProperty() lowStockThreshold: number;
}

export class VariantResponse {
  @ApiProperty() id: string;
  @ApiProperty() storeId: string;
  @ApiProperty() productId: string;
  @ApiProperty() sku: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: { size: 'L' } }) attributes: VariantAttributes;
  @ApiProperty({ example: '-2.00' }) priceAdjustment: string;
  @ApiProperty({ example: '17.99', description: 'basePrice + priceAdjustment' }) price: string;
  @ApiProperty({ nullable: true, type: String }) imageUrl: string | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ nullable: true, type: VariantStockResponse }) inventory: VariantStockResponse | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static from(v: ProductVariant, basePrice: Money): VariantResponse {
    const stock = v.inventory as ProductVariant['inventory'] | null | undefined;
    return {
      id: v.id,
      storeId: v.storeId,
      productId: v.productId,
      sku: v.sku,
      name: v.name,
      attributes: v.attributes,
      priceAdjustment: formatMoney(v.priceAdjustment),
      price: formatMoney(basePrice + v.priceAdjustment),
      imageUrl: v.imageUrl,
      isActive: v.isActive,
      inventory: stock
        ? {
            quantity: stock.quantity,
            reserved: stock.reserved,
            available: stock.quantity - stock.reserved,
            lowStockThreshold: stock.lowStockThreshold,
          }
        : null,
      createdAt: v.createdAt.toISOString(),
      updatedAt: v.updatedAt.toISOString(),
    };
  }
}
