import { ApiProperty, ApiPropertyOptions, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PaginationQuery } from '../../common/pagination';
import { COUNTRY_CODES } from '../../common/country-codes';
import { ShippingZone } from '../entities/shipping-zone.entity';
import { IsCountryCode } from '../../common/country-codes';

const COUNTRIES_SCHEMA: ApiPropertyOptions = {
  type: [String],
  minItems: 1,
  maxItems: COUNTRY_CODES.size,
  example: ['DE', 'AT', 'CH'],
  items: { type: 'string', pattern: '^[A-Z]{2}$' },
};

export class CreateShippingZoneDto {
  @ApiProperty({ example: 'DACH', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({
    ...COUNTRIES_SCHEMA,
    description:
      'ISO 3166-1 alpha-2 codes in uppercase (assigned codes only: "XX" or "UK" are refused); stored sorted, repeats dropped',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COUNTRY_CODES.size)
  @IsCountryCode({ each: true })
  countries: string[];
}

/** Only the fields sent change; `countries` replaces the whole list. */
export class UpdateShippingZoneDto extends PartialType(CreateShippingZoneDto, {
  skipNullProperties: false,
}) {}

export class ListShippingZonesQuery extends PaginationQuery {}

export class ShippingZoneResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty({ example: 'DACH' }) name: string;
  @ApiProperty({ ...COUNTRIES_SCHEMA, description: 'Sorted' }) countries: string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;

  static from(z: ShippingZone): ShippingZoneResponse {
    return {
      id: z.id,
      storeId: z.storeId,
      name: z.name,
      countries: z.countries,
      createdAt: z.createdAt.toISOString(),
      updatedAt: z.updatedAt.toISOString(),
    };
  }
}
