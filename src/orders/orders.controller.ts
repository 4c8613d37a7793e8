import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { AuthUser } from '../auth/auth.types';
import { CurrentUser, OptionalUser } from '../auth/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ApiErrors, ApiOptionalAuth, ApiPaginatedResponse } from '../common/openapi';
import { Paginated, PaginationQuery } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { AdminOrderResponse, OrderResponse } from './dto/order.dto';
import { OrderAccess } from './order-access.service';
import { OrderTokenHeader } from './order-token.header';
import { OrderTransitions } from './order-transitions.service';
import { OrderViewContributors } from './order-view-contributors';
import { OrdersService } from './orders.service';

const ORDER_TOKEN_HEADER = {
  name: 'X-Order-Token',
  required: false,
  description: 'A guest’s order token (`orderToken` of the guest checkout), instead of a bearer token',
  schema: { type: 'string' },
} as const;

/**
 * A buyer's own orders: customers by token (admins can read any order by id), guests by the order token
 * their checkout handed out (`X-Order-Token`).
 */
@ApiTags('orders')
@ApiErrors(503)
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly access: OrderAccess,
    private readonly transitions: OrderTransitions,
    private readonly contributors: OrderViewContributors,
  ) {}

  @Get()
  @ApiBearerAuth()
  @ApiErrors(401)
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
  @Public()
  @ApiOptionalAuth()
  @ApiHeader(ORDER_TOKEN_HEADER)
  @ApiOperation({
    summary: 'Get an order',
    description:
      'The caller’s own order (bearer token), or a guest’s order (`X-Order-Token`); admins may read any ' +
      'order, and see its `metadata` (the admin view). Another buyer’s order, or a wrong order token, is a 404.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrderResponse, description: 'With `metadata` when an admin reads it' })
  @ApiErrors(
    [400, 'INVALID_ID (id is not a UUID)'],
    [
      401,
      'Neither a bearer token nor X-Order-Token was sent, or the bearer token is not valid (UNAUTHORIZED)',
    ],
    [404, 'ORDER_NOT_FOUND (unknown, not yours, or a wrong order token)'],
  )
  async get(
    @OptionalUser() user: AuthUser | undefined,
    @OrderTokenHeader() orderToken: string | undefined,
    @UuidParam('id') id: string,
  ): Promise<OrderResponse> {
    const reader = { user, orderToken };
    const order = await this.access.find(id, reader, { admin: true });
    const view = this.access.isAdmin(reader, { admin: true })
      ? AdminOrderResponse.from(order)
      : OrderResponse.from(order);
    // Fulfilments and returns: contributed by their module (see OrderViewContributors).
    return { ...view, ...(await this.contributors.extrasFor([order.id])).get(order.id) };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Public()
  @ApiOptionalAuth()
  @ApiHeader(ORDER_TOKEN_HEADER)
  @ApiOperation({
    summary: 'Cancel my order',
    description:
      'The buyer’s own order (bearer token, or a guest’s `X-Order-Token`), only while unpaid and pending: ' +
      'its stock holds and discount use are given back, a Stripe PaymentIntent is withdrawn. Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrderResponse, description: 'The cancelled order' })
  @ApiErrors(
    [400, 'INVALID_ID (id is not a UUID)'],
    [
      401,
      'Neither a bearer token nor X-Order-Token was sent, or the bearer token is not valid (UNAUTHORIZED)',
    ],
    [404, 'ORDER_NOT_FOUND (unknown, not yours, or a wrong order token)'],
    [409, 'INVALID_TRANSITION: only an unpaid pending order can be cancelled'],
  )
  async cancel(
    @OptionalUser() user: AuthUser | undefined,
    @OrderTokenHeader() orderToken: string | undefined,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<OrderResponse> {
    return OrderResponse.from(await this.transitions.cancelByCustomer(id, { user, orderToken }, meta));
  }
}
