import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { AuthUser } from '../auth/auth.types';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Paginated, PaginationQuery } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { OrderResponse } from './dto/order.dto';
import { OrdersService } from './orders.service';

/** A customer's own orders (any signed-in role; admins can read any order by id). */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: PaginationQuery,
  ): Promise<Paginated<OrderResponse>> {
    const page = await this.orders.listForCustomer(user.id, query);
    return { ...page, items: page.items.map((o) => OrderResponse.from(o)) };
  }

  @Get(':id')
  async get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<OrderResponse> {
    return OrderResponse.from(await this.orders.getForCaller(id, user));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<OrderResponse> {
    return OrderResponse.from(await this.orders.cancelByCustomer(id, user, meta));
  }
}
