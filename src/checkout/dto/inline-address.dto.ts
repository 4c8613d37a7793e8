import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  registerDecorator,
  ValidationArguments,
} from 'class-validator';

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Region codes that are not countries one ships to (ICU knows them as regions). */
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO']);

/** An assigned ISO 3166-1 alpha-2 country code (upper case): "US", "DE"; not "ZZ", "QQ", "USA". */
export function isCountryCode(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^[A-Z]{2}$/.test(value) &&
    !NOT_COUNTRIES.has(value) &&
    REGIONS.of(value) !== undefined
  );
}

function IsCountryCode(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCountryCode',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => isCountryCode(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'country'} must be an ISO 3166-1 alpha-2 country code, e.g. "US"`,
      },
    });
}

/** The address an order ships to, sent with the checkout instead of an address-book id. */
export class InlineAddressDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ minLength: 1, maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  phone: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  addressLine1: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine2?: string | null;

  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city: string;

  @ApiProperty({
    maxLength: 100,
    description: 'State, province or region (may be empty where there is none)',
  })
  @IsString()
  @MaxLength(100)
  state: string;

  @ApiProperty({ minLength: 1, maxLength: 20 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  postalCode: string;

  @ApiProperty({
    example: 'US',
    pattern: '^[A-Za-z]{2}$',
    description: 'ISO 3166-1 alpha-2 country code (any case: stored upper-case)',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @IsCountryCode()
  country: string;
}
