import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
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
  @ApiProperty({ example: 'SAVE10', description: 'Unique per store, matched case-insensitively' })
  @IsString()
  @MaxLength(50)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'code may contain letters, digits, "-" and "_" only' })
  code: string;

  @ApiProperty({ enum: DISCOUNT_TYPES })
  @IsIn(DISCOUNT_TYPES)
  type: DiscountType;

  @ApiProperty({
    example: '10.00',
    description: 'Percentage (≤ 100) or a fixed amount in the store currency',
  })
  @MoneyInput({ min: 1 })
  value: Money;

  @ApiPropertyOptional({ example: '50.00' })
  @IsOptional()
  @MoneyInput()
  minPurchaseAmount?: Money;

  @ApiPropertyOptional({ nullable: true, minimum: 1 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  maxUses?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({ nullable: true, format: 'date-time' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  startsAt?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'date-time' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  expiresAt?: string | null;
}

export class UpdateDiscountDto extends PartialType(CreateDiscountDto) {}

export class ListDiscountsQuery extends PaginationQuery {
  @ApiPropertyOptional({ description: 'Part of the code, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  isActive?: boolean;
}

export class DiscountResponse {
  @ApiProperty() id: string;
  @ApiProperty() storeId: string;
  @ApiProperty() code: string;
  @ApiProperty({ enum: DISCOUNT_TYPES }) type: DiscountType;
  @ApiProperty({ example: '10.00' }) value: string;
  @ApiProperty({ example: '0.00' }) minPurchaseAmount: string;
  @ApiProperty({ nullable: true, type: Number }) maxUses: number | null;
  @ApiProperty() timesUsed: number;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ nullable: true, type: String }) startsAt: string | null;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

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
