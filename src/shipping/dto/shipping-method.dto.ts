import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { formatMoney, Money } from '../../common/money';
import { MoneyInput } from '../../common/money.validator';
import { ApiMoney, ApiMoneyInput } from '../../common/openapi';
import { PaginationQuery } from '../../common/pagination';
import { ShippingMethod } from '../entities/shipping-method.entity';
import { MAX_TIER_GRAMS, MAX_WEIGHT_TIERS, RATE_TYPES, RateType } from '../shipping.types';

/** May be left out, but null is refused (a NOT NULL column). */
const OptionalNotNull = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

export class WeightTierDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_TIER_GRAMS,
    example: 1000,
    description: 'Carts weighing at most this many grams (inclusive) pay this tier',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_TIER_GRAMS)
  upToGrams: number;

  @ApiMoneyInput({ example: '4.99' })
  @MoneyInput()
  amount: Money;
}

export class CreateShippingMethodDto {
  @ApiProperty({ format: 'uuid', description: 'A shipping zone of this store' })
  @IsUUID('all')
  zoneId: string;

  @ApiProperty({ example: 'Standard', minLength: 1, maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: RATE_TYPES })
  @IsIn(RATE_TYPES)
  rateType: RateType;

  @ApiMoneyInput({
    required: false,
    example: '4.99',
    description:
      'flat: the price; free_over: the price below freeOver (both required); weight: a handling fee added to ' +
      'the tier’s amount (default 0). A decimal string or number with at most two decimals.',
  })
  @OptionalNotNull()
  @MoneyInput()
  amount?: Money;

  @ApiMoneyInput({
    required: false,
    nullable: true,
    example: '50.00',
    description:
      'free_over only (required there): a subtotal after discounts of at least this ships free (inclusive). ' +
      'At least 0.01.',
  })
  // null is a value here: it clears the field.
  @IsOptional()
  @MoneyInput({ min: 1 })
  freeOver?: Money | null;

  @ApiPropertyOptional({
    type: [WeightTierDto],
    nullable: true,
    minItems: 1,
    maxItems: MAX_WEIGHT_TIERS,
    description:
      'weight only (required there): bands in strictly ascending upToGrams order; a cart heavier than the ' +
      'last bound cannot use the method',
  })
  // null is a value here: it clears the field.
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_WEIGHT_TIERS)
  @ValidateNested({ each: true })
  @Type(() => WeightTierDto)
  weightTiers?: WeightTierDto[] | null;

  @ApiPropertyOptional({ description: 'true when created without it' })
  @OptionalNotNull()
  @IsBoolean()
  isActive?: boolean;
}

/**
 * Only the fields sent change. The result must still be coherent: switching to free_over needs a
 * freeOver, to weight needs weightTiers; the field of the former type is cleared.
 */
export class UpdateShippingMethodDto extends PartialType(
  OmitType(CreateShippingMethodDto, ['freeOver', 'weightTiers'] as const),
  { skipNullProperties: false },
) {
  @ApiMoneyInput({ required: false, nullable: true, example: '50.00', description: 'See create' })
  // null is a value here: it clears the field.
  @IsOptional()
  @MoneyInput({ min: 1 })
  freeOver?: Money | null;

  @ApiPropertyOptional({
    type: [WeightTierDto],
    nullable: true,
    minItems: 1,
    maxItems: MAX_WEIGHT_TIERS,
    description: 'See create; replaces the whole list',
  })
  // null is a value here: it clears the field.
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_WEIGHT_TIERS)
  @ValidateNested({ each: true })
  @Type(() => WeightTierDto)
  weightTiers?: WeightTierDto[] | null;
}

export class ListShippingMethodsQuery extends PaginationQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the methods of this zone' })
  @IsOptional()
  @IsUUID('all')
  zoneId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only active (true) or inactive (false) methods' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  isActive?: boolean;
}

export class WeightTierResponse {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1000 }) upToGrams: number;
  @ApiMoney({ example: '4.99' }) amount: string;
}

export class ShippingMethodResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty({ example: 'Standard' }) name: string;
  @ApiProperty({ enum: RATE_TYPES }) rateType: RateType;
  @ApiMoney({ example: '4.99', description: 'flat / free_over: the price; weight: the fee added to a tier' })
  amount: string;
  @ApiMoney({ nullable: true, example: '50.00', description: 'free_over only, else null' })
  freeOver: string | null;
  @ApiProperty({ type: [WeightTierResponse], nullable: true, description: 'weight only, else null' })
  weightTiers: WeightTierResponse[] | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;

  static from(m: ShippingMethod): ShippingMethodResponse {
    return {
      id: m.id,
      storeId: m.storeId,
      zoneId: m.zoneId,
      name: m.name,
      rateType: m.rateType,
      amount: formatMoney(m.amount),
      freeOver: m.freeOver === null ? null : formatMoney(m.freeOver),
      weightTiers:
        m.weightTiers?.map((t) => ({ upToGrams: t.upToGrams, amount: formatMoney(t.amount) })) ?? null,
      isActive: m.isActive,
      createdAt: m.createdAt.toISOString(),
      updatedAt: m.updatedAt.toISOString(),
    };
  }
}
