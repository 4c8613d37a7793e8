import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PROFILE_ROLES, ProfileRole } from '../../auth/auth.types';
import { ProfileView } from '../../auth/profile-view';
import { PaginationQuery } from '../../common/pagination';
import { AddressView } from './address.dto';

/** PATCH /api/me: only these two; role, email or anything else is rejected (400) by the whitelist. */
export class UpdateMeDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fullName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;
}

export class CustomerSearchQuery extends PaginationQuery {
  @ApiPropertyOptional({ description: 'Text in the email or the name (case-insensitive)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: PROFILE_ROLES, description: 'Only profiles with this role (default: all)' })
  @IsOptional()
  @IsIn(PROFILE_ROLES)
  role?: ProfileRole;
}

export class CustomerDetail extends ProfileView {
  @ApiProperty({ type: [AddressView] })
  addresses: AddressView[];
}
