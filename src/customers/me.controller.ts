import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { AuthUser } from '../auth/auth.types';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { ProfileView } from '../auth/profile-view';
import { ProfilesService } from '../auth/profiles.service';
import { UuidParam } from '../common/validation';
import { AddressesService } from './addresses.service';
import { CustomersService } from './customers.service';
import { AddressView, CreateAddressDto, UpdateAddressDto } from './dto/address.dto';
import { UpdateMeDto } from './dto/customer.dto';

/** The caller's own profile and addresses: every query is scoped to the token's user (owner checks). */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly customers: CustomersService,
    private readonly profiles: ProfilesService,
    private readonly addresses: AddressesService,
  ) {}

  @Get()
  @ApiOkResponse({ type: ProfileView })
  me(@CurrentUser() user: AuthUser): Promise<ProfileView> {
    return this.customers.me(user.id);
  }

  @Patch()
  @ApiOperation({ summary: 'Change fullName and phone (role and email cannot be changed here: 400)' })
  @ApiOkResponse({ type: ProfileView })
  updateMe(
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateMeDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ProfileView> {
    return this.profiles.updateOwn(user.id, dto, meta);
  }

  @Get('addresses')
  @ApiOkResponse({ type: [AddressView], description: 'Default first, then newest' })
  listAddresses(@CurrentUser() user: AuthUser): Promise<AddressView[]> {
    return this.addresses.list(user.id);
  }

  @Post('addresses')
  @ApiCreatedResponse({ type: AddressView })
  createAddress(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateAddressDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<AddressView> {
    return this.addresses.create(user.id, dto, meta);
  }

  @Patch('addresses/:id')
  @ApiOkResponse({ type: AddressView })
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
  @ApiOperation({ summary: 'Delete an address (409 ADDRESS_IN_USE when an order ships to it)' })
  @ApiNoContentResponse()
  async deleteAddress(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.addresses.remove(user.id, id, meta);
  }
}
