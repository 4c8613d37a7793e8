import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { AuthUser } from '../auth/auth.types';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Paginated } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { AdminListOrdersQuery, OrderResponse, RefundOrderDto, UpdateOrderStatusDto } from './dto/order.dto';
import { OrdersService } from './orders.service';

/** Order management (admin role required: everything under /api/admin). */
@ApiTags('orders (admin)')
@ApiBearerAuth()
@Controller('admin')
export class OrdersAdminController {
  constructor(private readonly orders: OrdersService) {}

  @Get('stores/:storeId/orders')
  async list(
    @UuidParam('storeId') storeId: string,
    @Query() query: AdminListOrdersQuery,
  ): Promise<Paginated<OrderResponse>> {
    const page = await this.orders.listForStore(storeId, query);
    return { ...page, items: page.items.map((o) => OrderResponse.from(o)) };
  }

  @Patch('orders/:id/status')
  async changeStatus(
    @UuidParam('id') id: string,
    @Body() dto: UpdateOrderStatusDto,
    @CurrentUser() user: AuthUser,
    @ReqMeta() meta: RequestMeta,
  ): Promise<OrderResponse> {
    return OrderResponse.from(await this.orders.changeStatus(id, dto.status, user, meta));
  }

  @Post('orders/:id/refund')
  @HttpCode(200)
  async refund(
    @UuidParam('id') id: string,
    @Body() dto: RefundOrderDto,
    @CurrentUser() user: AuthUser,
    @ReqMeta() meta: RequestMeta,
  ): Promise<OrderResponse> {
    return OrderResponse.from(await this.orders.refund(id, dto, user, meta));
  }

  @Post('orders/:id/payments/confirm')
  @HttpCode(200)
  async confirmPayment(
    @UuidParam('id') id: string,
    @CurrentUser() user: AuthUser,
    @ReqMeta() meta: RequestMeta,
  ): Promise<OrderResponse> {
    return OrderResponse.from(await this.orders.confirmManualPayment(id, user, meta));
  }
}
