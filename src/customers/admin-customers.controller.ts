import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth.types';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { ScopedByHandler } from '../auth/decorators/store-from.decorator';
import { Allow, Permission } from '../auth/permissions';
import { ProfileView } from '../auth/profile-view';
import { storesAllowing } from '../auth/store-scope';
import { Paginated } from '../common/pagination';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { CustomerDetail, CustomerSearchQuery } from './dto/customer.dto';
import { CustomersService } from './customers.service';

const SCOPE =
  'A super admin sees every profile. Another admin sees only the customers (profiles with an order) of ' +
  'the stores where their role holds `customers.read` (owner, manager); with no such store the list is ' +
  'empty (200, not 403).';

/** Admin-only by path (RolesGuard); which profiles, by the caller's stores (not the guard: no store in the path). */
@ApiTags('admin: customers')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 503)
@Controller('admin/customers')
export class AdminCustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Allow(Permission.CustomersRead)
  @Get()
  @ApiOperation({
    summary: 'Search profiles',
    description: `Newest first; every role unless filtered. ${SCOPE}`,
  })
  @ApiPaginatedResponse(ProfileView)
  list(@Query() query: CustomerSearchQuery, @CurrentUser() user: AuthUser): Promise<Paginated<ProfileView>> {
    return this.customers.search(query, storesAllowing(user, Permission.CustomersRead));
  }

  @Allow(Permission.CustomersRead)
  @ScopedByHandler()
  @Get(':id')
  @ApiOperation({
    summary: 'Get a profile with its addresses',
    description:
      `Any role; addresses default first, then newest. ${SCOPE} ` +
      'A profile outside what the caller may see is 404 CUSTOMER_NOT_FOUND, like an unknown id.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'A profile id' })
  @ApiOkResponse({ type: CustomerDetail })
  @ApiErrors([404, 'CUSTOMER_NOT_FOUND'])
  detail(@UuidParam('id') id: string, @CurrentUser() user: AuthUser): Promise<CustomerDetail> {
    return this.customers.detail(id, storesAllowing(user, Permission.CustomersRead));
  }
}
