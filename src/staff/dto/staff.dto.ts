import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { MAX_EMAIL_LENGTH, NormalizedEmail } from '../../auth/dto/auth.dto';
import { PaginationQuery } from '../../common/pagination';
import { STORE_ROLES, StoreRole } from '../staff.types';

export class AddStaffDto {
  @ApiProperty({ example: 'manager@example.com', format: 'email', maxLength: MAX_EMAIL_LENGTH })
  @NormalizedEmail()
  @IsEmail()
  @MaxLength(MAX_EMAIL_LENGTH)
  email: string;

  @ApiProperty({ enum: STORE_ROLES })
  @IsIn(STORE_ROLES)
  role: StoreRole;
}

export class UpdateStaffDto {
  @ApiProperty({ enum: STORE_ROLES })
  @IsIn(STORE_ROLES)
  role: StoreRole;
}

export class ListStaffQuery extends PaginationQuery {}

/** A member of a store's staff. */
export class StaffMemberResponse {
  @ApiProperty({ format: 'uuid' })
  profileId: string;

  @ApiProperty({ format: 'uuid' })
  storeId: string;

  @ApiProperty({ example: 'manager@example.com' })
  email: string;

  @ApiProperty({ type: String, nullable: true })
  fullName: string | null;

  @ApiProperty({ enum: STORE_ROLES })
  role: StoreRole;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

/** An invitation to join a store's staff: accepted with POST /auth/invitations/accept. */
export class StaffInvitationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  storeId: string;

  @ApiProperty({ example: 'manager@example.com' })
  email: string;

  @ApiProperty({ enum: STORE_ROLES })
  role: StoreRole;

  @ApiProperty({ description: 'Shown once; single use, valid 7 days. Also mailed to the address.' })
  token: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: string;
}

/**
 * What POST …/staff did: an existing admin became a member at once (`membership`), or the email was
 * invited (`invitation`); the other field is null.
 */
export class StaffAddedResponse {
  @ApiProperty({ enum: ['membership', 'invitation'] })
  kind: 'membership' | 'invitation';

  @ApiProperty({ type: StaffMemberResponse, nullable: true })
  membership: StaffMemberResponse | null;

  @ApiProperty({ type: StaffInvitationResponse, nullable: true })
  invitation: StaffInvitationResponse | null;
}
