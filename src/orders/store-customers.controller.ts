import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { StoreCustomerOrdersRow } from '../customers/customer.types';
import { UpdateMetadataDto } from '../common/metadata/metadata.dto';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { Paginated, PaginationQuery } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { StoreCustomerOrdersResponse, StoreCustomerResponse } from './dto/store-customer.dto';
import { StoreCustomersService } from './store-customers.service';
import { Allow, Permission } from '../auth/permissions';

/** A store's customers and their order history (admin role required: everything under /api/admin). */
@ApiTags('admin: customers')
@ApiBearerAuth()
@ApiParam({ name: 'storeId', format: 'uuid' })
@ApiErrors(401, 403, 503)
@Controller('admin/stores/:storeId/customers')
export class StoreCustomersController {
  constructor(private readonly storeCustomers: StoreCustomersService) {}

  @Allow(Permission.CustomersRead)
  @Get()
  @ApiOperation({
    summary: 'List the store’s customers',
    description:
      'Admin. With their order count, what they spent (paid orders net of refunds) and their last order, latest buyers first.',
  })
  @ApiPaginatedResponse(StoreCustomerResponse)
  @ApiErrors(
    [400, 'VALIDATION_FAILED (page, limit), or INVALID_ID (storeId is not a UUID)'],
    [404, 'STORE_NOT_FOUND'],
  )
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: PaginationQuery,
  ): Promise<Paginated<StoreCustomerResponse>> {
    const page = await this.storeCustomers.list(storeId, query);
    return { ...page, items: page.items.map((c) => StoreCustomerResponse.from(c)) };
  }

  @Allow(Permission.CustomersWrite)
  @Patch(':profileId')
  @ApiOperation({
    summary: 'Update a store customer’s metadata',
    description:
      'Admin. Merges `metadata` into the store customer’s: keys sent with a string are set, keys sent as ' +
      'null removed, others kept (two concurrent updates of different keys both survive). Audited when a ' +
      'key changed.',
  })
  @ApiParam({ name: 'profileId', format: 'uuid' })
  @ApiOkResponse({ type: StoreCustomerResponse, description: 'The store customer, as the list shows it' })
  @ApiErrors(
    [
      400,
      'METADATA_INVALID (not an object of strings, a key or value too long, more than 50 keys, also after ' +
        'the merge), VALIDATION_FAILED (metadata missing, an unknown field), or INVALID_ID (storeId or ' +
        'profileId is not a UUID)',
    ],
    [404, 'STORE_NOT_FOUND, or CUSTOMER_NOT_FOUND (the profile is not a customer of this store)'],
    413,
  )
  async updateMetadata(
    @UuidParam('storeId') storeId: string,
    @UuidParam('profileId') profileId: string,
    @Body() dto: UpdateMetadataDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<StoreCustomerResponse> {
    return StoreCustomerResponse.from(
      await this.storeCustomers.updateMetadata(storeId, profileId, dto.metadata, meta),
    );
  }

  /** The legacy `store_customers.orders` shape (snake_case fields), served from `orders`. */
  @Allow(Permission.CustomersRead)
  @Get(':profileId/orders-summary')
  @ApiOperation({
    summary: 'Get a store customer’s orders summary',
    description:
      'Admin. The former `store_customers.orders` JSON, in its legacy snake_case shape, computed from the orders.',
  })
  @ApiParam({ name: 'profileId', format: 'uuid' })
  @ApiOkResponse({ type: StoreCustomerOrdersResponse })
  @ApiErrors(
    [400, 'INVALID_ID (storeId or profileId is not a UUID)'],
    [404, 'STORE_NOT_FOUND, or CUSTOMER_NOT_FOUND (the profile is not a customer of this store)'],
  )
  async ordersSummary(
    @UuidParam('storeId') storeId: string,
    @UuidParam('profileId') profileId: string,
  ): Promise<StoreCustomerOrdersRow> {
    return this.storeCustomers.ordersSummary(storeId, profileId);
  }
}
