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
import { Metadata, MetadataPatch } from '../../common/metadata/metadata';
import { ApiMetadata } from '../../common/metadata/metadata.openapi';
import { MetadataInput } from '../../common/metadata/metadata.validator';
import { formatMoney, MAX_DECIMAL_10_2, Money } from '../../common/money';
import { MoneyInput } from '../../common/money.validator';
import { MAX_STOCK } from '../../inventory/dto/inventory-admin.dto';
import { ProductVariant, VariantAttributes } from '../entities/product-variant.entity';
import { ApiMoney } from '../../common/openapi';
import { ATTRIBUTES_SCHEMA, SIGNED_MONEY_INPUT_SCHEMA, WEB_URL_SCHEMA } from './catalog-schemas';
import { IsFlatAttributes, IsWebUrl, OptionalNotNull } from './catalog-validators';

/** Heaviest unit a variant may weigh (10 t): a bound that keeps cart weights far from overflow. */
export const MAX_WEIGHT_GRAMS = 10_000_000;

export class CreateVariantDto {
  @ApiPropertyOptional({
    type: String,
    pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
    maxLength: 64,
    example: 'PROD-TSHIRT-A3F2-LRG-BLK',
    description: 'Unique per store; generated as PROD-{category}-{product}-{attributes} when absent',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'sku may contain letters, digits, ".", "_" and "-"' })
  sku?: string;

  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: 200,
    example: 'Large / Black',
    description: 'Defaults to the attribute values',
  })
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    ...ATTRIBUTES_SCHEMA,
    description: 'Flat object of short strings; keys are 1-50 letters, digits, "_" or "-"',
  })
  @OptionalNotNull()
  @IsFlatAttributes()
  attributes?: VariantAttributes;

  @ApiPropertyOptional({
    ...SIGNED_MONEY_INPUT_SCHEMA,
    default: '0.00',
    description:
      'A decimal string or number with at most two decimals; basePrice + priceAdjustment must stay ≥ 0',
  })
  @OptionalNotNull()
  @MoneyInput({ min: -MAX_DECIMAL_10_2 })
  priceAdjustment?: Money;

  @ApiPropertyOptional({ ...WEB_URL_SCHEMA, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsWebUrl()
  imageUrl?: string | null;

  @ApiPropertyOptional({ type: Boolean })
  @OptionalNotNull()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_WEIGHT_GRAMS,
    default: 0,
    description: 'Shipping weight of one unit in grams (weight-tier shipping rates add these up)',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_WEIGHT_GRAMS)
  weightGrams?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_STOCK,
    default: 0,
    description: 'Stock the new variant starts with',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  initialQuantity?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_STOCK, default: 10 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  lowStockThreshold?: number;

  @MetadataInput()
  metadata?: MetadataPatch;
}

/** Stock is changed through PATCH /admin/inventory/:variantId, not here. */
export class UpdateVariantDto extends PartialType(
  OmitType(CreateVariantDto, ['initialQuantity', 'lowStockThreshold'] as const),
  { skipNullProperties: false },
) {}

export class VariantStockResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) quantity: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Held by pending orders' }) reserved: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'quantity - reserved' }) available: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) lowStockThreshold: number;
}

export class VariantResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty() sku: string;
  @ApiProperty() name: string;
  @ApiProperty(ATTRIBUTES_SCHEMA) attributes: VariantAttributes;
  @ApiMoney({ example: '-2.00' }) priceAdjustment: string;
  @ApiMoney({ example: '17.99', description: 'basePrice + priceAdjustment' }) price: string;
  @ApiProperty({ type: String, format: 'uri', nullable: true }) imageUrl: string | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Shipping weight of one unit, in grams' })
  weightGrams: number;
  @ApiProperty({
    type: VariantStockResponse,
    nullable: true,
    description: 'null when the variant has no stock row',
  })
  inventory: VariantStockResponse | null;
  @ApiMetadata() metadata: Metadata;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

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
      weightGrams: v.weightGrams,
      inventory: stock
        ? {
            quantity: stock.quantity,
            reserved: stock.reserved,
            available: stock.quantity - stock.reserved,
            lowStockThreshold: stock.lowStockThreshold,
          }
        : null,
      metadata: v.metadata,
      createdAt: v.createdAt.toISOString(),
      updatedAt: v.updatedAt.toISOString(),
    };
  }
}
