import { AuthUser } from '../auth/auth.types';
import { CART_SESSION_PATTERN, CartOwner, newCartSession } from '../cart/cart.service';
import { AppException } from '../common/errors';

/**
 * Whose cart the quote prices, as the cart routes decide it: the signed-in customer's, else the
 * guest's of X-Cart-Session, else a new (empty) guest cart. Mirrors ownerOf in cart.controller.ts,
 * which is private to that file.
 */
export function quoteCartOwner(user: AuthUser | undefined, session: string | undefined): CartOwner {
  if (user) return { kind: 'user', userId: user.id };
  if (session === undefined) return { kind: 'guest', sessionId: newCartSession() };
  if (!CART_SESSION_PATTERN.test(session)) {
    throw new AppException(
      400,
      'INVALID_CART_SESSION',
      'X-Cart-Session must be 16-128 characters of [A-Za-z0-9_-]',
    );
  }
  return { kind: 'guest', sessionId: session };
}
