import { ApiProperty } from '@nestjs/swagger';
import { PROFILE_ROLES, ProfileRole } from './auth.types';
import { Profile } from './entities/profile.entity';

/** A profile as the API shows it (`GET /api/me`, the `user` of a login): never the password hash. */
export class ProfileView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ada@example.com' })
  email: string;

  @ApiProperty({ type: String, nullable: true, example: 'Ada Lovelace' })
  fullName: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+44 20 7946 0000' })
  phone: string | null;

  @ApiProperty({ enum: PROFILE_ROLES })
  role: ProfileRole;

  @ApiProperty()
  emailVerified: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export function toProfileView(profile: Profile): ProfileView {
  return {
    id: profile.id,
    email: profile.email,
    fullName: profile.fullName,
    phone: profile.phone,
    role: profile.role,
    emailVerified: profile.emailVerified,
    createdAt: profile.createdAt.toISOString(),
  };
}
