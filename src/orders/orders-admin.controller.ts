import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { AuthUser } from '../auth/auth.types';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { UpdateMetadataDto } from '../common/metadata/metadata.dto';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { Paginated } from '../common/pagination';
import { UuidParam } from '../common/validation';
import {
  AdminListOrdersQuery,
  AdminOrderResponse,
  RefundOrderDto,
  UpdateOrderStatusDto,
} from './dto/order.dto';
import { OrderMetadata } from './order-metadata.service';
import { OrderRefunds } from './order-refunds.service';
import { OrderTransitions } from './order-transitions.service';
import { OrdersService } from './orders.service';
import { PaymentOutcomes } from './payment-outcomes.service';
import { Allow, Permission } from '../auth/permissions';
import { StoreFrom } from '../auth/decorators/store-from.decorator';

/** Order management (admin role required: everything under /api/admin). */
@ApiTags('admin: orders')
@ApiBearerAuth()
@ApiErrors(401, 403, 503)
@Controller('admin')
export class OrdersAdminController {
  constructor(
    private readonly orders: OrdersService,
    private readonly transitions: OrderTransitions,
    private readonly refunds: OrderRefunds,
    private readonly outcomes: PaymentOutcomes,
    private readonly metadata: OrderMetadata,
  ) {}

  @Allow(Permission.OrdersRead)
  @Get('stores/:storeId/orders')
  @ApiOperation({
    summary: 'List the store’s orders',
    description: 'Admin. Newest first, filtered by status, customer and creation date.',
  })
  @ApiParam({ name: 'storeId', format: 'uuid' })
  @ApiPaginatedResponse(AdminOrderResponse)
  @ApiErrors(
    [400, 'VALIDATION_FAILED (a filter, page or limit), or INVALID_ID (storeId is not a UUID)'],
    [404, 'STORE_NOT_FOUND'],
  )
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: AdminListOrdersQuery,
  ): Promise<Paginated<AdminOrderResponse>> {
    const page = await this.orders.listForStore(storeId, query);
    return { ...page, items: page.items.map((o) => AdminOrderResponse.from(o)) };
  }

  @Allow(Permission.OrdersWrite)
  @StoreFrom('order', 'id')
  @Patch('orders/:id')
  @ApiOperation({
    summary: 'Update an order’s metadata',
    description:
      'Admin. Merges `metadata` into the order’s: keys sent with a string are set, keys sent as null removed, ' +
      'others kept (two concurrent updates of different keys both survive). Nothing else of the order ' +
      'changes here: its status moves through PATCH …/status. Audited when a key changed.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AdminOrderResponse, description: 'The order with its merged metadata' })
  @ApiErrors(
    [
      400,
      'METADATA_INVALID (not an object of strings, a key or value too long, more than 50 keys, also after ' +
        'the merge), VALIDATION_FAILED (metadata missing, an unknown field), or INVALID_ID (id is not a UUID)',
    ],
    [404, 'ORDER_NOT_FOUND'],
    413,
  )
  async updateMetadata(
    @UuidParam('id') id: string,
    @Body() dto: UpdateMetadataDto,
    @CurrentUser() user: AuthUser,
    @ReqMeta() meta: RequestMeta,
  ): Promise<AdminOrderResponse> {
    return AdminOrderResponse.from(await this.metadata.update(id, dto.metadata, user, meta));
  }

  @Allow(Permission.OrdersWrite)
  @StoreFrom('order', 'id')
  @Patch('orders/:id/status')
  @ApiOperation({
    summary: 'Change an order’s status',
    description:
      'Admin. Along the state machine (processing, shipped, delivered, cancelled); cancelling a paid order refunds it in full through its provider and restocks. Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AdminOrderResponse, description: 'The order after the change' })
  @ApiErrors(
    [400, 'VALIDATION_FAILED, or INVALID_ID (id is not a UUID)'],
    [404, 'ORDER_NOT_FOUND'],
    [
      409,
      'INVALID_TRANSITION (details: {from, to}), or REFUND_EXCEEDS_PAYMENT (cancelling a paid order ' +
        'whose refund is in flight)',
    ],
    413,
    [502, 'PAYMENT_PROVIDER_ERROR: cancelling a paid order, the provider refused the refund'],
  )
  async changeStatus(
    @UuidParam('id') id: string,
    @Body() dto: UpdateOrderStatusDto,
    @CurrentUser() user: AuthUser,
    @ReqMeta() meta: RequestMeta,
  ): Promise<AdminOrderResponse> {
    return AdminOrderResponse.from(await this.transitions.changeStatus(id, dto.status, user, meta));
  }

  @Allow(Permission.OrdersRefund)
  @StoreFrom('order', 'id')
  @Post('orders/:id/refund')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Refund an order',
    description:
      'Admin. A paid order, in full (default) or in part, through its payment provider; `restock` puts the quantities back (full refunds only). Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AdminOrderResponse, description: 'The order after the refund' })
  @ApiErrors(
    [400, 'VALIDATION_FAILED (also: restock with a partial refund), or INVALID_ID (id is not a UUID)'],
    [404, 'ORDER_NOT_FOUND'],
    [409, 'INVALID_TRANSITION (the order is not paid), or REFUND_EXCEEDS_PAYMENT (details: {remaining})'],
    413,
    [502, 'PAYMENT_PROVIDER_ERROR: the provider did not accept the refund; nothing was refunded'],
  )
  async refund(
    @UuidParam('id') id: string,
    @Body() dto: RefundOrderDto,
    @CurrentUser() user: AuthUser,
    @ReqMeta() meta: RequestMeta,
  ): Promise<AdminOrderResponse> {
    return AdminOrderResponse.from(await this.refunds.refund(id, dto, user, meta));
  }

  @Allow(Permission.OrdersWrite)
  @StoreFrom('order', 'id')
  @Post('orders/:id/payments/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a manual payment',
    description:
      'Admin. The manual provider’s payment arrived: the held stock is committed and the order becomes paid. Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AdminOrderResponse, description: 'The paid order' })
  @ApiErrors(
    [400, 'INVALID_ID (id is not a UUID)'],
    [404, 'ORDER_NOT_FOUND'],
    [
      409,
      'INVALID_TRANSITION (not an unpaid pending order, e.g. expired and cancelled), or ' +
        'PAYMENT_PROVIDER_MISMATCH (the order is paid through Stripe)',
    ],
  )
  async confirmPayment(
    @UuidParam('id') id: string,
    @CurrentUser() user: AuthUser,
    @ReqMeta() meta: RequestMeta,
  ): Promise<AdminOrderResponse> {
    return AdminOrderResponse.from(await this.outcomes.confirmManualPayment(id, user, meta));
  }
}
