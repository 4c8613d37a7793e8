import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ApiErrors } from '../common/openapi';
import { AuthUser } from './auth.types';
import { ApiThrottled } from './decorators/api-throttled.decorator';
import { CurrentUser } from './decorators/current-user.decorator';
import { IgnoresAccessToken } from './decorators/ignores-access-token.decorator';
import {
  AccountRequestAccepted,
  AccountTokenDto,
  AccountUserResponse,
  ForgotPasswordDto,
  ResetPasswordDto,
} from './dto/account.dto';
import { AuthSession } from './dto/auth.dto';
import { EmailVerificationService } from './email-verification.service';
import { AuthThrottlerGuard } from './guards/auth-throttler.guard';
import { PasswordChangeService } from './password-change.service';
import { PasswordRecoveryService } from './password-recovery.service';

const TOKEN_ERRORS = [
  [400, 'TOKEN_INVALID (unknown or forged token), or invalid input'],
  [410, 'TOKEN_USED or TOKEN_EXPIRED'],
] as const;

/** Email verification, password recovery and logout everywhere (docs/accounts.md). */
@ApiTags('auth')
@ApiErrors(400, 413, 503)
@Controller('auth')
export class AccountsController {
  constructor(
    private readonly verification: EmailVerificationService,
    private readonly recovery: PasswordRecoveryService,
    private readonly passwords: PasswordChangeService,
  ) {}

  @UseGuards(AuthThrottlerGuard)
  @Post('verify-email/request')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Email me a verification link',
    description:
      'Mails a link (valid 24 h, single use) to the caller’s address; nothing is sent when it is ' +
      'verified already. Throttled per IP and per email.',
  })
  @ApiAcceptedResponse({ type: AccountRequestAccepted })
  @ApiErrors(401)
  @ApiThrottled()
  requestVerification(
    @CurrentUser() user: AuthUser,
    @ReqMeta() meta: RequestMeta,
  ): Promise<AccountRequestAccepted> {
    return this.verification.request(user, meta);
  }

  @Public()
  @IgnoresAccessToken()
  @Post('verify-email')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Verify an email address',
    description:
      'Consumes the token of a verification link, or of an email-change link: the account then has ' +
      'the new address, verified.',
  })
  @ApiOkResponse({ type: AccountUserResponse, description: 'The profile, emailVerified: true' })
  @ApiErrors(...TOKEN_ERRORS, [409, 'EMAIL_TAKEN: the new address got an account meanwhile'])
  verifyEmail(@Body() dto: AccountTokenDto, @ReqMeta() meta: RequestMeta): Promise<AccountUserResponse> {
    return this.verification.verify(dto.token, meta);
  }

  @Public()
  @IgnoresAccessToken()
  @UseGuards(AuthThrottlerGuard)
  @Post('password/forgot')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Email me a password reset link',
    description:
      'Always 202 with the same body, in about the same time, whether or not the email has an account ' +
      '(no enumeration). If it has, a reset link (valid 30 minutes, single use) is mailed. Accounts ' +
      'imported without a password set one this way. Throttled per IP and per email.',
  })
  @ApiAcceptedResponse({ type: AccountRequestAccepted })
  @ApiThrottled()
  forgotPassword(
    @Body() dto: ForgotPasswordDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<AccountRequestAccepted> {
    return this.recovery.forgot(dto.email, meta);
  }

  @Public()
  @IgnoresAccessToken()
  @Post('password/reset')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Set a new password with a reset link',
    description:
      'Sets the password, marks the email verified, ends every other session and outstanding reset ' +
      'link, and logs in.',
  })
  @ApiOkResponse({ type: AuthSession, description: 'Logged in with the new password' })
  @ApiErrors(...TOKEN_ERRORS)
  resetPassword(@Body() dto: ResetPasswordDto, @ReqMeta() meta: RequestMeta): Promise<AuthSession> {
    return this.recovery.reset(dto, meta);
  }

  @Post('logout-all')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Log out everywhere',
    description: 'Revokes every refresh token of the caller. Access tokens stay valid until they expire.',
  })
  @ApiNoContentResponse({ description: 'Every session ended' })
  @ApiErrors(401)
  async logoutAll(@CurrentUser() user: AuthUser, @ReqMeta() meta: RequestMeta): Promise<void> {
    await this.passwords.logoutAll(user, meta);
  }
}
