import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../password-hasher';
import { ProfileView } from '../profile-view';
import { normalizeEmail } from '../tokens';

/** Longest accepted password: argon2 takes any length, but hashing megabytes would be a cheap DoS. */
export const MAX_PASSWORD_LENGTH = 256;
/** RFC 5321 limit for a forward path. */
export const MAX_EMAIL_LENGTH = 254;

/** Emails are compared and stored lower-cased and trimmed. */
export const NormalizedEmail = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeEmail(value) : value));

export class RegisterDto {
  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: MAX_EMAIL_LENGTH })
  @NormalizedEmail()
  @IsEmail()
  @MaxLength(MAX_EMAIL_LENGTH)
  email: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, format: 'password' })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string;
}

export class LoginDto {
  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: MAX_EMAIL_LENGTH })
  @NormalizedEmail()
  @IsEmail()
  @MaxLength(MAX_EMAIL_LENGTH)
  email: string;

  @ApiProperty({ format: 'password', minLength: 1, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

export class RefreshDto {
  @ApiProperty({
    description: 'The refresh token of the last login or refresh',
    minLength: 1,
    maxLength: 200,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({
    description: 'Revokes this token’s family (this device). Without it, every session of the caller ends.',
    minLength: 1,
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token from the invitation', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({
    description:
      'The new admin’s password; when the invited email already has an account, that account’s current password',
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    format: 'password',
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fullName?: string;
}

export class CreateInvitationDto {
  @ApiProperty({ example: 'new.admin@example.com', format: 'email', maxLength: MAX_EMAIL_LENGTH })
  @NormalizedEmail()
  @IsEmail()
  @MaxLength(MAX_EMAIL_LENGTH)
  email: string;
}

/** What register, login, refresh and invitation acceptance return. */
export class AuthSession {
  @ApiProperty({ description: 'JWT (HS256), valid 15 minutes: `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @ApiProperty({ description: 'Opaque, valid 30 days, single use: rotated by POST /api/auth/refresh' })
  refreshToken: string;

  @ApiProperty({ type: ProfileView })
  user: ProfileView;
}

export class InvitationCreated {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'email' })
  email: string;

  @ApiProperty({ description: 'Shown once: only its hash is stored' })
  token: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: string;
}
