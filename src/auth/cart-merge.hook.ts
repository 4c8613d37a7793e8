import { EntityManager } from 'typeorm';

/**
 * Hands a guest cart (`X-Cart-Session`) to the customer who just registered or logged in. The cart
 * module implements it (CartService); AuthModule binds `CART_MERGE_HOOK` to that implementation, so
 * auth depends on this interface only.
 */
export interface CartMergeHook {
  /**
   * Called after a successful register or login, in a transaction of its own (`manager`), with the
   * header's value as sent. Should not throw for business reasons (e.g. a line that can no longer be
   * bought): an error is logged and the login still succeeds, without the merge.
   */
  mergeGuestCart(manager: EntityManager, userId: string, sessionId: string): Promise<void>;
}

/** Injection token of the CartMergeHook. */
export const CART_MERGE_HOOK = Symbol('CART_MERGE_HOOK');

