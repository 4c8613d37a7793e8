import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Tag } from '../entities/tag.entity';
import { OptionalSlug } from './catalog-validators';

export class CreateTagDto {
  @ApiProperty({ example: 'Summer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({
    example: 'summer',
    description: 'Unique per store; generated from the name when absent',
  })
  @OptionalSlug()
  slug?: string;
}

export class UpdateTagDto extends PartialType(CreateTagDto, { skipNullProperties: false }) {}

export class TagResponse {
  @ApiProperty() id: string;
  @ApiProperty() storeId: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

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
