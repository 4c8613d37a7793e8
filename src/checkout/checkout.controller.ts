import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { RequestMeta } from '../audit/audit.types';
import { ReqMeta } from '../audit/request-meta.decorator';
import { AuthUser } from '../auth/auth.types';
import { CartSessionHeader } from '../auth/decorators/cart-session-header.decorator';
import { OptionalUser } from '../auth/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ApiErrors, ApiOptionalAuth } from '../common/openapi';
import { IDEMPOTENCY_KEY_PATTERN } from '../idempotency/idempotency.service';
import { CountsCheckoutOutcome } from '../metrics/checkout-outcome.interceptor';
import { CheckoutService } from './checkout.service';
import { CheckoutDto, CheckoutResponse } from './dto/checkout.dto';

@ApiTags('checkout')
// The bearer is optional: a customer checks out by token, a guest by X-Cart-Session.
@ApiOptionalAuth()
@Public()
@Controller('stores/:storeSlug/checkout')
export class CheckoutController {
  constructor(private readonly checkout: CheckoutService) {}

  @Post()
  @CountsCheckoutOutcome()
  @ApiOperation({
    summary: 'Check out the cart',
    description:
      'Turns the cart into a pending order: prices now, applies the discount, ships with the chosen method, ' +
      'taxes by destination, holds the stock (until RESERVATION_TTL_MINUTES), empties the cart, then opens ' +
      'the payment (Stripe: `clientSecret` to confirm in the browser). Idempotent by Idempotency-Key. ' +
      'A customer (bearer token) sends `shippingAddressId` or `shippingAddress`; a guest (no token, ' +
      '`X-Cart-Session`) sends `email` and `shippingAddress`, and gets `orderToken` (for `X-Order-Token`). ' +
      'The order keeps its own copy of the address.',
  })
  @ApiHeader({ name: 'X-Cart-Session', required: false })
  @ApiParam({ name: 'storeSlug', description: 'The store’s slug, e.g. `demo`' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description:
      'Chosen by the client, one per checkout attempt: the same key with the same body replays the ' +
      'first answer (201 or 502), with another body it is 422. Missing: 400 IDEMPOTENCY_KEY_REQUIRED.',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source, minLength: 8, maxLength: 255 },
  })
  @ApiCreatedResponse({
    type: CheckoutResponse,
    description: 'The pending order (stock held) and its payment',
    headers: {
      'Idempotent-Replayed': {
        description: '`true` when this is the stored answer of an earlier request with the same key',
        schema: { type: 'string', enum: ['true'] },
      },
    },
  })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED (also: a guest without email or shippingAddress; a customer with email, or ' +
        'without exactly one of shippingAddressId and shippingAddress; a bad country), ' +
        'INVALID_CART_SESSION, SHIPPING_METHOD_REQUIRED (the store has shipping methods: choose one), ' +
        'IDEMPOTENCY_KEY_REQUIRED, or IDEMPOTENCY_KEY_INVALID ' +
        '(not 8-255 characters of [A-Za-z0-9_-:.])',
    ],
    [
      401,
      'UNAUTHORIZED: neither a bearer token nor X-Cart-Session was sent, or the bearer token is not valid',
    ],
    [404, 'STORE_NOT_FOUND, or ADDRESS_NOT_FOUND (shippingAddressId is not one of your addresses)'],
    [
      409,
      'INSUFFICIENT_STOCK (details: [{variantId, requested, available}]), CART_EMPTY, DISCOUNT_INVALID ' +
        '(details: {reason}), SHIPPING_UNAVAILABLE (the method is unknown, inactive, does not serve the ' +
        'address’s country or cannot carry the cart; details: {methodId, country}), or ' +
        'IDEMPOTENCY_IN_PROGRESS (a request with this key is still running)',
    ],
    413,
    [422, 'IDEMPOTENCY_KEY_REUSED: the key was used with a different body'],
    [
      502,
      'PAYMENT_PROVIDER_ERROR: the provider failed or timed out; the order was cancelled and nothing ' +
        'is held (details: {provider, orderId})',
    ],
    503,
  )
  async create(
    @Param('storeSlug') storeSlug: string,
    @OptionalUser() user: AuthUser | undefined,
    @CartSessionHeader() cartSession: string | undefined,
    @Body() dto: CheckoutDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CheckoutResponse> {
    const result = await this.checkout.checkout(storeSlug, { user, cartSession }, dto, idempotencyKey, meta);
    res.status(result.status);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }
}
