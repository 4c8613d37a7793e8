import { PreparedSqlStatement } from '../common/sql-statement';
import type { CartOwner } from './cart.service';

/**
 * Statements of CartService on the add-to-cart and checkout path (`carts`, `cart_items`), each prepared
 * under its name (runStatement): planning them cost several times their execution.
 */

const ownerValue = (owner: CartOwner): string => (owner.kind === 'user' ? owner.userId : owner.sessionId);

/** The owner's cart in the store, created if there is none; returns its id. */
export function upsertCartStatement(storeId: string, owner: CartOwner): PreparedSqlStatement {
  return {
    name: owner.kind === 'user' ? 'cart_upsert' : 'cart_upsert_guest',
    text:
      owner.kind === 'user'
        ? `INSERT INTO carts (store_id, user_id) VALUES ($1, $2)
           ON CONFLICT (store_id, user_id) DO UPDATE SET updated_at = now() RETURNING id`
        : `INSERT INTO carts (store_id, session_id) VALUES ($1, $2)
           ON CONFLICT (store_id, session_id) DO UPDATE SET updated_at = now() RETURNING id`,
    values: [storeId, ownerValue(owner)],
  };
}

/** A cart line as the API shows it (before pricing). */
export interface CartItemRow {
  id: string;
  variant_id: string;
  quantity: number;
}

/**
 * Adds `quantity` of the variant to the cart (the same variant again adds up, atomically: two
 * concurrent adds both count) and returns the cart's lines in the order they were added, the added one
 * with its new quantity: one round trip instead of two. The other lines are those committed when the
 * statement began; the added one comes from its own RETURNING, which the statement's snapshot would not
 * show. (The cart itself is upserted by a statement of its own before: the policy on cart_items checks
 * the line's cart, which a new cart made in the same statement would not yet be for it.)
 */
export function addCartLineStatement(
  cartId: string,
  variantId: string,
  quantity: number,
): PreparedSqlStatement {
  return {
    name: 'cart_add_line',
    text: `WITH added AS (
           INSERT INTO cart_items (cart_id, variant_id, quantity) VALUES ($1, $2, $3)
           ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = cart_items.quantity + EXCLUDED.quantity
           RETURNING id, variant_id, quantity, created_at
         )
         SELECT id, variant_id, quantity FROM (
           SELECT id, variant_id, quantity, created_at FROM cart_items
            WHERE cart_id = $1 AND variant_id <> $2
           UNION ALL
           SELECT id, variant_id, quantity, created_at FROM added
         ) lines
         ORDER BY created_at, id`,
    values: [cartId, variantId, quantity],
  };
}

/** The cart's lines as the API shows them, in the order they were added. */
export function cartItemsStatement(cartId: string): PreparedSqlStatement {
  return {
    name: 'cart_items',
    text: `SELECT id, variant_id, quantity FROM cart_items WHERE cart_id = $1 ORDER BY created_at, id`,
    values: [cartId],
  };
}

/**
 * The owner's lines in the store, in the order they were added: checkout's early stock check (no lock),
 * and, in its transaction, right behind lockCartStatement.
 */
export function peekCartLinesStatement(storeId: string, owner: CartOwner): PreparedSqlStatement {
  return {
    name: owner.kind === 'user' ? 'cart_peek_lines' : 'cart_peek_guest_lines',
    text:
      owner.kind === 'user'
        ? `SELECT ci.variant_id, ci.quantity FROM carts c JOIN cart_items ci ON ci.cart_id = c.id
            WHERE c.store_id = $1 AND c.user_id = $2 ORDER BY ci.created_at, ci.id`
        : `SELECT ci.variant_id, ci.quantity FROM carts c JOIN cart_items ci ON ci.cart_id = c.id
            WHERE c.store_id = $1 AND c.session_id = $2 AND c.user_id IS NULL ORDER BY ci.created_at, ci.id`,
    values: [storeId, ownerValue(owner)],
  };
}

/** The owner's cart in the store, locked for the caller's transaction (checkout). */
export function lockCartStatement(storeId: string, owner: CartOwner): PreparedSqlStatement {
  return {
    name: owner.kind === 'user' ? 'cart_lock' : 'cart_lock_guest',
    text:
      owner.kind === 'user'
        ? `SELECT id FROM carts WHERE store_id = $1 AND user_id = $2 FOR UPDATE`
        : `SELECT id FROM carts WHERE store_id = $1 AND session_id = $2 AND user_id IS NULL FOR UPDATE`,
    values: [storeId, ownerValue(owner)],
  };
}

/** Empties the cart (its order was placed). */
export function clearCartStatement(cartId: string): PreparedSqlStatement {
  return { name: 'cart_clear', text: `DELETE FROM cart_items WHERE cart_id = $1`, values: [cartId] };
}
