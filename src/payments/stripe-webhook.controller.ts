import { Controller, Headers, HttpCode, Post, RawBodyRequest, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Request } from 'express';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ApiErrors } from '../common/openapi';
import { StripeWebhookService, WebhookAck, WebhookOutcome } from './stripe-webhook.service';

/** Every WebhookOutcome, for the document; `satisfies` and the check below keep the two in step. */
const WEBHOOK_OUTCOMES = [
  'duplicate',
  'ignored',
  'unmatched',
  'paid',
  'already_applied',
  'amount_mismatch',
  'reinstated',
  'refund_required',
  'cancelled',
  'late_failure_ignored',
  'refunded',
] as const satisfies readonly WebhookOutcome[];
const everyOutcomeListed: Exclude<WebhookOutcome, (typeof WEBHOOK_OUTCOMES)[number]> extends never
  ? true
  : never = true;
void everyOutcomeListed;

export class WebhookAckResponse implements WebhookAck {
  @ApiProperty({ enum: [true] }) received: true;
  @ApiProperty({
    enum: WEBHOOK_OUTCOMES,
    description: 'What the event did; `duplicate`: received before, nothing happened now',
  })
  outcome: WebhookOutcome;
}

/** Stripe calls this; the signature, not a token, authenticates it. */
@ApiTags('payments')
@Controller('payments/stripe')
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhookService) {}

  @Public()
  @Post('webhook')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive a Stripe webhook event',
    description:
      'Called by Stripe; authenticated by Stripe-Signature, not a token. Applies payment_intent.succeeded, payment_intent.payment_failed and charge.refunded once per event id; other types are acknowledged and ignored.',
  })
  @ApiConsumes('application/json')
  @ApiBody({
    description:
      'The Stripe event exactly as Stripe sends it. The signature is verified on the raw bytes of ' +
      'the body, so it must reach the API unchanged (no re-serialising proxy).',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiHeader({
    name: 'Stripe-Signature',
    required: true,
    description: 'Stripe’s signature of the raw body (with STRIPE_WEBHOOK_SECRET)',
    schema: { type: 'string' },
  })
  @ApiOkResponse({ type: WebhookAckResponse, description: 'Received (also a duplicate or an ignored type)' })
  @ApiErrors(
    [
      400,
      'INVALID_SIGNATURE (Stripe-Signature missing or not matching the body, or no body), ' +
        'WEBHOOK_NOT_CONFIGURED (STRIPE_WEBHOOK_SECRET is not set), or malformed JSON',
    ],
    [401, 'An Authorization header was sent and is not a valid access token (UNAUTHORIZED)'],
    413,
    503,
  )
  handle(
    @Req() request: RawBodyRequest<Request>,
    @Headers('stripe-signature') signature: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ): Promise<WebhookAck> {
    return this.webhooks.handle(request.rawBody, signature, meta);
  }
}
