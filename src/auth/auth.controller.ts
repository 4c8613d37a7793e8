import { Body, Controller, Headers, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
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
import { AuthUser } from './auth.types';
import { AuthService } from './auth.service';
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

const CART_SESSION_HEADER = {
  name: 'X-Cart-Session',
  required: false,
  description: 'Guest cart session: its cart is handed to the customer',
};

@ApiTags('auth')
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
  @ApiOperation({ summary: 'Create a customer account (409 EMAIL_TAKEN; throttled: 429)' })
  @ApiHeader(CART_SESSION_HEADER)
  @ApiCreatedResponse({ type: AuthSession })
  register(
    @Body() dto: RegisterDto,
    @ReqMeta() meta: RequestMeta,
    @Headers('x-cart-session') cartSession?: string,
  ): Promise<AuthSession> {
    return this.auth.register(dto, meta, cartSession);
  }

  @Public()
  @IgnoresAccessToken()
  @UseGuards(AuthThrottlerGuard)
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Log in (401 INVALID_CREDENTIALS; throttled: 429)' })
  @ApiHeader(CART_SESSION_HEADER)
  @ApiOkResponse({ type: AuthSession })
  login(
    @Body() dto: LoginDto,
    @ReqMeta() meta: RequestMeta,
    @Headers('x-cart-session') cartSession?: string,
  ): Promise<AuthSession> {
    return this.auth.login(dto, meta, cartSession);
  }

  @Public()
  @IgnoresAccessToken()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'New token pair; the refresh token is single use (a reused one ends the session)',
  })
  @ApiOkResponse({ type: AuthSession })
  refresh(@Body() dto: RefreshDto, @ReqMeta() meta: RequestMeta): Promise<AuthSession> {
    return this.auth.refresh(dto.refreshToken, meta);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the refresh token family (or every session without a token)' })
  @ApiNoContentResponse()
  async logout(
    @CurrentUser() user: AuthUser,
    @Body() dto: LogoutDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.auth.logout(user, dto, meta);
  }

  @Public()
  @IgnoresAccessToken()
  @Post('invitations/accept')
  @ApiOperation({
    summary: 'Become an admin with an invitation token (404 unknown, 410 INVITATION_USED/INVITATION_EXPIRED)',
  })
  @ApiCreatedResponse({ type: AuthSession })
  acceptInvitation(@Body() dto: AcceptInvitationDto, @ReqMeta() meta: RequestMeta): Promise<AuthSession> {
    return this.invitations.accept(dto, meta);
  }
}
