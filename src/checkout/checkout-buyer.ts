import { AuthUser } from '../auth/auth.types';
import { CART_SESSION_PATTERN, CartOwner } from '../cart/cart.service';
import { AppException } from '../common/errors';
import { IdempotencyScope } from '../idempotency/idempotency.service';
import { CheckoutDto } from './dto/checkout.dto';

/** Who calls the checkout: a signed-in user (token), else whoever sent X-Cart-Session. */
export interface CheckoutCaller {
  user?: AuthUser;
  cartSession?: string;
}

/**
 * Who buys, decided before anything is read: a customer (their cart, their Idempotency-Keys) or a guest
 * (the cart of X-Cart-Session, whose Idempotency-Keys are scoped to that session).
 */
export type CheckoutBuyer =
  | { kind: 'customer'; user: AuthUser; cart: CartOwner; scope: IdempotencyScope }
  | { kind: 'guest'; email: string; cart: CartOwner; scope: IdempotencyScope };

/**
 * The buyer, or the 4xx that says what is missing: no token and no cart session → 401; a guest without
 * `email` or `shippingAddress`, or with `shippingAddressId` → 400; a customer with `email`, or with
 * neither or both of `shippingAddressId` and `shippingAddress` → 400.
 */
export function buyerOf(caller: CheckoutCaller, dto: CheckoutDto): CheckoutBuyer {
  if (caller.user) {
    if (dto.email !== undefined) {
      throw invalid('email', 'email is for guest checkouts: a customer’s orders use the account’s email');
    }
    if ((dto.shippingAddressId === undefined) === (dto.shippingAddress === undefined)) {
      throw invalid('shippingAddressId', 'send either shippingAddressId or shippingAddress (exactly one)');
    }
    const user = caller.user;
    return { kind: 'customer', user, cart: { kind: 'user', userId: user.id }, scope: { userId: user.id } };
  }
  if (caller.cartSession === undefined) {
    throw new AppException(
      401,
      'UNAUTHORIZED',
      'Sign in, or send X-Cart-Session (the guest cart’s session) to check out as a guest',
    );
  }
  if (!CART_SESSION_PATTERN.test(caller.cartSession)) {
    throw new AppException(
      400,
      'INVALID_CART_SESSION',
      'X-Cart-Session must be 16-128 characters of [A-Za-z0-9_-]',
    );
  }
  if (dto.email === undefined) throw invalid('email', 'email is required for a guest checkout');
  if (dto.shippingAddress === undefined) {
    throw invalid('shippingAddress', 'shippingAddress is required for a guest checkout');
  }
  if (dto.shippingAddressId !== undefined) {
    throw invalid('shippingAddressId', 'a guest has no address book: send shippingAddress');
  }
  const sessionId = caller.cartSession;
  return {
    kind: 'guest',
    email: dto.email,
    cart: { kind: 'guest', sessionId },
    scope: { cartSession: sessionId },
  };
}

/** The same shape as the validation pipe's 400 (VALIDATION_FAILED, details [{field, errors}]). */
function invalid(field: string, message: string): AppException {
  return new AppException(400, 'VALIDATION_FAILED', message, [{ field, errors: [message] }]);
}
