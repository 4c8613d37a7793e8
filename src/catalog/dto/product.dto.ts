import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { Metadata, MetadataPatch } from '../../common/metadata/metadata';
import { ApiMetadata } from '../../common/metadata/metadata.openapi';
import { MetadataInput } from '../../common/metadata/metadata.validator';
import { formatMoney, Money } from '../../common/money';
import { MoneyInput } from '../../common/money.validator';
import { PaginationQuery } from '../../common/pagination';
import { Product } from '../entities/product.entity';
import { Tag } from '../entities/tag.entity';
import { TAX_CLASSES, TaxClass } from '../../tax/tax.types';
import { ApiMoney, ApiMoneyInput } from '../../common/openapi';
import { SLUG_SCHEMA } from './catalog-schemas';
import { OptionalNotNull, OptionalSlug } from './catalog-validators';

export class CreateProductDto {
  @ApiProperty({ example: 'Classic Cotton Tee', minLength: 1, maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({
    ...SLUG_SCHEMA,
    description: 'Unique per store; generated from the name when absent',
  })
  @OptionalSlug()
  slug?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 20_000 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(20_000)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A category of the same store',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all')
  categoryId?: string | null;

  @ApiMoneyInput({ description: 'At least 0; a variant costs basePrice + priceAdjustment' })
  @MoneyInput()
  basePrice: Money;

  @ApiPropertyOptional({
    enum: TAX_CLASSES,
    default: 'standard',
    description: 'Which of the destination’s tax rates its lines pay (default standard)',
  })
  @OptionalNotNull()
  @IsIn(TAX_CLASSES)
  taxClass?: TaxClass;

  @ApiPropertyOptional({ type: Boolean })
  @OptionalNotNull()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @OptionalNotNull()
  @IsBoolean()
  isFeatured?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(300)
  metaTitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(1000)
  metaDescription?: string | null;

  @ApiPropertyOptional({
    type: 'string',
    isArray: true,
    format: 'uuid',
    maxItems: 50,
    description: 'Tags of the same store; replaces the product’s tags',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  tagIds?: string[];

  @MetadataInput()
  metadata?: MetadataPatch;
}

export class UpdateProductDto extends PartialType(CreateProductDto, { skipNullProperties: false }) {}

export class ListProductsQuery extends PaginationQuery {
  @ApiPropertyOptional({
    type: String,
    maxLength: 100,
    description: 'Part of the name or slug, case-insensitive',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  categoryId?: string;
}

export class ProductTagResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

export class ProductResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) categoryId: string | null;
  @ApiMoney() basePrice: string;
  @ApiProperty({ enum: TAX_CLASSES }) taxClass: TaxClass;
  @ApiProperty() isActive: boolean;
  @ApiProperty() isFeatured: boolean;
  @ApiProperty({ type: String, nullable: true }) metaTitle: string | null;
  @ApiProperty({ type: String, nullable: true }) metaDescription: string | null;
  @ApiProperty({ type: [ProductTagResponse] }) tags: ProductTagResponse[];
  @ApiMetadata() metadata: Metadata;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(p: Product, tags: Tag[]): ProductResponse {
    return {
      id: p.id,
      storeId: p.storeId,
      name: p.name,
      slug: p.slug,
      description: p.description,
      categoryId: p.categoryId,
      basePrice: formatMoney(p.basePrice),
      taxClass: p.taxClass,
      isActive: p.isActive,
      isFeatured: p.isFeatured,
      metaTitle: p.metaTitle,
      metaDescription: p.metaDescription,
      tags: tags.map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
      metadata: p.metadata,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}
