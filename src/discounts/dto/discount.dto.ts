import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ApiMoney, ApiMoneyInput } from '../../common/openapi';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { formatMoney, Money } from '../../common/money';
import { MoneyInput } from '../../common/money.validator';
import { PaginationQuery } from '../../common/pagination';
import { DISCOUNT_TYPES, DiscountType } from '../discount.types';
import { Discount } from '../entities/discount.entity';

export class CreateDiscountDto {
  @ApiProperty({
    example: 'SAVE10',
    description: 'Unique per store, matched case-insensitively',
    pattern: '^[A-Za-z0-9_-]+$',
    maxLength: 50,
  })
  @IsString()
  @MaxLength(50)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'code may contain letters, digits, "-" and "_" only' })
  code: string;

  @ApiProperty({ enum: DISCOUNT_TYPES })
  @IsIn(DISCOUNT_TYPES)
  type: DiscountType;

  @ApiMoneyInput({
    example: '10.00',
    description:
      'percentage: the percent off (0.01 to 100); fixed: the amount off in the store currency (at least ' +
      '0.01). A decimal string or number with at most two decimals.',
  })
  @MoneyInput({ min: 1 })
  value: Money;

  @ApiMoneyInput({
    required: false,
    example: '50.00',
    description:
      'Smallest subtotal the code applies to (default 0). A decimal string or number with at most two decimals.',
  })
  @IsOptional()
  @MoneyInput()
  minPurchaseAmount?: Money;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    description: 'How many orders may use the code; null: unlimited (default)',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  maxUses?: number | null;

  @ApiPropertyOptional({ description: 'true when created without it' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'null: valid at once',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  startsAt?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'Exclusive, after startsAt; null: never expires',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  expiresAt?: string | null;
}

export class UpdateDiscountDto extends PartialType(CreateDiscountDto) {}

export class ListDiscountsQuery extends PaginationQuery {
  @ApiPropertyOptional({ description: 'Part of the code, case-insensitive', maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only active (true) or inactive (false) codes' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  isActive?: boolean;
}

export class DiscountResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty({ example: 'SAVE10' }) code: string;
  @ApiProperty({ enum: DISCOUNT_TYPES }) type: DiscountType;
  /** Both kinds are stored as DECIMAL(10,2) and formatted alike: "10.50" is 10.50 % or 10.50 off. */
  @ApiMoney({
    example: '10.00',
    description:
      'percentage: the percent off ("10.50" = 10.5 %); fixed: the amount off in the store currency',
  })
  value: string;
  @ApiMoney({ example: '0.00', description: 'Smallest subtotal the code applies to' })
  minPurchaseAmount: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: unlimited' }) maxUses: number | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) timesUsed: number;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startsAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;

  static from(d: Discount): DiscountResponse {
    return {
      id: d.id,
      storeId: d.storeId,
      code: d.code,
      type: d.type,
      value: formatMoney(d.value),
      minPurchaseAmount: formatMoney(d.minPurchaseAmount),
      maxUses: d.maxUses,
      timesUsed: d.timesUsed,
      isActive: d.isActive,
      startsAt: d.startsAt?.toISOString() ?? null,
      expiresAt: d.expiresAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  }
}

/** ISO strings of the DTO as Dates (null stays null, absent stays undefined). */
export function dateOrNull(value: string | null | undefined): Date | null | undefined {
  return value === undefined ? undefined : value === null ? null : new Date(value);
}
