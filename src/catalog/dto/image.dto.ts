import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ProductImage } from '../entities/product-image.entity';
import { IsWebUrl, OptionalNotNull } from './catalog-validators';

export class CreateImageDto {
  @ApiProperty({ example: 'https://cdn.example.com/tee-front.jpg' })
  @IsWebUrl()
  url: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  altText?: string | null;

  @ApiPropertyOptional({ default: 0 })
  @OptionalNotNull()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  displayOrder?: number;
}

export class UpdateImageDto extends PartialType(CreateImageDto, { skipNullProperties: false }) {}

export class ImageResponse {
  @ApiProperty() id: string;
  @ApiProperty() productId: string;
  @ApiProperty() url: string;
  @ApiProperty({ nullable: true, type: String }) altText: string | null;
  @ApiProperty() displayOrder: number;
  @ApiProperty() createdAt: string;

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
