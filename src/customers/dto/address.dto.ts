import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CountryInput } from '../../common/country-codes';

/** Optional, but `null` is not "absent": for NOT NULL columns it must fail validation, not the database. */
const Omittable = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

/** The fields of a postal address, validated as the address book and the orders' copies store them. */
export class AddressFieldsDto {
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

  @CountryInput()
  country: string;
}

/** An address-book entry as created; checkout's inline shipping address is the same without `isDefault`. */
export class CreateAddressDto extends AddressFieldsDto {
  @ApiPropertyOptional({ description: 'Make it the default address (the first address always is)' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateAddressDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 50 })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  phone?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  addressLine1?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine2?: string | null;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @Omittable()
  @IsString()
  @MaxLength(100)
  state?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 20 })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  postalCode?: string;

  @Omittable()
  @CountryInput({ required: false })
  country?: string;

  @ApiPropertyOptional({
    description: 'true makes it the default (the previous default is unset); false is refused on the default',
  })
  @Omittable()
  @IsBoolean()
  isDefault?: boolean;
}

export class AddressView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  fullName: string;

  @ApiProperty()
  phone: string;

  @ApiProperty()
  addressLine1: string;

  @ApiProperty({ type: String, nullable: true })
  addressLine2: string | null;

  @ApiProperty()
  city: string;

  @ApiProperty()
  state: string;

  @ApiProperty()
  postalCode: string;

  @ApiProperty({ example: 'US', pattern: '^[A-Z]{2}$' })
  country: string;

  @ApiProperty()
  isDefault: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
}
