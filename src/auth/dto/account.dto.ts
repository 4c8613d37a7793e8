import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../password-hasher';
import { ProfileView } from '../profile-view';
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, NormalizedEmail } from './auth.dto';

/** A new password: the rules of register (a weak one is 400 VALIDATION_FAILED). */
const NewPassword = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      description,
      minLength: MIN_PASSWORD_LENGTH,
      maxLength: MAX_PASSWORD_LENGTH,
      format: 'password',
    }),
    IsString(),
    MinLength(MIN_PASSWORD_LENGTH),
    MaxLength(MAX_PASSWORD_LENGTH),
  );

/** A password the account already has (checked against its hash, so any non-empty string). */
const CurrentPassword = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ description, format: 'password', minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
    IsString(),
    IsNotEmpty(),
    MaxLength(MAX_PASSWORD_LENGTH),
  );

const AccountEmail = (example: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example, format: 'email', maxLength: MAX_EMAIL_LENGTH }),
    NormalizedEmail(),
    IsEmail(),
    MaxLength(MAX_EMAIL_LENGTH),
  );

/** The token of an emailed link (`token=…`). */
export class AccountTokenDto {
  @ApiProperty({ description: 'The token from the emailed link', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

export class ForgotPasswordDto {
  @AccountEmail('ada@example.com')
  email: string;
}

export class ResetPasswordDto extends AccountTokenDto {
  @NewPassword('The new password')
  password: string;
}

export class ChangePasswordDto {
  @CurrentPassword('The account’s current password')
  currentPassword: string;

  @NewPassword('The new password')
  newPassword: string;

  @ApiPropertyOptional({
    description: 'This device’s refresh token: its session stays open. Without it, every session ends.',
    minLength: 1,
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}

export class ChangeEmailDto {
  @AccountEmail('ada.new@example.com')
  newEmail: string;

  @CurrentPassword('The account’s current password')
  password: string;
}

export class DeleteAccountDto {
  @CurrentPassword('The account’s current password')
  password: string;
}

/** The 202 of the request routes: the same whatever happened (no enumeration). */
export class AccountRequestAccepted {
  @ApiProperty({ example: 'If the address can receive it, an email is on its way' })
  message: string;
}

export class AccountUserResponse {
  @ApiProperty({ type: ProfileView })
  user: ProfileView;
}
