import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { StoreFrom } from '../auth/decorators/store-from.decorator';
import { Allow, Permission } from '../auth/permissions';
import { ApiErrors, ApiPaginatedResponse } from '../common/openapi';
import { Paginated } from '../common/pagination';
import { UuidParam } from '../common/validation';
import { ListReturnsQuery, ReceiveReturnDto, ReturnResponse } from './dto/return.dto';
import { ReturnReceipts } from './return-receipts.service';
import { ReturnsService } from './returns.service';

/** Deciding on and receiving returns (admin). */
@ApiTags('admin: returns')
@ApiBearerAuth()
@ApiErrors(401, 403, 503)
@Controller('admin')
export class ReturnsAdminController {
  constructor(
    private readonly returns: ReturnsService,
    private readonly receipts: ReturnReceipts,
  ) {}

  @Get('stores/:storeId/returns')
  @Allow(Permission.ReturnsManage)
  @ApiOperation({ summary: 'List the store’s returns', description: 'Admin. Newest first, by status.' })
  @ApiParam({ name: 'storeId', format: 'uuid' })
  @ApiPaginatedResponse(ReturnResponse)
  @ApiErrors([400, 'VALIDATION_FAILED (status, page, limit), or INVALID_ID'], [404, 'STORE_NOT_FOUND'])
  list(
    @UuidParam('storeId') storeId: string,
    @Query() query: ListReturnsQuery,
  ): Promise<Paginated<ReturnResponse>> {
    return this.returns.listForStore(storeId, query);
  }

  @Post('returns/:id/approve')
  @StoreFrom('return', 'id')
  @HttpCode(200)
  @Allow(Permission.ReturnsManage)
  @ApiOperation({ summary: 'Approve a return', description: 'Admin. `requested → approved`. Audited.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReturnResponse })
  @ApiErrors([400, 'INVALID_ID'], [404, 'RETURN_NOT_FOUND'], [409, 'INVALID_TRANSITION (not requested)'])
  approve(@UuidParam('id') id: string, @ReqMeta() meta: RequestMeta): Promise<ReturnResponse> {
    return this.returns.decide(id, 'approve', meta);
  }

  @Post('returns/:id/reject')
  @StoreFrom('return', 'id')
  @HttpCode(200)
  @Allow(Permission.ReturnsManage)
  @ApiOperation({
    summary: 'Reject a return',
    description: 'Admin. `requested → rejected`; its units may be asked for again. Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReturnResponse })
  @ApiErrors([400, 'INVALID_ID'], [404, 'RETURN_NOT_FOUND'], [409, 'INVALID_TRANSITION (not requested)'])
  reject(@UuidParam('id') id: string, @ReqMeta() meta: RequestMeta): Promise<ReturnResponse> {
    return this.returns.decide(id, 'reject', meta);
  }

  @Post('returns/:id/receive')
  @StoreFrom('return', 'id')
  @HttpCode(200)
  @Allow(Permission.ReturnsManage)
  @ApiOperation({
    summary: 'Receive a return: refund and restock',
    description:
      'Admin. An approved return’s goods arrived: refunds exactly the received lines (their price, tax and ' +
      'share of the discount, per unit, the line’s last unit taking the rounding remainder) through the ' +
      'payment provider with idempotency key `return:<id>`, restocks the lines marked `restock`, and the ' +
      'return becomes `refunded` (`return.received`, `order.refunded`). The order is `refunded` once every ' +
      'unit came back. Receiving twice refunds once (the second is a 409). Audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReturnResponse })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED (no items, a quantity below 1, a line twice, restock missing), UNKNOWN_ORDER_ITEM ' +
        '(not a line of this return), or INVALID_ID',
    ],
    [404, 'RETURN_NOT_FOUND'],
    [
      409,
      'INVALID_TRANSITION (not approved, e.g. received already or being received), RETURN_EXCEEDS_ORDER ' +
        '(more units than the return asked for), or REFUND_EXCEEDS_PAYMENT (less is left of the payment, ' +
        'e.g. refunded by an admin meanwhile)',
    ],
    413,
    [
      502,
      'PAYMENT_PROVIDER_ERROR: the provider refused the refund; nothing was refunded, the return is approved again',
    ],
  )
  receive(
    @UuidParam('id') id: string,
    @Body() dto: ReceiveReturnDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ReturnResponse> {
    return this.receipts.receive(id, dto, meta);
  }
}
