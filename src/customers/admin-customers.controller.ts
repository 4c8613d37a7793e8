import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Paginated } from '../common/pagination';
import { ProfileView } from '../auth/profile-view';
import { UuidParam } from '../common/validation';
import { CustomerDetail, CustomerPage, CustomerSearchQuery } from './dto/customer.dto';
import { CustomersService } from './customers.service';

/** Admin-only by path (RolesGuard: everything under /api/admin). */
@ApiTags('admin: customers')
@ApiBearerAuth()
@Controller('admin/customers')
export class AdminCustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @ApiOkResponse({ type: CustomerPage })
  list(@Query() query: CustomerSearchQuery): Promise<Paginated<ProfileView>> {
    return this.customers.search(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CustomerDetail })
  detail(@UuidParam('id') id: string): Promise<CustomerDetail> {
    return this.customers.detail(id);
  }
}
