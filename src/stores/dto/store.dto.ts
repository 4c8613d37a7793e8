import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsISO4217CurrencyCode,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { formatMoney, Money } from '../../common/money';
import { MoneyInput } from '../../common/money.validator';
import { ApiMoney, ApiMoneyInput } from '../../common/openapi';
import { Store } from '../entities/store.entity';

/** May be left out, but `null` still goes through the validators (and fails them). */
const OptionalNotNull = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Lower-case letters, digits and single dashes, as `slugify` produces them. */
export const STORE_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A fraction between 0 and 1 with at most four decimals ("0.0825" = 8.25 %), as DECIMAL(5,4) stores it. */
const TAX_RATE_PATTERN = /^(?:0(?:\.\d{1,4})?|1(?:\.0{1,4})?)$/;

export class CreateStoreDto {
  @ApiProperty({ example: 'Acme Outfitters', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    type: String,
    pattern: STORE_SLUG_PATTERN.source,
    maxLength: 80,
    example: 'acme',
    description: 'Unique; generated from the name when absent',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(80)
  @Matches(STORE_SLUG_PATTERN, { message: 'slug may contain lower-case letters, digits and single dashes' })
  slug?: string;

  @ApiPropertyOptional({
    type: String,
    pattern: '^[A-Z]{3}$',
    example: 'USD',
    default: 'USD',
    description:
      'ISO 4217 code, upper case, with 0 or 2 minor digits (JPY, EUR, USD…); KWD, BHD and other 3-digit ' +
      'currencies are 400 UNSUPPORTED_CURRENCY',
  })
  @OptionalNotNull()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be three upper-case letters' })
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 currency code' })
  currency?: string;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'string', pattern: TAX_RATE_PATTERN.source, example: '0.0825' },
      { type: 'number', minimum: 0, maximum: 1, example: 0.0825 },
    ],
    description: 'Fraction 0..1 with at most four decimals ("0.0825" = 8.25 %), a string or a number',
  })
  @OptionalNotNull()
  // A JSON number is read through its shortest decimal form (0.0825 → "0.0825"), never as a float.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value), {
    toClassOnly: true,
  })
  @IsString()
  @Matches(TAX_RATE_PATTERN, {
    message: 'taxRate must be a fraction between 0 and 1 with at most four decimals',
  })
  taxRate?: string;

  @ApiMoneyInput({ required: false, example: '5.00', description: 'Flat shipping per order' })
  @OptionalNotNull()
  @MoneyInput()
  shippingFlat?: Money;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'Prices and shipping include tax: it is extracted from them, not added (default false)',
  })
  @OptionalNotNull()
  @IsBoolean()
  pricesIncludeTax?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'Shipping is taxed at the destination’s standard rate (default false)',
  })
  @OptionalNotNull()
  @IsBoolean()
  taxShipping?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @OptionalNotNull()
  @IsBoolean()
  isActive?: boolean;
}

export class UpdateStoreDto extends PartialType(CreateStoreDto, { skipNullProperties: false }) {}

/** A store as the public storefront list shows it. */
export class PublicStoreResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'USD', pattern: '^[A-Z]{3}$' }) currency: string;

  static from(s: Store): PublicStoreResponse {
    return { id: s.id, slug: s.slug, name: s.name, currency: s.currency };
  }
}

export class StoreResponse extends PublicStoreResponse {
  @ApiProperty({
    example: '0.0825',
    pattern: '^\\d\\.\\d{4}$',
    description: 'Fraction 0..1 with four decimals',
  })
  taxRate: string;
  @ApiMoney({ example: '5.00' }) shippingFlat: string;
  @ApiProperty({ description: 'Prices and shipping include tax' }) pricesIncludeTax: boolean;
  @ApiProperty({ description: 'Shipping is taxed at the standard rate' }) taxShipping: boolean;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(s: Store): StoreResponse {
    return {
      ...PublicStoreResponse.from(s),
      taxRate: s.taxRate,
      shippingFlat: formatMoney(s.shippingFlat),
      pricesIncludeTax: s.pricesIncludeTax,
      taxShipping: s.taxShipping,
      isActive: s.isActive,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}
