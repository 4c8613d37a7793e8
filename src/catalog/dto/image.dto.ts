import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ProductImage } from '../entities/product-image.entity';
import { WEB_URL_SCHEMA } from './catalog-schemas';
import { IsWebUrl, OptionalNotNull } from './catalog-validators';

export class CreateImageDto {
  @ApiProperty({ ...WEB_URL_SCHEMA, example: 'https://cdn.example.com/tee-front.jpg' })
  @IsWebUrl()
  url: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  altText?: string | null;

  @ApiPropertyOptional({ type: 'integer', minimum: -1_000_000, maximum: 1_000_000, default: 0 })
  @OptionalNotNull()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  displayOrder?: number;
}

export class UpdateImageDto extends PartialType(CreateImageDto, { skipNullProperties: false }) {}

export class ImageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ format: 'uri' }) url: string;
  @ApiProperty({ type: String, nullable: true }) altText: string | null;
  @ApiProperty({ type: 'integer' }) displayOrder: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(i: ProductImage): ImageResponse {
    return {
      id: i.id,
      productId: i.productId,
      url: i.imageUrl,
      altText: i.altText,
      displayOrder: i.displayOrder,
      createdAt: i.createdAt.toISOString(),
    };
  }
}
