import { MigrationInterface, QueryRunner } from 'typeorm';
import { inBriefLockTransaction, outsideTransaction } from './support';

/**
 * The SQLSTATE hold_inventory raises when a line cannot be held ("S": a class the SQL standard leaves to
 * implementations, and PostgreSQL uses none starting with S). InventoryService maps it to 409
 * INSUFFICIENT_STOCK (src/inventory/inventory-sql.ts names it too); the DETAIL is the JSON shortfalls.
 */
const INSUFFICIENT_STOCK_SQLSTATE = 'SK409';

/**
 * Holds every line of an order or fails: reserve_inventory (0007) for each variant in the order given
 * (the caller sorts them, so that concurrent holders lock rows in one order), and at the first that
 * cannot be held an error, which aborts the caller's transaction and with it the holds already taken.
 * The error lists that line and every later one that is short too, with what is available now (read
 * without locks: the numbers are advisory), as `[{ "variantId", "requested", "available" }]`.
 *
 * Failing instead of answering false is what lets a checkout send its COMMIT in the same write as its
 * stock hold (src/database/transactions.ts, commitWith): behind a failed statement PostgreSQL turns
 * the COMMIT into a ROLLBACK, so nothing is committed without its stock. The hot row's lock is then
 * held for the hold and the commit only, not also for the round trip to the app and back.
 */
const FUNCTION = `CREATE OR REPLACE FUNCTION hold_inventory(
    order_uuid uuid, variant_uuids uuid[], quantities integer[], hold_until timestamptz DEFAULT NULL
  ) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lines integer := coalesce(array_length(variant_uuids, 1), 0);
  short jsonb;
BEGIN
  IF lines <> coalesce(array_length(quantities, 1), 0) THEN
    RAISE EXCEPTION 'hold_inventory: % variant(s) but % quantit(ies)', lines, coalesce(array_length(quantities, 1), 0)
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  FOR i IN 1 .. lines LOOP
    IF NOT reserve_inventory(order_uuid, variant_uuids[i], quantities[i], hold_until) THEN
      SELECT jsonb_agg(jsonb_build_object(
               'variantId', w.variant_id, 'requested', w.requested,
               'available', coalesce(inv.quantity - inv.reserved, 0)) ORDER BY w.line)
        INTO short
        FROM unnest(variant_uuids[i:], quantities[i:]) WITH ORDINALITY AS w(variant_id, requested, line)
        LEFT JOIN inventory inv ON inv.variant_id = w.variant_id
       WHERE w.line = 1 OR w.requested > coalesce(inv.quantity - inv.reserved, 0);
      RAISE EXCEPTION 'Not enough stock for variant %', variant_uuids[i]
        USING ERRCODE = '${INSUFFICIENT_STOCK_SQLSTATE}', DETAIL = short::text;
    END IF;
  END LOOP;
END $$`;

/**
 * 0030 — hold_inventory(order, variants[], quantities[], until): an order's stock holds in one
 * statement that fails when any line is short. A new function only: no table is locked or rewritten.
 */
export class HoldInventory1000000000030 implements MigrationInterface {
  name = 'HoldInventory1000000000030';
  transaction = false as const;

  public async up(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, async () => {
      await inBriefLockTransaction(q, async () => {
        await q.query(FUNCTION);
      });
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await outsideTransaction(q, async () => {
      await inBriefLockTransaction(q, async () => {
        await q.query('DROP FUNCTION IF EXISTS hold_inventory(uuid, uuid[], integer[], timestamptz)');
      });
    });
  }
}
