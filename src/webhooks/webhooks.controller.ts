import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { ApiErrors } from '../common/openapi';
import { UuidParam } from '../common/validation';
import {
  CreatedWebhookResponse,
  CreateWebhookDto,
  ListWebhookDeliveriesQuery,
  UpdateWebhookDto,
  WebhookDeliveryResponse,
  WebhookResponse,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';
import { Allow, Permission } from '../auth/permissions';

const NOT_FOUND = [404, 'STORE_NOT_FOUND, or WEBHOOK_NOT_FOUND (also for another store’s endpoint)'] as const;
const URL_REFUSED = [
  400,
  'VALIDATION_FAILED (unknown event type, …) or WEBHOOK_URL_NOT_ALLOWED (not http(s), or a host that is or resolves to a loopback, private or link-local address)',
] as const;
const WEBHOOK_ID = ApiParam({ name: 'id', format: 'uuid', description: 'A webhook endpoint of the store' });

/** Admin CRUD of a store's outgoing webhook endpoints, their delivery log and a test ping (admin role: /api/admin). */
@ApiTags('admin: webhooks')
@ApiBearerAuth()
@ApiParam({ name: 'storeId', format: 'uuid' })
@ApiErrors(400, 401, 403, 503)
@Controller('admin/stores/:storeId/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Allow(Permission.WebhooksManage)
  @Get()
  @ApiOperation({
    summary: 'List the webhook endpoints of a store',
    description: 'Oldest first, inactive ones included. The signing secrets are never shown here.',
  })
  @ApiOkResponse({ type: [WebhookResponse] })
  @ApiErrors([404, 'STORE_NOT_FOUND'])
  async list(@UuidParam('storeId') storeId: string): Promise<WebhookResponse[]> {
    return (await this.webhooks.list(storeId)).map((e) => WebhookResponse.from(e));
  }

  @Allow(Permission.WebhooksManage)
  @Get(':id')
  @ApiOperation({ summary: 'Get a webhook endpoint', description: 'Without its secret.' })
  @WEBHOOK_ID
  @ApiOkResponse({ type: WebhookResponse })
  @ApiErrors(NOT_FOUND)
  async get(@UuidParam('storeId') storeId: string, @UuidParam('id') id: string): Promise<WebhookResponse> {
    return WebhookResponse.from(await this.webhooks.get(storeId, id));
  }

  @Allow(Permission.WebhooksManage)
  @Post()
  @ApiOperation({
    summary: 'Create a webhook endpoint',
    description:
      'The response carries the signing secret, this once. Each event of the chosen types is POSTed as ' +
      'JSON `{type, timestamp, data}` with the Standard Webhooks headers `webhook-id` (the event id, the ' +
      'same on every retry), `webhook-timestamp` (unix seconds) and `webhook-signature` ' +
      '(`v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, keyed with the base64-decoded part of the ' +
      'secret after `whsec_`). A non-2xx answer or none within 10 s is retried with exponential backoff ' +
      'and jitter, up to WEBHOOK_MAX_ATTEMPTS sends; repeated failures disable the endpoint.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookResponse })
  @ApiErrors(URL_REFUSED, [404, 'STORE_NOT_FOUND'], 413)
  async create(
    @UuidParam('storeId') storeId: string,
    @Body() dto: CreateWebhookDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<CreatedWebhookResponse> {
    const { endpoint, secret } = await this.webhooks.create(storeId, dto, meta);
    return { ...WebhookResponse.from(endpoint), secret };
  }

  @Allow(Permission.WebhooksManage)
  @Patch(':id')
  @ApiOperation({
    summary: 'Update a webhook endpoint',
    description:
      'Only the fields sent change; a new url is checked like at creation. isActive: true turns a ' +
      'disabled endpoint back on (its failure count reset; its waiting deliveries go out again). The ' +
      'secret does not change.',
  })
  @WEBHOOK_ID
  @ApiOkResponse({ type: WebhookResponse })
  @ApiErrors(URL_REFUSED, NOT_FOUND, 413)
  async update(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @Body() dto: UpdateWebhookDto,
    @ReqMeta() meta: RequestMeta,
  ): Promise<WebhookResponse> {
    return WebhookResponse.from(await this.webhooks.update(storeId, id, dto, meta));
  }

  @Allow(Permission.WebhooksManage)
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete a webhook endpoint',
    description: 'Its delivery log goes with it; nothing more is sent to it.',
  })
  @WEBHOOK_ID
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(NOT_FOUND)
  async remove(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.webhooks.remove(storeId, id, meta);
  }

  @Allow(Permission.WebhooksManage)
  @Get(':id/deliveries')
  @ApiOperation({
    summary: 'The delivery log of a webhook endpoint',
    description: 'Its latest deliveries (test pings included), newest first, at most `limit`.',
  })
  @WEBHOOK_ID
  @ApiOkResponse({ type: [WebhookDeliveryResponse] })
  @ApiErrors(NOT_FOUND)
  async deliveries(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @Query() query: ListWebhookDeliveriesQuery,
  ): Promise<WebhookDeliveryResponse[]> {
    return (await this.webhooks.deliveries(storeId, id, query)).map((d) => WebhookDeliveryResponse.from(d));
  }

  @Allow(Permission.WebhooksManage)
  @Post(':id/test')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Send a test ping to a webhook endpoint',
    description:
      'Queues an event of type `ping` (data `{endpointId, storeId}`) and answers at once with its ' +
      'delivery: it goes out in the background like every delivery (signed, retried, in the delivery ' +
      'log), so follow it there. 409 WEBHOOK_INACTIVE for an endpoint that is not active.',
  })
  @WEBHOOK_ID
  @ApiAcceptedResponse({ type: WebhookDeliveryResponse, description: 'The ping is queued' })
  @ApiErrors(NOT_FOUND, [409, 'WEBHOOK_INACTIVE'])
  async test(
    @UuidParam('storeId') storeId: string,
    @UuidParam('id') id: string,
    @ReqMeta() meta: RequestMeta,
  ): Promise<WebhookDeliveryResponse> {
    return WebhookDeliveryResponse.from(await this.webhooks.ping(storeId, id, meta));
  }
}
