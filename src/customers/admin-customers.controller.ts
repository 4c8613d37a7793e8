import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Paginated } from '../common/pagination';
import { ProfileView } from '../auth/profile-view';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { CustomerDetail, CustomerSearchQuery } from './dto/customer.dto';
import { CustomersService } from './customers.service';
import { Allow, Permission } from '../auth/permissions';

/** Admin-only by path (RolesGuard: everything under /api/admin). */
@ApiTags('admin: customers')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 503)
@Controller('admin/customers')
export class AdminCustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Allow(Permission.Platform)
  @Get()
  @ApiOperation({ summary: 'Search profiles', description: 'Newest first; every role unless filtered.' })
  @ApiPaginatedResponse(ProfileView)
  list(@Query() query: CustomerSearchQuery): Promise<Paginated<ProfileView>> {
    return this.customers.search(query);
  }

  @Allow(Permission.Platform)
  @Get(':id')
  @ApiOperation({
    summary: 'Get a profile with its addresses',
    description: 'Any role; addresses default first, then newest.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'A profile id' })
  @ApiOkResponse({ type: CustomerDetail })
  @ApiErrors([404, 'CUSTOMER_NOT_FOUND'])
  detail(@UuidParam('id') id: string): Promise<CustomerDetail> {
    return this.customers.detail(id);
  }
}
