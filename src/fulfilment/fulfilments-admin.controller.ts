import { Body, Controller, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { StoreFrom } from '../auth/decorators/store-from.decorator';
import { Allow, Permission } from '../auth/permissions';
import { ApiErrors } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { CreateFulfillmentDto, FulfillmentResponse, UpdateFulfillmentDto } from './dto/fulfillment.dto';
import { FulfilmentsService } from './fulfilments.service';

/** Shipping an order's units, with carrier and tracking (admin). */
@ApiTags('admin: fulfillments')
@ApiBearerAuth()
@ApiErrors(401, 403, 503)
@StoreFrom('order', 'id')
@Controller('admin/orders/:id/fulfillments')
export class FulfilmentsAdminController {
  constructor(private readonly fulfilments: FulfilmentsService) {}

  @Post()
  @Allow(Permission.OrdersFulfil)
  @ApiOperation({
    summary: 'Fulfil some of an order’s units',
    description:
      'Admin. A paid or processing order only. Counts earlier fulfilments: more units than ordered is a 409. ' +
      'The order becomes `processing` while partly shipped and `shipped` when every unit is (then ' +
      '`order.shipped` carries this carrier and tracking number). Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The order' })
  @ApiCreatedResponse({ type: FulfillmentResponse })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED (no items, a quantity below 1, an order item twice, a bad tracking URL, an unknown ' +
        'field), UNKNOWN_ORDER_ITEM (not a line of this order; details: {orderItemIds}), or INVALID_ID',
    ],
    [404, 'ORDER_NOT_FOUND'],
    [
      409,
      'INVALID_TRANSITION (the order is not paid or processing), or FULFILLMENT_EXCEEDS_ORDER ' +
        '(details: [{orderItemId, ordered, shipped, requested}])',
    ],
    413,
  )
  create(
    @UuidParam('id') id: string,
    @Body() dto: CreateFulfillmentDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<FulfillmentResponse> {
    return this.fulfilments.create(id, dto, meta);
  }

  @Patch(':fulfillmentId')
  @Allow(Permission.OrdersFulfil)
  @ApiOperation({
    summary: 'Update a fulfilment’s tracking, or mark it delivered',
    description:
      'Admin. Tracking fields (null clears one) and/or `{status: "delivered"}`; the order is `delivered` ' +
      'once every fulfilment is and every unit shipped (then `order.delivered`). Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The order' })
  @ApiParam({ name: 'fulfillmentId', format: 'uuid' })
  @ApiOkResponse({ type: FulfillmentResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED (nothing to change, a bad field, an unknown field), or INVALID_ID'],
    [404, 'ORDER_NOT_FOUND, or FULFILLMENT_NOT_FOUND (not a fulfilment of this order)'],
    [409, 'INVALID_TRANSITION (delivered already, or the order is neither processing nor shipped)'],
    413,
  )
  update(
    @UuidParam('id') id: string,
    @UuidParam('fulfillmentId') fulfillmentId: string,
    @Body() dto: UpdateFulfillmentDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<FulfillmentResponse> {
    return this.fulfilments.update(id, fulfillmentId, dto, meta);
  }
}
