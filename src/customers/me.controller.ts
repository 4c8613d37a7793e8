import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import {
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
import { AuthUser } from '../auth/auth.types';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
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
    description: 'Deleting the default makes the newest remaining address the default.',
  })
  @ADDRESS_ID
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(ADDRESS_NOT_FOUND, [409, 'ADDRESS_IN_USE (an order ships to it) or CONCURRENT_UPDATE'])
  async deleteAddress(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.addresses.remove(user.id, id, meta);
  }
}
