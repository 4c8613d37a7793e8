import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ActiveStore, CatalogPricingService, PricedVariant } from '../catalog/catalog-pricing.service';
import { AppException } from '../common/errors';
import { Money } from '../common/money';
import { queryPrepared, queryStatement, runStatement } from '../database/prepared-query';
import { allInOrder } from '../database/pipelining';
import { inTransaction } from '../database/transactions';
import { InsufficientStockException, ReservationLine } from '../inventory/inventory.service';
import {
  addCartLineStatement,
  CartItemRow,
  cartItemsStatement,
  clearCartStatement,
  lockCartStatement,
  peekCartLinesStatement,
  upsertCartStatement,
} from './cart-sql';

/** Whose cart: a signed-in customer's, or a guest's by X-Cart-Session. */
export type CartOwner = { kind: 'user'; userId: string } | { kind: 'guest'; sessionId: string };

export const CART_SESSION_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** One line as the API shows it, priced now. */
export interface CartLine {
  id: string;
  variantId: string;
  quantity: number;
  variant: PricedVariant | undefined;
}

export interface CartView {
  id: string | null;
  store: ActiveStore;
  owner: CartOwner;
  lines: CartLine[];
  subtotal: Money;
}

export function newCartSession(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Carts, one per store and owner. Lines hold only variant and quantity: prices and availability are
 * read fresh on every view, so a cart never shows a stale price. Adding or changing a line checks the
 * stock (without holding it: only checkout reserves). Also the guest-cart hand-over on login.
 */
@Injectable()
export class CartService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogPricingService,
  ) {}

  async view(storeSlug: string, owner: CartOwner): Promise<CartView> {
    const manager = this.dataSource.manager;
    const store = await this.requireStore(storeSlug, manager);
    const cartId = await this.findCartId(manager, store.id, owner);
    return this.viewOf(manager, store, cartId, owner);
  }

  /** The cart as the API shows it, for a store and cart already looked up (prices read now). */
  private async viewOf(
    manager: EntityManager,
    store: CartView['store'],
    cartId: string | null,
    owner: CartOwner,
  ): Promise<CartView> {
    const statement = cartId ? cartItemsStatement(cartId) : null;
    const items = statement ? await queryStatement<CartItemRow>(manager, statement) : [];
    return this.viewOfItems(manager, store, cartId, owner, items, new Map());
  }

  /** The cart as the API shows it, from its lines; the variants in `known` were priced in this transaction already. */
  private async viewOfItems(
    manager: EntityManager,
    store: CartView['store'],
    cartId: string | null,
    owner: CartOwner,
    items: readonly CartItemRow[],
    known: ReadonlyMap<string, PricedVariant>,
  ): Promise<CartView> {
    const unpriced = [...new Set(items.map((i) => i.variant_id))].filter((id) => !known.has(id));
    const priced = new Map([...known, ...(await this.catalog.priceVariants(store.id, unpriced, manager))]);
    const lines = items.map((i) => ({
      id: i.id,
      variantId: i.variant_id,
      quantity: i.quantity,
      variant: priced.get(i.variant_id),
    }));
    const subtotal = lines.reduce((sum, l) => sum + (l.variant ? l.variant.unitPrice * l.quantity : 0), 0);
    return { id: cartId, store, owner, lines, subtotal };
  }

  async addItem(storeSlug: string, owner: CartOwner, variantId: string, quantity: number): Promise<CartView> {
    return inTransaction(this.dataSource, async (tx) => {
      const store = await this.requireStore(storeSlug, tx);
      const variant = await this.requirePurchasable(tx, store.id, variantId);
      const cartId = await this.upsertCart(tx, store.id, owner);
      const items = await queryStatement<CartItemRow>(tx, addCartLineStatement(cartId, variantId, quantity));
      const line = items.find((i) => i.variant_id === variantId);
      if (!line) throw new Error('unreachable: the statement returns the line it added');
      this.assertInStock(variant, line.quantity);
      return this.viewOfItems(tx, store, cartId, owner, items, new Map([[variantId, variant]]));
    });
  }

  async updateItem(storeSlug: string, owner: CartOwner, itemId: string, quantity: number): Promise<CartView> {
    return inTransaction(this.dataSource, async (tx) => {
      const store = await this.requireStore(storeSlug, tx);
      const cartId = await this.findCartId(tx, store.id, owner);
      const [rows] = await tx.query<[Array<{ variant_id: string }>, number]>(
        `UPDATE cart_items SET quantity = $3 WHERE id = $1 AND cart_id = $2 RETURNING variant_id`,
        [itemId, cartId, quantity],
      );
      if (!rows[0]) throw itemNotFound();
      const variant = await this.requirePurchasable(tx, store.id, rows[0].variant_id);
      this.assertInStock(variant, quantity);
      return this.viewOf(tx, store, cartId, owner);
    });
  }

  async removeItem(storeSlug: string, owner: CartOwner, itemId: string): Promise<void> {
    const store = await this.requireStore(storeSlug, this.dataSource.manager);
    const cartId = await this.findCartId(this.dataSource.manager, store.id, owner);
    const [, deleted] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM cart_items WHERE id = $1 AND cart_id = $2`,
      [itemId, cartId],
    );
    if (deleted === 0) throw itemNotFound();
  }

  /**
   * The customer's cart in the store, locked for the caller's transaction (checkout), with its lines
   * in the order they were added; null when there is no cart. Two checkouts of one cart (different
   * keys) run one after the other, and the second finds it empty: the lines are read after the lock,
   * in a statement of their own (a snapshot taken once the lock is held), so they are the latest
   * committed ones. Both statements are sent together (pipelining.ts): one round trip.
   */
  async lockLines(
    tx: EntityManager,
    storeId: string,
    owner: CartOwner,
  ): Promise<{ cartId: string; lines: ReservationLine[] } | null> {
    const [[cart], rows] = await allInOrder([
      queryStatement<{ id: string }>(tx, lockCartStatement(storeId, owner)),
      queryStatement<{ variant_id: string; quantity: number }>(tx, peekCartLinesStatement(storeId, owner)),
    ]);
    if (!cart) return null;
    return { cartId: cart.id, lines: linesFrom(rows) };
  }

  /** The owner's cart lines in the store, read now without a lock (a checkout's early stock check). */
  async peekLines(storeId: string, owner: CartOwner): Promise<ReservationLine[]> {
    // One prepared statement per kind of owner: every checkout runs it before its transaction.
    const peek = peekCartLinesStatement(storeId, owner);
    const rows = await queryPrepared<{ variant_id: string; quantity: number }>(
      this.dataSource,
      peek.name,
      peek.text,
      peek.values,
    );
    return linesFrom(rows);
  }

  /** Empties the cart inside the caller's transaction (the order was placed). */
  async clear(tx: EntityManager, cartId: string): Promise<void> {
    const clear = clearCartStatement(cartId);
    await runStatement(tx, clear);
  }

  /**
   * Login/register with X-Cart-Session: every guest cart of that session (one per store) moves into
   * the customer's cart of the same store. Quantities add up, capped by what is available now; lines
   * that can no longer be bought are dropped. The guest carts are deleted.
   */
  async mergeGuestCart(manager: EntityManager, userId: string, sessionId: string): Promise<void> {
    if (!CART_SESSION_PATTERN.test(sessionId)) return;
    const guestCarts = await manager.query<Array<{ id: string; store_id: string }>>(
      `SELECT id, store_id FROM carts WHERE session_id = $1 AND user_id IS NULL FOR UPDATE`,
      [sessionId],
    );
    for (const guest of guestCarts) {
      const target = await this.upsertCart(manager, guest.store_id, { kind: 'user', userId });
      const lines = await manager.query<Array<{ variant_id: string; quantity: number }>>(
        `SELECT variant_id, quantity FROM cart_items WHERE cart_id = $1`,
        [guest.id],
      );
      const priced = await this.catalog.priceVariants(
        guest.store_id,
        lines.map((l) => l.variant_id),
        manager,
      );
      for (const line of lines) {
        const variant = priced.get(line.variant_id);
        if (!variant?.purchasable || variant.available <= 0) continue;
        await manager.query(
          `INSERT INTO cart_items (cart_id, variant_id, quantity) VALUES ($1, $2, LEAST($3::int, $4::int))
           ON CONFLICT (cart_id, variant_id)
           DO UPDATE SET quantity = LEAST(cart_items.quantity + EXCLUDED.quantity, $4::int)`,
          [target, line.variant_id, line.quantity, variant.available],
        );
      }
      await manager.query(`DELETE FROM carts WHERE id = $1`, [guest.id]);
    }
  }

  /** The owner's cart id in the store, or null when there is none yet. */
  private async findCartId(
    manager: EntityManager,
    storeId: string,
    owner: CartOwner,
  ): Promise<string | null> {
    const rows = await manager.query<Array<{ id: string }>>(
      owner.kind === 'user'
        ? `SELECT id FROM carts WHERE store_id = $1 AND user_id = $2`
        : `SELECT id FROM carts WHERE store_id = $1 AND session_id = $2 AND user_id IS NULL`,
      [storeId, owner.kind === 'user' ? owner.userId : owner.sessionId],
    );
    return rows[0]?.id ?? null;
  }

  async requireStore(slug: string, manager: EntityManager): Promise<ActiveStore> {
    const store = await this.catalog.activeStoreBySlug(slug, manager);
    if (!store) throw new AppException(404, 'STORE_NOT_FOUND', 'Store not found');
    return store;
  }

  private async upsertCart(manager: EntityManager, storeId: string, owner: CartOwner): Promise<string> {
    const upsert = upsertCartStatement(storeId, owner);
    const [row] = await queryStatement<{ id: string }>(manager, upsert);
    return row.id;
  }

  private async requirePurchasable(
    manager: EntityManager,
    storeId: string,
    variantId: string,
  ): Promise<PricedVariant> {
    const variant = (await this.catalog.priceVariants(storeId, [variantId], manager)).get(variantId);
    if (!variant?.purchasable) {
      throw new AppException(404, 'VARIANT_NOT_FOUND', 'No such product variant in this store');
    }
    return variant;
  }

  private assertInStock(variant: PricedVariant, requested: number): void {
    if (requested > variant.available) {
      throw new InsufficientStockException([
        { variantId: variant.variantId, requested, available: Math.max(0, variant.available) },
      ]);
    }
  }
}

function itemNotFound(): AppException {
  return new AppException(404, 'CART_ITEM_NOT_FOUND', 'No such item in your cart');
}

/** A cart's lines as the stock hold takes them (peekCartLinesStatement's rows). */
function linesFrom(rows: Array<{ variant_id: string; quantity: number }>): ReservationLine[] {
  return rows.map((r) => ({ variantId: r.variant_id, quantity: r.quantity }));
}
