import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth.types';
import { OptionalUser } from '../auth/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { formatMoney } from '../common/money';
import { ApiErrors, ApiOptionalAuth } from '../common/openapi';
import { cartOwnerOf } from '../cart/cart-owner';
import { ShippingOptionResponse, ShippingOptionsQuery } from './dto/shipping-options.dto';
import { ShippingQuoteService } from './shipping-quote.service';

@ApiTags('cart')
@ApiOptionalAuth()
@ApiHeader({ name: 'X-Cart-Session', required: false })
@ApiParam({ name: 'storeSlug', description: 'The store’s slug, e.g. `demo`' })
@Public()
@Controller('stores/:storeSlug/cart/shipping-options')
export class ShippingOptionsController {
  constructor(private readonly quotes: ShippingQuoteService) {}

  @Get()
  @ApiOperation({
    summary: 'Shipping options for the cart',
    description:
      'Public, token optional; the cart is found like the cart routes find it (token, else X-Cart-Session; ' +
      'none: an empty cart). Every active method whose zone lists the country, priced for the cart now, ' +
      'cheapest first; a method that cannot carry the cart’s weight is left out, and a country no zone ' +
      'lists gets []. free_over compares the cart subtotal here (no discount code yet); checkout ' +
      'compares the subtotal after its discount. A store without methods answers [] and keeps its flat fee.',
  })
  @ApiOkResponse({ type: [ShippingOptionResponse] })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED (country missing, not uppercase, or not an ISO 3166-1 alpha-2 code), or INVALID_CART_SESSION',
    ],
    [401, 'An Authorization header was sent and is not a valid access token (UNAUTHORIZED)'],
    [404, 'STORE_NOT_FOUND (unknown or inactive store)'],
    503,
  )
  async list(
    @Param('storeSlug') storeSlug: string,
    @Query() query: ShippingOptionsQuery,
    @OptionalUser() user: AuthUser | undefined,
    @Headers('x-cart-session') session: string | undefined,
  ): Promise<ShippingOptionResponse[]> {
    const options = await this.quotes.quote(storeSlug, cartOwnerOf(user, session, true), query.country);
    return options.map((o) => ({ id: o.id, name: o.name, amount: formatMoney(o.amount) }));
  }
}
