import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { ADMIN_ROLES, AuthUser } from '../auth/auth.types';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { Paginated, PaginationQuery } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { AdminOrderResponse, OrderResponse } from './dto/order.dto';
import { OrderTransitions } from './order-transitions.service';
import { OrdersService } from './orders.service';

/** A customer's own orders (any signed-in role; admins can read any order by id). */
@ApiTags('orders')
@ApiBearerAuth()
@ApiErrors(401, 503)
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly transitions: OrderTransitions,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List my orders',
    description: 'The signed-in user’s orders, newest first.',
  })
  @ApiPaginatedResponse(OrderResponse)
  @ApiErrors([400, 'VALIDATION_FAILED (page, limit)'])
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: PaginationQuery,
  ): Promise<Paginated<OrderResponse>> {
    const page = await this.orders.listForCustomer(user.id, query);
    return { ...page, items: page.items.map((o) => OrderResponse.from(o)) };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get an order',
    description:
      'The caller’s own order; admins may read any order, and see its `metadata` (the admin view). ' +
      'Another customer’s order is a 404.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrderResponse, description: 'With `metadata` when an admin reads it' })
  @ApiErrors([400, 'INVALID_ID (id is not a UUID)'], [404, 'ORDER_NOT_FOUND (unknown, or not yours)'])
  async get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<OrderResponse> {
    const order = await this.orders.getForCaller(id, user);
    return ADMIN_ROLES.includes(user.role) ? AdminOrderResponse.from(order) : OrderResponse.from(order);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel my order',
    description:
      'Only an unpaid pending order: its stock holds and discount use are given back, a Stripe PaymentIntent is withdrawn. Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrderResponse, description: 'The cancelled order' })
  @ApiErrors(
    [400, 'INVALID_ID (id is not a UUID)'],
    [404, 'ORDER_NOT_FOUND (unknown, or not yours)'],
    [409, 'INVALID_TRANSITION: only an unpaid pending order can be cancelled'],
  )
  async cancel(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<OrderResponse> {
    return OrderResponse.from(await this.transitions.cancelByCustomer(id, user, meta));
  }
}
