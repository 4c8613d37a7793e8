import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from '../auth/auth.types';
import { OptionalUser } from '../auth/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { AppException } from '../common/errors';
import { ApiErrors, ApiOptionalAuth } from '../common/openapi';
import { UuidParam } from '../common/validation';
import { cartOwnerOf } from './cart-owner';
import { CartService } from './cart.service';
import { AddCartItemDto, CartResponse, UpdateCartItemDto } from './dto/cart.dto';

@ApiTags('cart')
// The bearer is optional: a customer's cart is found by token, a guest's by X-Cart-Session (the
// document turns this header into the one shared, optional CartSession parameter).
@ApiOptionalAuth()
@ApiHeader({ name: 'X-Cart-Session', required: false })
@ApiParam({ name: 'storeSlug', description: 'The store’s slug, e.g. `demo`' })
@ApiErrors([401, 'An Authorization header was sent and is not a valid access token (UNAUTHORIZED)'], 503)
@Public()
@Controller('stores/:storeSlug/cart')
export class CartController {
  constructor(private readonly carts: CartService) {}

  @Get()
  @ApiOperation({
    summary: 'Get the cart',
    description:
      'Public, token optional. The customer’s cart (by token) or the guest’s (by X-Cart-Session), priced now; a guest without a session gets a new `sessionId`.',
  })
  @ApiOkResponse({ type: CartResponse })
  @ApiErrors(
    [400, 'INVALID_CART_SESSION (X-Cart-Session is not 16-128 characters of [A-Za-z0-9_-])'],
    [404, 'STORE_NOT_FOUND (unknown or inactive store)'],
  )
  async get(
    @Param('storeSlug') storeSlug: string,
    @OptionalUser() user: AuthUser | undefined,
    @Headers('x-cart-session') session: string | undefined,
  ): Promise<CartResponse> {
    return CartResponse.from(await this.carts.view(storeSlug, cartOwnerOf(user, session, true)));
  }

  @Post('items')
  @ApiOperation({
    summary: 'Add a variant to the cart',
    description:
      'Public, token optional. The same variant again adds up; the stock is checked, not held (checkout holds it).',
  })
  @ApiCreatedResponse({ type: CartResponse, description: 'The whole cart after the change' })
  @ApiErrors(
    [400, 'VALIDATION_FAILED, or INVALID_CART_SESSION'],
    [404, 'STORE_NOT_FOUND, or VARIANT_NOT_FOUND (not an active variant of this store)'],
    [
      409,
      'INSUFFICIENT_STOCK: the line would exceed what is available; details: [{variantId, requested, available}]',
    ],
    413,
  )
  async add(
    @Param('storeSlug') storeSlug: string,
    @OptionalUser() user: AuthUser | undefined,
    @Headers('x-cart-session') session: string | undefined,
    @Body() dto: AddCartItemDto,
  ): Promise<CartResponse> {
    const owner = cartOwnerOf(user, session, true);
    return CartResponse.from(await this.carts.addItem(storeSlug, owner, dto.variantId, dto.quantity));
  }

  @Patch('items/:itemId')
  @ApiOperation({
    summary: 'Set the quantity of a cart line',
    description: 'Public, token optional. The stock is checked, not held.',
  })
  @ApiParam({ name: 'itemId', format: 'uuid' })
  @ApiOkResponse({ type: CartResponse, description: 'The whole cart after the change' })
  @ApiErrors(
    [400, 'VALIDATION_FAILED, INVALID_ID (itemId is not a UUID), or INVALID_CART_SESSION'],
    [
      404,
      'STORE_NOT_FOUND, CART_ITEM_NOT_FOUND (not a line of your cart), or VARIANT_NOT_FOUND (no longer sold)',
    ],
    [409, 'INSUFFICIENT_STOCK; details: [{variantId, requested, available}]'],
    413,
  )
  async update(
    @Param('storeSlug') storeSlug: string,
    @UuidParam('itemId') itemId: string,
    @OptionalUser() user: AuthUser | undefined,
    @Headers('x-cart-session') session: string | undefined,
    @Body() dto: UpdateCartItemDto,
  ): Promise<CartResponse> {
    const owner = cartOwnerOf(user, session, false);
    if (!owner) throw new AppException(404, 'CART_ITEM_NOT_FOUND', 'No such item in your cart');
    return CartResponse.from(await this.carts.updateItem(storeSlug, owner, itemId, dto.quantity));
  }

  @Delete('items/:itemId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a line from the cart',
    description: 'Public, token optional.',
  })
  @ApiParam({ name: 'itemId', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(
    [400, 'INVALID_ID (itemId is not a UUID), or INVALID_CART_SESSION'],
    [404, 'STORE_NOT_FOUND, or CART_ITEM_NOT_FOUND (not a line of your cart)'],
  )
  async remove(
    @Param('storeSlug') storeSlug: string,
    @UuidParam('itemId') itemId: string,
    @OptionalUser() user: AuthUser | undefined,
    @Headers('x-cart-session') session: string | undefined,
  ): Promise<void> {
    const owner = cartOwnerOf(user, session, false);
    if (!owner) throw new AppException(404, 'CART_ITEM_NOT_FOUND', 'No such item in your cart');
    await this.carts.removeItem(storeSlug, owner, itemId);
  }
}
