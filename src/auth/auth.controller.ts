import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
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
import { AuthService } from './auth.service';
import { ApiThrottled } from './decorators/api-throttled.decorator';
import { CartSessionHeader } from './decorators/cart-session-header.decorator';
import { CurrentUser } from './decorators/current-user.decorator';
import { IgnoresAccessToken } from './decorators/ignores-access-token.decorator';
import {
  AcceptInvitationDto,
  AuthSession,
  LoginDto,
  LogoutDto,
  RefreshDto,
  RegisterDto,
} from './dto/auth.dto';
import { AuthThrottlerGuard } from './guards/auth-throttler.guard';
import { InvitationsService } from './invitations.service';

/** Optional; the document turns it into the shared CartSession parameter. */
const CART_SESSION_HEADER = { name: 'X-Cart-Session', required: false };

/** Every route may fail validation, meet a too-large body or a database that is down. */
@ApiTags('auth')
@ApiErrors(400, 413, 503)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly invitations: InvitationsService,
  ) {}

  @Public()
  @IgnoresAccessToken()
  @UseGuards(AuthThrottlerGuard)
  @Post('register')
  @ApiOperation({
    summary: 'Create a customer account',
    description:
      'Registers and logs in. With X-Cart-Session, the guest carts of that session merge into the ' +
      'customer’s (best effort). Throttled per IP and per email.',
  })
  @ApiHeader(CART_SESSION_HEADER)
  @ApiCreatedResponse({ type: AuthSession, description: 'Registered and logged in' })
  @ApiErrors([409, 'EMAIL_TAKEN'])
  @ApiThrottled()
  register(
    @Body() dto: RegisterDto,
    @ReqMeta() meta: RequestMeta,
    @CartSessionHeader() cartSession?: string,
  ): Promise<AuthSession> {
    return this.auth.register(dto, meta, cartSession);
  }

  @Public()
  @IgnoresAccessToken()
  @UseGuards(AuthThrottlerGuard)
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Log in with email and password',
    description:
      'With X-Cart-Session, the guest carts of that session merge into the customer’s (best effort). ' +
      'Throttled per IP and per email.',
  })
  @ApiHeader(CART_SESSION_HEADER)
  @ApiOkResponse({ type: AuthSession, description: 'Logged in' })
  @ApiErrors([401, 'INVALID_CREDENTIALS (same answer for an unknown email and a wrong password)'])
  @ApiThrottled()
  login(
    @Body() dto: LoginDto,
    @ReqMeta() meta: RequestMeta,
    @CartSessionHeader() cartSession?: string,
  ): Promise<AuthSession> {
    return this.auth.login(dto, meta, cartSession);
  }

  @Public()
  @IgnoresAccessToken()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new token pair',
    description: 'The refresh token is single use: presenting a used one again ends its session.',
  })
  @ApiOkResponse({ type: AuthSession, description: 'A new token pair' })
  @ApiErrors([
    401,
    'INVALID_REFRESH_TOKEN (unknown, expired or revoked) or REFRESH_TOKEN_REUSED (the session is ended)',
  ])
  refresh(@Body() dto: RefreshDto, @ReqMeta() meta: RequestMeta): Promise<AuthSession> {
    return this.auth.refresh(dto.refreshToken, meta);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Log out',
    description:
      'Revokes the refresh token’s family (this device), or every session of the caller without a ' +
      'token. Idempotent. Access tokens stay valid until they expire.',
  })
  @ApiNoContentResponse({ description: 'Logged out' })
  @ApiErrors(401)
  async logout(
    @CurrentUser() user: AuthUser,
    @Body() dto: LogoutDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.auth.logout(user, dto, meta);
  }

  @Public()
  @IgnoresAccessToken()
  @UseGuards(AuthThrottlerGuard)
  @Post('invitations/accept')
  @ApiOperation({
    summary: 'Accept an admin invitation',
    description:
      'Creates the admin account for the invited email with `password`, or, when the email already has ' +
      'an account, promotes it: `password` must then be that account’s current password, which never ' +
      'changes; its other sessions end. Throttled per IP.',
  })
  @ApiCreatedResponse({ type: AuthSession, description: 'The admin, logged in' })
  @ApiErrors(
    [401, 'INVALID_CREDENTIALS: the email has an account and this is not its password'],
    [404, 'INVITATION_NOT_FOUND'],
    [409, 'CONCURRENT_UPDATE: the account changed meanwhile; retry'],
    [410, 'INVITATION_USED or INVITATION_EXPIRED'],
  )
  @ApiThrottled()
  acceptInvitation(@Body() dto: AcceptInvitationDto, @ReqMeta() meta: RequestMeta): Promise<AuthSession> {
    return this.invitations.accept(dto, meta);
  }
}
