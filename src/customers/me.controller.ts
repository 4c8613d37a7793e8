import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { AccountClosureService } from '../auth/account-closure.service';
import { AuthUser } from '../auth/auth.types';
import { ApiThrottled } from '../auth/decorators/api-throttled.decorator';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import {
  AccountRequestAccepted,
  ChangeEmailDto,
  ChangePasswordDto,
  DeleteAccountDto,
} from '../auth/dto/account.dto';
import { EmailVerificationService } from '../auth/email-verification.service';
import { AuthThrottlerGuard } from '../auth/guards/auth-throttler.guard';
import { PasswordChangeService } from '../auth/password-change.service';
import { ProfileView } from '../auth/profile-view';
import { ProfilesService } from '../auth/profiles.service';
import { ApiErrors } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { AddressesService } from './addresses.service';
import { CustomersService } from './customers.service';
import { AddressView, CreateAddressDto, UpdateAddressDto } from './dto/address.dto';
import { UpdateMeDto } from './dto/customer.dto';

/** Another customer's address is a 404, like one that does not exist. */
const ADDRESS_NOT_FOUND = [404, 'ADDRESS_NOT_FOUND (also for another customer’s address)'] as const;
const PROFILE_NOT_FOUND = [404, 'PROFILE_NOT_FOUND: the account was deleted meanwhile'] as const;
const ADDRESS_ID = ApiParam({ name: 'id', format: 'uuid', description: 'An address of the caller' });

/** The caller's own profile and addresses: every query is scoped to the token's user (owner checks). */
@ApiTags('me')
@ApiBearerAuth()
@ApiErrors(400, 401, 503)
@Controller('me')
export class MeController {
  constructor(
    private readonly customers: CustomersService,
    private readonly profiles: ProfilesService,
    private readonly addresses: AddressesService,
    private readonly passwords: PasswordChangeService,
    private readonly verification: EmailVerificationService,
    private readonly closure: AccountClosureService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Get my profile', description: 'The profile of the token’s user.' })
  @ApiOkResponse({ type: ProfileView })
  @ApiErrors(PROFILE_NOT_FOUND)
  me(@CurrentUser() user: AuthUser): Promise<ProfileView> {
    return this.customers.me(user.id);
  }

  @Patch()
  @ApiOperation({
    summary: 'Update my profile',
    description: 'Only fullName and phone; role, email or any other field is refused (400).',
  })
  @ApiOkResponse({ type: ProfileView })
  @ApiErrors(PROFILE_NOT_FOUND, 413)
  updateMe(
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateMeDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ProfileView> {
    return this.profiles.updateOwn(user.id, dto, meta);
  }

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Change my password',
    description:
      'Needs the current password. Every other session ends (this device’s stays when its refreshToken ' +
      'is sent), and so do outstanding reset links.',
  })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiErrors(
    [401, 'INVALID_CREDENTIALS: wrong current password (or no/invalid access token)'],
    [409, 'CONCURRENT_UPDATE: the password changed meanwhile; retry'],
    413,
  )
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.passwords.change(user, dto, meta);
  }

  @Post('email')
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Change my email',
    description:
      'Needs the current password. The new address gets a verification link (24 h); the email changes ' +
      'when it is used (POST /api/auth/verify-email). Throttled per IP and per email.',
  })
  @ApiAcceptedResponse({ type: AccountRequestAccepted })
  @ApiErrors(
    [400, 'EMAIL_UNCHANGED (already the account’s email), or invalid input'],
    [401, 'INVALID_CREDENTIALS: wrong password (or no/invalid access token)'],
    [409, 'EMAIL_TAKEN, or CONCURRENT_UPDATE'],
    413,
  )
  @ApiThrottled()
  changeEmail(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangeEmailDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<AccountRequestAccepted> {
    return this.verification.requestChange(user, dto, meta);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Close my account',
    description:
      'Needs the password. Anonymises the profile (email, name, phone, password) and the addresses, ' +
      'ends every session; orders are kept. The email is free for a new registration afterwards.',
  })
  @ApiNoContentResponse({ description: 'Closed' })
  @ApiErrors(
    [401, 'INVALID_CREDENTIALS: wrong password (or no/invalid access token)'],
    [409, 'CONCURRENT_UPDATE: the password changed meanwhile; retry'],
    413,
  )
  async deleteMe(
    @CurrentUser() user: AuthUser,
    @Body() dto: DeleteAccountDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.closure.close(user, dto.password, meta, (tx, userId) =>
      this.addresses.anonymiseAllOf(tx, userId),
    );
  }

  @Get('addresses')
  @ApiOperation({ summary: 'List my addresses', description: 'Default first, then newest.' })
  @ApiOkResponse({ type: [AddressView], description: 'Default first, then newest' })
  listAddresses(@CurrentUser() user: AuthUser): Promise<AddressView[]> {
    return this.addresses.list(user.id);
  }

  @Post('addresses')
  @ApiOperation({
    summary: 'Add an address',
    description: 'The first address becomes the default; isDefault: true replaces the current default.',
  })
  @ApiCreatedResponse({ type: AddressView })
  @ApiErrors([409, 'CONCURRENT_UPDATE: the addresses changed meanwhile; retry'], 413)
  createAddress(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateAddressDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<AddressView> {
    return this.addresses.create(user.id, dto, meta);
  }

  @Patch('addresses/:id')
  @ApiOperation({
    summary: 'Update one of my addresses',
    description: 'Only the fields sent change; isDefault: true makes it the default (the old one is unset).',
  })
  @ADDRESS_ID
  @ApiOkResponse({ type: AddressView })
  @ApiErrors(
    ADDRESS_NOT_FOUND,
    [409, 'DEFAULT_ADDRESS_REQUIRED (isDefault: false on the default) or CONCURRENT_UPDATE'],
    413,
  )
  updateAddress(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: UpdateAddressDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<AddressView> {
    return this.addresses.update(user.id, id, dto, meta);
  }

  @Delete('addresses/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete one of my addresses',
    description:
      'Deleting the default makes the newest remaining address the default. Orders that shipped to it keep their own copy of the address.',
  })
  @ADDRESS_ID
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(ADDRESS_NOT_FOUND, [409, 'CONCURRENT_UPDATE'])
  async deleteAddress(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.addresses.remove(user.id, id, meta);
  }
}
