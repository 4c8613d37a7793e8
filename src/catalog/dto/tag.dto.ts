import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Tag } from '../entities/tag.entity';
import { SLUG_SCHEMA } from './catalog-schemas';
import { OptionalSlug } from './catalog-validators';

export class CreateTagDto {
  @ApiProperty({ example: 'Summer', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({
    ...SLUG_SCHEMA,
    example: 'summer',
    description: 'Unique per store; generated from the name when absent',
  })
  @OptionalSlug()
  slug?: string;
}

export class UpdateTagDto extends PartialType(CreateTagDto, { skipNullProperties: false }) {}

export class TagResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(t: Tag): TagResponse {
    return {
      id: t.id,
      storeId: t.storeId,
      name: t.name,
      slug: t.slug,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    };
  }
}
