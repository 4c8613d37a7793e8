import { Controller, Headers, HttpCode, Post, RawBodyRequest, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { Public } from '../common/decorators/public.decorator';
import { StripeWebhookService, WebhookAck } from './stripe-webhook.service';

/** Stripe calls this; the signature, not a token, authenticates it. */
@ApiTags('payments')
@Controller('payments/stripe')
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhookService) {}

  @Public()
  @Post('webhook')
  @HttpCode(200)
  handle(
    @Req() request: RawBodyRequest<Request>,
    @Headers('stripe-signature') signature: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ): Promise<WebhookAck> {
    return this.webhooks.handle(request.rawBody, signature, meta);
  }
}
