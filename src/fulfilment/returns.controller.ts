import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { EntityManager } from 'typeorm';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { AuthUser } from '../auth/auth.types';
import { OptionalUser } from '../auth/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ApiErrors, ApiOptionalAuth } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { OrderAccess } from '../orders/order-access.service';
import { OrderTokenHeader } from '../orders/order-token.header';
import { CreateReturnDto, ReturnResponse } from './dto/return.dto';
import { ReturnsService } from './returns.service';

/** A buyer asks to return some of an order's units. */
@ApiTags('orders')
@ApiErrors(503)
@Controller('orders/:id/returns')
export class ReturnsController {
  constructor(
    private readonly returns: ReturnsService,
    private readonly access: OrderAccess,
  ) {}

  @Post()
  @Public()
  @ApiOptionalAuth()
  @ApiHeader({
    name: 'X-Order-Token',
    required: false,
    description: 'A guest’s order token (`orderToken` of the guest checkout), instead of a bearer token',
    schema: { type: 'string' },
  })
  @ApiOperation({
    summary: 'Ask to return some units',
    description:
      'The order’s buyer (bearer token, or a guest’s `X-Order-Token`; admins are not buyers). A shipped or delivered order, within RETURN_WINDOW_DAYS (30) of its last delivery ' +
      '(of its last shipment while nothing was delivered). Counts earlier returns that were not rejected. ' +
      'The store approves or rejects it, then receives the goods and refunds them. Audited; `return.requested`.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The order' })
  @ApiCreatedResponse({ type: ReturnResponse, description: 'The return, `requested`' })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED (no items, a quantity below 1, an order item twice, no reason, an unknown field), ' +
        'UNKNOWN_ORDER_ITEM (not a line of this order; details: {orderItemIds}), or INVALID_ID',
    ],
    [
      401,
      'Neither a bearer token nor X-Order-Token was sent, or the bearer token is not valid (UNAUTHORIZED)',
    ],
    [404, 'ORDER_NOT_FOUND (unknown, not yours, or a wrong order token)'],
    [
      409,
      'RETURN_NOT_ALLOWED (not shipped or delivered, or the window closed; details: {reason}), or ' +
        'RETURN_EXCEEDS_ORDER (details: [{orderItemId, ordered, returned, requested}])',
    ],
    413,
  )
  create(
    @UuidParam('id') id: string,
    @Body() dto: CreateReturnDto,
    @OptionalUser() user: AuthUser | undefined,
    @OrderTokenHeader() orderToken: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ReturnResponse> {
    const lock = (tx: EntityManager) => this.access.lock(tx, id, { user, orderToken }, { admin: false });
    return this.returns.request(lock, dto, user?.id ?? null, meta);
  }
}
