import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Category } from '../entities/category.entity';
import { IsWebUrl, OptionalNotNull, OptionalSlug } from './catalog-validators';

export class CreateCategoryDto {
  @ApiProperty({ example: 'T-Shirts' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    example: 't-shirts',
    description: 'Unique per store; generated from the name when absent',
  })
  @OptionalSlug()
  slug?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'A category of the same store; null for the root' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all')
  parentId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsWebUrl()
  imageUrl?: string | null;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({ default: 0 })
  @OptionalNotNull()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  displayOrder?: number;
}

export class UpdateCategoryDto extends PartialType(CreateCategoryDto, { skipNullProperties: false }) {}

export class CategoryResponse {
  @ApiProperty() id: string;
  @ApiProperty() storeId: string;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) imageUrl: string | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty() displayOrder: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  static from(c: Category): CategoryResponse {
    return {
      id: c.id,
      storeId: c.storeId,
      parentId: c.parentId,
      name: c.name,
      slug: c.slug,
      description: c.description,
      imageUrl: c.imageUrl,
      isActive: c.isActive,
      displayOrder: c.displayOrder,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }
}
