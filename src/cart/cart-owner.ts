import { AuthUser } from '../auth/auth.types';
import { AppException } from '../common/errors';
import { bindCartSession } from '../database/rls/db-context';
import { CART_SESSION_PATTERN, CartOwner, newCartSession } from './cart.service';

/**
 * Who owns the cart of this request: the signed-in customer, else the guest of X-Cart-Session, else a
 * new guest (`create`: the cart routes that hand out a session id, and the shipping quote, which
 * prices an empty cart), or nobody. 400 INVALID_CART_SESSION for a malformed session id.
 */
export function cartOwnerOf(user: AuthUser | undefined, session: string | undefined, create: true): CartOwner;
export function cartOwnerOf(
  user: AuthUser | undefined,
  session: string | undefined,
  create: false,
): CartOwner | null;
export function cartOwnerOf(
  user: AuthUser | undefined,
  session: string | undefined,
  create: boolean,
): CartOwner | null {
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
  // Bound to the request's database context: the new cart must be visible to it (row-level security).
  return create ? { kind: 'guest', sessionId: bindCartSession(newCartSession()) } : null;
}
