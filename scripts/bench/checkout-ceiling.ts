/**
 * The checkout benchmark's ceiling: one add to cart and one checkout as the app runs them, statement
 * for statement, through a bare `pg` pool, built from the services' own statement builders (the
 * `*-sql.ts` files of each module) and the same pure money, tax and shipping functions, so the ceiling
 * and the app cannot drift apart (test/checkout/checkout-ceiling-statements.e2e-spec.ts compares the
 * two lists of statements). What it leaves out is HTTP, Nest, validation and TypeORM.
 *
 * The connections are used as the app uses them: the statements the app sends outside a transaction
 * go to the pool (any free connection), the transactions hold one connection from BEGIN to COMMIT.
 * Statements the app prepares (queryPrepared) are sent under the same names. The pool runs in pipeline
 * mode, as the app's, and the statements the app sends together (src/database/pipelining.ts) are sent
 * together here, in the same order.
 */
import { randomUUID } from 'node:crypto';
import { Pool, PoolClient, QueryResultRow } from 'pg';
import { tokenProfileStatement } from '../../src/auth/auth-sql';
import { insertAuditRowStatement } from '../../src/audit/audit-sql';
import { auditRowOf } from '../../src/audit/audit.service';
import {
  addCartLineStatement,
  CartItemRow,
  clearCartStatement,
  lockCartStatement,
  peekCartLinesStatement,
  upsertCartStatement,
} from '../../src/cart/cart-sql';
import {
  activeStoreBySlugStatement,
  PricedRow,
  priceVariantsStatement,
} from '../../src/catalog/catalog-pricing-sql';
import { checkoutMoney } from '../../src/checkout/checkout-money';
import { parseMoney } from '../../src/common/money';
import { PreparedSqlStatement, SqlStatement } from '../../src/common/sql-statement';
import { allInOrder, coalesceWrites } from '../../src/database/pipelining';
import { ownedAddressStatement } from '../../src/customers/addresses-sql';
import { registerStoreCustomerStatement } from '../../src/customers/store-customers-sql';
import { insertOutboxEventsStatement } from '../../src/events/outbox-sql';
import {
  claimKeyStatement,
  completeClaimStatement,
  peekKeyStatement,
} from '../../src/idempotency/idempotency-sql';
import { requestFingerprint } from '../../src/idempotency/idempotency.service';
import { availableStockStatement, holdStockStatement } from '../../src/inventory/inventory-sql';
import { OrderResponse } from '../../src/orders/dto/order.dto';
import type { Order } from '../../src/orders/entities/order.entity';
import { orderPlaced } from '../../src/orders/order-events';
import {
  insertOrderItemsStatement,
  insertOrderStatement,
  NewOrderRow,
  nextOrderNumberStatement,
} from '../../src/orders/order-placement-sql';
import { snapshotOf } from '../../src/orders/shipping-address';
import { insertPendingPaymentStatement } from '../../src/payments/payments-sql';
import {
  activeMethodsStatement,
  shippingMethodFrom,
  ShippingMethodRow,
} from '../../src/shipping/shipping-sql';
import { shippingRate } from '../../src/shipping/shipping-rates';
import { DestinationRatesRow, destinationRatesStatement, taxContextFrom } from '../../src/tax/tax-sql';

/** The store the ceiling buys from (it has a shipping method and tax rates, as the app's bench store). */
export interface CeilingStore {
  slug: string;
  shippingMethodId: string;
}

/** A customer with an address-book entry. */
export interface CeilingShopper {
  userId: string;
  email: string;
  addressId: string;
}

/** How long a checkout holds its stock (the app's RESERVATION_TTL_MINUTES in the benchmark). */
export const CEILING_HOLD_MINUTES = 120;

/** Sends one statement: a prepared one under its name (as queryPrepared does), others unnamed. */
async function send<R extends QueryResultRow>(db: Pool | PoolClient, statement: SqlStatement): Promise<R[]> {
  const { text, values } = statement;
  const name = (statement as Partial<PreparedSqlStatement>).name;
  // As runStatement on a transaction's connection: statements started together leave in one write.
  if (!(db instanceof Pool)) coalesceWrites(db);
  const result = await db.query<R>(name === undefined ? { text, values } : { name, text, values });
  return result.rows;
}

/** As commitWith: ends the transaction with a COMMIT written right behind the statements `last` has just sent. */
type CommitWith = <T>(last: Promise<T>) => Promise<T>;

/** One transaction on one connection of the pool, as inTransaction runs it. */
async function transaction<T>(
  pool: Pool,
  work: (client: PoolClient, commitWith: CommitWith) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let committed = false;
  const commitWith: CommitWith = async (last) => {
    committed = true;
    const [value, commit] = await allInOrder([last, client.query('COMMIT')]);
    if (commit.command !== 'COMMIT') throw new Error(`ceiling: the transaction ended in ${commit.command}`);
    return value;
  };
  try {
    await client.query('BEGIN');
    const result = await work(client, commitWith);
    if (!committed) await client.query('COMMIT');
    return result;
  } catch (error) {
    if (!committed) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

interface StoreRow {
  id: string;
  currency: string;
  shipping_flat: string;
}

/** POST /stores/:slug/cart/items of one unit, as CartService.addItem runs it (after the token's profile). */
export async function ceilingAddToCart(
  pool: Pool,
  store: CeilingStore,
  shopper: CeilingShopper,
  variantId: string,
): Promise<void> {
  await send(pool, tokenProfileStatement(shopper.userId));
  const owner = { kind: 'user', userId: shopper.userId } as const;
  await transaction(pool, async (tx) => {
    const [storeRow] = await send<StoreRow>(tx, activeStoreBySlugStatement(store.slug));
    const [variant] = await send<PricedRow>(tx, priceVariantsStatement(storeRow.id, [variantId]));
    if (!variant?.purchasable) throw new Error('ceiling: variant not purchasable');
    const [cart] = await send<{ id: string }>(tx, upsertCartStatement(storeRow.id, owner));
    const items = await send<CartItemRow>(tx, addCartLineStatement(cart.id, variantId, 1));
    const line = items.find((i) => i.variant_id === variantId);
    if (!line || line.quantity > (variant.available ?? 0)) throw new Error('ceiling: out of stock');
    // The other lines' variants, when there are any (the added one is priced above).
    const others = [...new Set(items.map((i) => i.variant_id))].filter((id) => id !== variantId);
    if (others.length > 0) await send(tx, priceVariantsStatement(storeRow.id, others));
  });
}

/**
 * POST /stores/:slug/checkout with the shopper's address and the store's shipping method, as
 * CheckoutService runs it with the manual provider: the token's profile, the key's peek, the early stock
 * check, the order number; then one transaction that claims the key, locks the cart, reads address,
 * prices, tax and shipping, writes the order, its lines, the audit row, the outbox event, the store
 * customer and the payment, empties the cart, stores the response and holds the stock.
 */
export async function ceilingCheckout(
  pool: Pool,
  store: CeilingStore,
  shopper: CeilingShopper,
): Promise<void> {
  const owner = { kind: 'user', userId: shopper.userId } as const;
  const scope = { userId: shopper.userId };
  const dto = { shippingAddressId: shopper.addressId, shippingMethodId: store.shippingMethodId };
  const key = randomUUID();
  const fingerprint = requestFingerprint('POST', `/api/stores/${store.slug}/checkout`, dto);

  await send(pool, tokenProfileStatement(shopper.userId));
  // As CheckoutService: the key's peek and the store at once.
  const [known, [storeRow]] = await Promise.all([
    send(pool, peekKeyStatement(scope, key)),
    send<StoreRow>(pool, activeStoreBySlugStatement(store.slug)),
  ]);
  if (known.length > 0) throw new Error('ceiling: a fresh key was known');
  const peeked = await send<{ variant_id: string }>(pool, peekCartLinesStatement(storeRow.id, owner));
  if (peeked.length > 0) {
    await send(pool, availableStockStatement(peeked.map((l) => l.variant_id)));
  }
  const [{ order_number: orderNumber }] = await send<{ order_number: string }>(
    pool,
    nextOrderNumberStatement(),
  );

  await transaction(pool, async (tx, commitWith) => {
    const [[claim], [cart], lines, [address]] = await allInOrder([
      send<{ id: string }>(tx, claimKeyStatement(scope, key, fingerprint)),
      send<{ id: string }>(tx, lockCartStatement(storeRow.id, owner)),
      send<{ variant_id: string; quantity: number }>(tx, peekCartLinesStatement(storeRow.id, owner)),
      send<Parameters<typeof snapshotOf>[0] & { id: string }>(
        tx,
        ownedAddressStatement(shopper.userId, shopper.addressId),
      ),
    ]);
    if (!cart || lines.length === 0) throw new Error('ceiling: cart empty');
    const destination = { country: address.country, region: address.state };
    const [pricedRows, rateRows, [method]] = await allInOrder([
      send<PricedRow>(
        tx,
        priceVariantsStatement(
          storeRow.id,
          lines.map((l) => l.variant_id),
        ),
      ),
      send<DestinationRatesRow>(tx, destinationRatesStatement(storeRow.id, destination)),
      send<ShippingMethodRow>(
        tx,
        activeMethodsStatement(storeRow.id, address.country.toUpperCase(), store.shippingMethodId),
      ),
    ]);
    const priced = new Map(pricedRows.map((r) => [r.variant_id, r]));
    const cartLines = lines.map((l) => {
      const v = priced.get(l.variant_id);
      if (!v?.purchasable) throw new Error('ceiling: line not purchasable');
      return {
        productId: v.product_id,
        variantId: v.variant_id,
        productName: v.product_name,
        variantName: v.variant_name,
        sku: v.sku,
        unitPrice: parseMoney(v.unit_price),
        quantity: l.quantity,
        taxClass: v.tax_class,
        weightGrams: v.weight_grams,
      };
    });
    const tax = taxContextFrom(rateRows, destination);
    const subtotal = cartLines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
    const shipping = shippingRate(shippingMethodFrom(method), {
      subtotalMinor: subtotal,
      totalWeightGrams: cartLines.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0),
    });
    if (shipping === null) throw new Error('ceiling: shipping unavailable');
    const money = checkoutMoney({
      currency: storeRow.currency,
      lines: cartLines.map(({ weightGrams: _weight, ...line }) => line),
      discount: 0,
      shipping,
      tax,
    });

    const row: NewOrderRow = {
      storeId: storeRow.id,
      userId: shopper.userId,
      guestEmail: null,
      orderTokenHash: null,
      orderNumber,
      status: 'pending',
      paymentStatus: 'unpaid',
      currency: storeRow.currency,
      ...money.totals,
      shippingAddress: snapshotOf(address),
      shippingAddressId: address.id,
      shippingMethodId: store.shippingMethodId,
      discountId: null,
      discountCode: null,
      paymentMethod: 'manual',
      notes: null,
    };
    const [[written]] = await allInOrder([
      send<{
        id: string;
        metadata: Order['metadata'];
        created_at: Date;
        updated_at: Date;
      }>(tx, insertOrderStatement(row)),
      send(tx, registerStoreCustomerStatement(storeRow.id, shopper.userId)),
      send(tx, clearCartStatement(cart.id)),
    ]);
    const items = money.lines.map((line) => ({
      ...line,
      id: randomUUID(),
      orderId: written.id,
      totalPrice: line.unitPrice * line.quantity,
      createdAt: written.created_at,
    }));
    const order = {
      ...row,
      id: written.id,
      metadata: written.metadata,
      createdAt: written.created_at,
      updatedAt: written.updated_at,
      items,
    } as unknown as Order;
    await allInOrder([
      send(tx, insertOrderItemsStatement(items)),
      send(
        tx,
        insertAuditRowStatement(
          auditRowOf(
            { userId: shopper.userId, ipAddress: '127.0.0.1', userAgent: 'bench-ceiling' },
            {
              action: 'order.created',
              entityType: 'order',
              entityId: order.id,
              storeId: order.storeId,
              details: {
                orderNumber,
                total: order.total,
                lines: items.length,
                discountCode: null,
                guest: false,
              },
            },
          ),
        ),
      ),
      send(tx, insertOutboxEventsStatement([orderPlaced(order, shopper.email)])),
    ]);
    const response = {
      order: OrderResponse.from(order),
      payment: { provider: 'manual', status: 'pending' },
    };
    const holdUntil = new Date(Date.now() + CEILING_HOLD_MINUTES * 60_000);
    const wanted = new Map<string, number>();
    for (const l of lines) wanted.set(l.variant_id, (wanted.get(l.variant_id) ?? 0) + l.quantity);
    // As InventoryService.reserve: every variant in id order, in one statement that fails when short.
    const held = [...wanted.keys()]
      .sort()
      .map((variantId) => ({ variantId, quantity: wanted.get(variantId) ?? 0 }));
    await commitWith(
      allInOrder([
        send(
          tx,
          insertPendingPaymentStatement({
            orderId: order.id,
            provider: 'manual',
            amount: order.total,
            currency: order.currency,
          }),
        ),
        send(tx, completeClaimStatement(claim.id, 201, response)),
        send(tx, holdStockStatement(order.id, held, holdUntil)),
      ]),
    );
  });
}
