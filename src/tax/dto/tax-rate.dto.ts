import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { CountryInput } from '../../common/country-codes';
import { MoneyInput } from '../../common/money.validator';
import { PaginationQuery } from '../../common/pagination';
import { TaxRate } from '../entities/tax-rate.entity';
import { formatRate } from '../tax-rate-format';
import { MAX_RATE_BP, RateBp, TAX_CLASSES, TaxClass } from '../tax.types';

const COUNTRY_PATTERN = /^[A-Z]{2}$/;
/** A percentage with at most two decimals as the API sends it: "19.00". */
const RATE_PATTERN = '^\\d{1,3}\\.\\d{2}$';

const UpperCase = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  );

export class CreateTaxRateDto {
  @CountryInput({ example: 'DE' })
  country: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    minLength: 1,
    maxLength: 100,
    example: 'BY',
    description:
      'Matched against the shipping address’s `state`, trimmed and case-insensitively (stored upper-case). ' +
      'Absent or null: the whole country.',
  })
  @IsOptional()
  @UpperCase()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(/\S/, { message: 'region must not be blank (send null for the whole country)' })
  @MaxLength(100)
  region?: string | null;

  @ApiProperty({ enum: TAX_CLASSES, description: 'The products of this class pay this rate' })
  @IsIn(TAX_CLASSES)
  taxClass: TaxClass;

  @ApiProperty({
    oneOf: [
      { type: 'string', pattern: '^\\d+(\\.\\d{1,2})?$', example: '19.00' },
      { type: 'number', minimum: 0, maximum: 100, example: 19 },
    ],
    description:
      'Percent, 0 to 100 with at most two decimals ("19.00" = 19 %); a string or a number. The zero class takes 0 only.',
  })
  @MoneyInput({ min: 0, max: MAX_RATE_BP })
  rate: RateBp;
}

/** Only the fields sent change; `null` fails every field but region (null there: the whole country). */
export class UpdateTaxRateDto extends PartialType(CreateTaxRateDto, { skipNullProperties: false }) {}

export class ListTaxRatesQuery extends PaginationQuery {
  @ApiPropertyOptional({ type: String, pattern: '^[A-Za-z]{2}$', description: 'Only this country’s rates' })
  @IsOptional()
  @UpperCase()
  @IsString()
  @Matches(COUNTRY_PATTERN, { message: 'country must be a 2-letter country code (ISO 3166-1 alpha-2)' })
  country?: string;

  @ApiPropertyOptional({ enum: TAX_CLASSES, description: 'Only this class' })
  @IsOptional()
  @IsIn(TAX_CLASSES)
  taxClass?: TaxClass;
}

export class TaxRateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty({ example: 'DE', pattern: '^[A-Z]{2}$' }) country: string;
  @ApiProperty({ type: String, nullable: true, example: 'BY', description: 'null: the whole country' })
  region: string | null;
  @ApiProperty({ enum: TAX_CLASSES }) taxClass: TaxClass;
  @ApiProperty({ example: '19.00', pattern: RATE_PATTERN, description: 'Percent with two decimals' })
  rate: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(r: TaxRate): TaxRateResponse {
    return {
      id: r.id,
      storeId: r.storeId,
      country: r.country,
      region: r.region,
      taxClass: r.taxClass,
      rate: formatRate(r.rate),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}
