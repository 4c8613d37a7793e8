import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { formatMoney, Money } from '../../common/money';
import { MoneyInput } from '../../common/money.validator';
import { PaginationQuery } from '../../common/pagination';
import { Product } from '../entities/product.entity';
import { Tag } from '../entities/tag.entity';
import { OptionalNotNull, OptionalSlug } from './catalog-validators';

export class CreateProductDto {
  @ApiProperty({ example: 'Classic Cotton Tee' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({ description: 'Unique per store; generated from the name when absent' })
  @OptionalSlug()
  slug?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(20_000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'A category of the same store' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all')
  categoryId?: string | null;

  @ApiProperty({ example: '19.99', description: 'At least 0; a variant costs basePrice + priceAdjustment' })
  @MoneyInput()
  basePrice: Money;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  isFeatured?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(300)
  metaTitle?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(1000)
  metaDescription?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Tags of the same store; replaces the product’s tags' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  tagIds?: string[];
}

export class UpdateProductDto extends PartialType(CreateProductDto, { skipNullProperties: false }) {}

export class ListProductsQuery extends PaginationQuery {
  @ApiPropertyOptional({ description: 'Part of the name or slug, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all')
  categoryId?: string;
}

export class ProductTagResponse {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

export class ProductResponse {
  @ApiProperty() id: string;
  @ApiProperty() storeId: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) categoryId: string | null;
  @ApiProperty({ example: '19.99' }) basePrice: string;
  @ApiProperty() isActive: boolean;
  @ApiProperty() isFeatured: boolean;
  @ApiProperty({ nullable: true, type: String }) metaTitle: string | null;
  @ApiProperty({ nullable: true, type: String }) metaDescription: string | null;
  @ApiProperty({ type: [ProductTagResponse] }) tags: ProductTagResponse[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static from(p: Product, tags: Tag[]): ProductResponse {
    return {
      id: p.id,
      storeId: p.storeId,
      name: p.name,
      slug: p.slug,
      description: p.description,
      categoryId: p.categoryId,
      basePrice: formatMoney(p.basePrice),
      isActive: p.isActive,
      isFeatured: p.isFeatured,
      metaTitle: p.metaTitle,
      metaDescription: p.metaDescription,
      tags: tags.map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }
}
