import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth.types';
import { OptionalUser } from '../auth/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { AppException } from '../common/errors';
import { UuidParam } from '../common/validation';
import { CART_SESSION_PATTERN, CartOwner, CartService, newCartSession } from './cart.service';
import { AddCartItemDto, CartResponse, UpdateCartItemDto } from './dto/cart.dto';

/**
 * Who owns the cart of this request: the signed-in customer, else the guest of X-Cart-Session, else a
 * new guest (`create`), whose session id the response hands out.
 */
function ownerOf(user: AuthUser | undefined, session: string | undefined, create: boolean): CartOwner | null {
  if (user) return { kind: 'user', userId: user.id };
  if (session !== undefined) {
    if (!CART_SESSION_PATTERN.test(session)) {
      throw new AppException(
        400,
        'INVALID_CART_SESSION',
        'X-Cart-Session must be 16-128 characters of [A-Za-z0-9_-]',
      );
    }
    return { kind: 'guest', sessionId: session };
  }
  return create ? { kind: 'guest', sessionId: newCartSession() } : null;
}

@ApiTags('cart')
@ApiBearerAuth()
@ApiHeader({
  name: 'X-Cart-Session',
  required: false,
  description: 'Guest cart id (from a previous response)',
})
@Public()
@Controller('stores/:storeSlug/cart')
export class CartController {
  constructor(private readonly carts: CartService) {}

  @Get()
  async get(
    @Param('storeSlug') storeSlug: string,
    @OptionalUser() user: AuthUser | undefined,
    @Headers('x-cart-session') session: string | undefined,
  ): Promise<CartResponse> {
    return CartResponse.from(await this.carts.view(storeSlug, ownerOf(user, session, true) as CartOwner));
  }

  @Post('items')
  async add(
    @Param('storeSlug') storeSlug: string,
    @OptionalUser() user: AuthUser | undefined,
    @Headers('x-cart-session') session: string | undefined,
    @Body() dto: AddCartItemDto,
  ): Promise<CartResponse> {
    const owner = ownerOf(user, session, true) as CartOwner;
    return CartResponse.from(await this.carts.addItem(storeSlug, owner, dto.variantId, dto.quantity));
  }

  @Patch('items/:itemId')
  async update(
    @Param('storeSlug') storeSlug: string,
    @UuidParam('itemId') itemId: string,
    @OptionalUser() user: AuthUser | undefined,
    @Headers('x-cart-session') session: string | undefined,
    @Body() dto: UpdateCartItemDto,
  ): Promise<CartResponse> {
    const owner = ownerOf(user, session, false);
    if (!owner) throw new AppException(404, 'CART_ITEM_NOT_FOUND', 'No such item in your cart');
    return CartResponse.from(await this.carts.updateItem(storeSlug, owner, itemId, dto.quantity));
  }

  @Delete('items/:itemId')
  @HttpCode(204)
  async remove(
    @Param('storeSlug') storeSlug: string,
    @UuidParam('itemId') itemId: string,
    @OptionalUser() user: AuthUser | undefined,
    @Headers('x-cart-session') session: string | undefined,
  ): Promise<void> {
    const owner = ownerOf(user, session, false);
    if (!owner) throw new AppException(404, 'CART_ITEM_NOT_FOUND', 'No such item in your cart');
    await this.carts.removeItem(storeSlug, owner, itemId);
  }
}
