import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  constraintExists,
  constraintValidated,
  createIndexConcurrently,
  inOneTransaction,
  outsideTransaction,
  withLockTimeout,
} from './support';

const ITEM_MONEY_CHECK = 'chk_order_items_tax_discount';
const BUYER_CHECK = 'chk_orders_buyer';
const ADDRESS_FK = 'fk_orders_shipping_address';
const KEY_SCOPE_CHECK = 'chk_idempotency_keys_scope';
const SESSION_KEY_INDEX = {
  name: 'uq_idempotency_keys_session_key',
  definition: 'ON idempotency_keys (cart_session, key) WHERE cart_session IS NOT NULL',
  unique: true,
};
/** Rows per backfill statement: each is its own short transaction, so no lock is held for long. */
const BATCH = 2_000;

/**
 * 0018 — guest checkout, the order's own copy of its address, and the money of each order line.
 *
 * - `order_items.tax_rate` (percent, NUMERIC(5,2)), `tax_amount` and `discount_amount` (the line's share
 *   of the order discount), all NOT NULL DEFAULT 0, and a CHECK that they are ≥ 0 and the share is at
 *   most the line's price.
 * - `orders.shipping_address` (JSONB snapshot), `guest_email`, `order_token_hash`, `shipping_method_id`
 *   (no foreign key: the order keeps the id of a method deleted later, as it keeps its discount code);
 *   `user_id` becomes nullable, with `CHECK (user_id IS NOT NULL OR (guest_email AND token hash))`.
 * - `fk_orders_shipping_address` becomes ON DELETE SET NULL: the order no longer reads the address book,
 *   so deleting an entry is allowed and only forgets where the copy came from.
 * - `idempotency_keys.cart_session`: a guest's Idempotency-Keys are scoped to its cart session (user_id
 *   becomes nullable; exactly one of the two, CHECK; unique (cart_session, key), built CONCURRENTLY).
 *
 * Columns with constant defaults are catalog-only changes (no rewrite); CHECKs and the FK are added
 * NOT VALID in a short transaction and validated on their own (SHARE UPDATE EXCLUSIVE: traffic goes on).
 * Existing orders are backfilled in batches: the address copied from the row it points at; the order's
 * discount and tax spread over its lines by largest remainder (so the lines add up to the order's
 * amounts exactly), with the order's effective tax rate on each line. `transaction = false`; every step
 * is idempotent, so a stopped run can be repeated.
 */
export class GuestCheckout1000000000018 implements MigrationInterface {
  name = 'GuestCheckout1000000000018';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await inOneTransaction(q, async () => {
        await q.query(`
          ALTER TABLE order_items
            ADD COLUMN IF NOT EXISTS tax_rate NUMERIC(5, 2) NOT NULL DEFAULT 0,
            ADD COLUMN IF NOT EXISTS tax_amount DECIMAL(10, 2) NOT NULL DEFAULT 0,
            ADD COLUMN IF NOT EXISTS discount_amount DECIMAL(10, 2) NOT NULL DEFAULT 0`);
        if (!(await constraintExists(q, 'order_items', ITEM_MONEY_CHECK))) {
          await q.query(
            `ALTER TABLE order_items ADD CONSTRAINT ${ITEM_MONEY_CHECK} CHECK (
               tax_rate >= 0 AND tax_amount >= 0 AND discount_amount >= 0 AND discount_amount <= total_price
             ) NOT VALID`,
          );
        }
      });
      await inOneTransaction(q, async () => {
        await q.query(`
          ALTER TABLE orders
            ADD COLUMN IF NOT EXISTS shipping_address JSONB,
            ADD COLUMN IF NOT EXISTS guest_email TEXT,
            ADD COLUMN IF NOT EXISTS order_token_hash TEXT,
            ADD COLUMN IF NOT EXISTS shipping_method_id UUID,
            ALTER COLUMN user_id DROP NOT NULL`);
        if (!(await constraintExists(q, 'orders', BUYER_CHECK))) {
          await q.query(
            `ALTER TABLE orders ADD CONSTRAINT ${BUYER_CHECK} CHECK (
               user_id IS NOT NULL OR (guest_email IS NOT NULL AND order_token_hash IS NOT NULL)
             ) NOT VALID`,
          );
        }
        if (await this.addressFkRestricts(q)) {
          await q.query(`ALTER TABLE orders DROP CONSTRAINT ${ADDRESS_FK}`);
          await q.query(
            `ALTER TABLE orders ADD CONSTRAINT ${ADDRESS_FK} FOREIGN KEY (shipping_address_id)
               REFERENCES addresses (id) ON DELETE SET NULL NOT VALID`,
          );
        }
      });
      await inOneTransaction(q, async () => {
        await q.query(`
          ALTER TABLE idempotency_keys
            ADD COLUMN IF NOT EXISTS cart_session TEXT,
            ALTER COLUMN user_id DROP NOT NULL`);
        if (!(await constraintExists(q, 'idempotency_keys', KEY_SCOPE_CHECK))) {
          await q.query(
            `ALTER TABLE idempotency_keys ADD CONSTRAINT ${KEY_SCOPE_CHECK}
               CHECK ((user_id IS NULL) <> (cart_session IS NULL)) NOT VALID`,
          );
        }
      });
      await createIndexConcurrently(q, SESSION_KEY_INDEX);
      for (const [table, name] of [
        ['order_items', ITEM_MONEY_CHECK],
        ['orders', BUYER_CHECK],
        ['orders', ADDRESS_FK],
        ['idempotency_keys', KEY_SCOPE_CHECK],
      ] as const) {
        if (!(await constraintValidated(q, table, name))) {
          await q.query(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${name}`);
        }
      }
      await this.backfill(q);
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, async () => {
      const [{ guests }] = (await q.query(
        `SELECT count(*)::int AS guests FROM orders WHERE user_id IS NULL`,
      )) as Array<{ guests: number }>;
      if (guests > 0) {
        throw new Error(
          `Migration 0018 cannot be reverted: ${guests} guest order(s) have no user (user_id must be NOT NULL ` +
            'again). Export them and attach them to a profile (or delete them), then revert again.',
        );
      }
      await withLockTimeout(q, async () => {
        await q.query(`DROP INDEX CONCURRENTLY IF EXISTS ${SESSION_KEY_INDEX.name}`);
        await inOneTransaction(q, async () => {
          // Guests' stored answers have no user to belong to: they go (a retry runs as a new request).
          await q.query(`DELETE FROM idempotency_keys WHERE user_id IS NULL`);
          await q.query(`
            ALTER TABLE idempotency_keys
              DROP CONSTRAINT IF EXISTS ${KEY_SCOPE_CHECK},
              DROP COLUMN IF EXISTS cart_session,
              ALTER COLUMN user_id SET NOT NULL`);
          await q.query(`ALTER TABLE orders DROP CONSTRAINT IF EXISTS ${ADDRESS_FK}`);
          await q.query(
            `ALTER TABLE orders ADD CONSTRAINT ${ADDRESS_FK} FOREIGN KEY (shipping_address_id)
               REFERENCES addresses (id) ON DELETE RESTRICT`,
          );
          await q.query(`
            ALTER TABLE orders
              DROP CONSTRAINT IF EXISTS ${BUYER_CHECK},
              ALTER COLUMN user_id SET NOT NULL,
              DROP COLUMN IF EXISTS shipping_method_id,
              DROP COLUMN IF EXISTS order_token_hash,
              DROP COLUMN IF EXISTS guest_email,
              DROP COLUMN IF EXISTS shipping_address`);
          await q.query(`
            ALTER TABLE order_items
              DROP CONSTRAINT IF EXISTS ${ITEM_MONEY_CHECK},
              DROP COLUMN IF EXISTS discount_amount,
              DROP COLUMN IF EXISTS tax_amount,
              DROP COLUMN IF EXISTS tax_rate`);
        });
      });
    });
  }

  private async addressFkRestricts(q: QueryRunner): Promise<boolean> {
    const rows = (await q.query(
      `SELECT confdeltype FROM pg_constraint WHERE conrelid = 'public.orders'::regclass AND conname = $1`,
      [ADDRESS_FK],
    )) as Array<{ confdeltype: string }>;
    // 'n' = SET NULL (already done); anything else (RESTRICT 'r', missing) is replaced.
    return rows[0]?.confdeltype !== 'n';
  }

  /** Existing orders: address copies, then the discount and tax shares of their lines. */
  private async backfill(q: QueryRunner): Promise<void> {
    await this.repeat(
      q,
      `UPDATE orders o
          SET shipping_address = jsonb_build_object(
                'fullName', a.full_name, 'phone', a.phone, 'addressLine1', a.address_line1,
                'addressLine2', a.address_line2, 'city', a.city, 'state', a.state,
                'postalCode', a.postal_code, 'country', a.country)
         FROM addresses a
        WHERE a.id = o.shipping_address_id
          AND o.id IN (SELECT id FROM orders
                        WHERE shipping_address IS NULL AND shipping_address_id IS NOT NULL LIMIT ${BATCH})`,
    );
    // Orders whose lines do not add up to the order's discount yet (a line share is only ever set here).
    await this.repeat(
      q,
      allocate('discount_amount', 'o.discount_amount', (t) => `${t}.total_price`, `o.discount_amount > 0`),
    );
    await this.repeat(
      q,
      allocate(
        'tax_amount',
        'o.tax_amount',
        (t) => `${t}.total_price - ${t}.discount_amount`,
        `o.tax_amount > 0`,
        `, tax_rate = round(o.tax_amount * 100 / NULLIF(o.subtotal - o.discount_amount, 0), 2)`,
      ),
    );
  }

  /** Runs a batched UPDATE until it changes no row (each run its own transaction). */
  private async repeat(q: QueryRunner, sql: string): Promise<void> {
    for (;;) {
      const result = (await q.query(sql)) as [unknown, number];
      if (result[1] === 0) return;
    }
  }
}

/**
 * One batch of orders whose lines' `column` is still 0 everywhere: `orderAmount` spread over the lines in
 * proportion to `weight`, in cents, floor first, then one more cent to the largest remainders (ties by
 * line id) so that the shares add up exactly. Only orders whose amount is within (0, total weight] take
 * part (others cannot be spread and keep 0), so every batch sets at least one share and the loop ends.
 */
function allocate(
  column: string,
  orderAmount: string,
  weightOf: (alias: string) => string,
  orderFilter: string,
  extraSet = '',
): string {
  const weight = weightOf('i');
  return `
    WITH batch AS (
      SELECT o.id FROM orders o
       WHERE ${orderFilter}
         AND NOT EXISTS (SELECT 1 FROM order_items x WHERE x.order_id = o.id AND x.${column} > 0)
         AND ${orderAmount} <= (SELECT sum(${weightOf('y')}) FROM order_items y WHERE y.order_id = o.id)
       LIMIT ${BATCH}
    ), weighted AS (
      SELECT i.id, i.order_id, round(${orderAmount} * 100) AS amount, round((${weight}) * 100) AS w,
             sum(round((${weight}) * 100)) OVER (PARTITION BY i.order_id) AS total_w
        FROM order_items i JOIN orders o ON o.id = i.order_id
       WHERE i.order_id IN (SELECT id FROM batch)
    ), floored AS (
      SELECT id, order_id, amount, total_w,
             CASE WHEN total_w > 0 THEN floor(amount * w / total_w) ELSE 0 END AS base,
             CASE WHEN total_w > 0 THEN amount * w - floor(amount * w / total_w) * total_w ELSE 0 END AS rem
        FROM weighted
    ), ranked AS (
      SELECT id, base, amount - sum(base) OVER (PARTITION BY order_id) AS leftover,
             row_number() OVER (PARTITION BY order_id ORDER BY rem DESC, id) AS rnk
        FROM floored
    )
    UPDATE order_items i
       SET ${column} = (r.base + CASE WHEN r.rnk <= r.leftover THEN 1 ELSE 0 END) / 100.0 ${extraSet}
      FROM ranked r, orders o
     WHERE r.id = i.id AND o.id = i.order_id`;
}
