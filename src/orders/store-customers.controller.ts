import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StoreCustomerOrdersRow } from '../customers/customer.types';
import { Paginated, PaginationQuery } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { StoreCustomerResponse } from './dto/store-customer.dto';
import { StoreCustomersService } from './store-customers.service';

/** A store's customers and their order history (admin role required: everything under /api/admin). */
@ApiTags('customers (admin)')
@ApiBearerAuth()
@Controller('admin/stores/:storeId/customers')
export class StoreCustomersController {
  constructor(private readonly storeCustomers: StoreCustomersService) {}

  @Get()
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: PaginationQuery,
  ): Promise<Paginated<StoreCustomerResponse>> {
    const page = await this.storeCustomers.list(storeId, query);
    return { ...page, items: page.items.map((c) => StoreCustomerResponse.from(c)) };
  }

  /** The legacy `store_customers.orders` shape (snake_case fields), served from `orders`. */
  @Get(':profileId/orders-summary')
  async ordersSummary(
    @UuidParam('storeId') storeId: string,
    @UuidParam('profileId') profileId: string,
  ): Promise<StoreCustomerOrdersRow> {
    return this.storeCustomers.ordersSummary(storeId, profileId);
  }
}
