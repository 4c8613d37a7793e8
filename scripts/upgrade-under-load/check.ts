import { Client } from 'pg';
import { LegacyDataSize, orderCount } from './legacy-data';
import { PlacedOrder } from './traffic';

/** What must hold after the upgrade; every figure is a count of violations (0 = fine) but the totals. */
export interface UpgradeCheck {
  orders: number;
  orderItems: number;
  /** Legacy orders or lines missing (the generated keys are known). */
  legacyOrdersMissing: number;
  legacyItemsMissing: number;
  /** Orders placed by the traffic (committed) that are missing, or whose lines differ. */
  placedOrdersMissing: number;
  placedLinesDiffering: number;
  /** (order, variant) pairs where the active holds differ from the pending orders' lines, either way. */
  holdsDiffering: number;
  /** Variants whose reserved differs from their active holds. */
  reservedDiffering: number;
  /** Months whose counter is below the highest order number issued in them. */
  countersBehind: number;
  /** Left-overs of 0007's bridge (queue table, triggers, function). */
  bridgeLeftovers: number;
  activeHolds: number;
}

export function violations(check: UpgradeCheck): string[] {
  return (Object.entries(check) as Array<[keyof UpgradeCheck, number]>)
    .filter(([key, n]) => !['orders', 'orderItems', 'activeHolds'].includes(key) && n !== 0)
    .map(([key, n]) => `${key}: ${n}`);
}

async function one(client: Client, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await client.query<{ n: number }>(sql, params);
  return Number(rows[0].n);
}

export async function checkUpgrade(
  client: Client,
  size: LegacyDataSize,
  placed: PlacedOrder[],
): Promise<UpgradeCheck> {
  const orders = orderCount(size);
  const placedJson = JSON.stringify(
    placed.flatMap((o) => o.lines.map((l) => ({ order_id: o.id, v: l.variantKey, q: l.quantity }))),
  );
  return {
    orders: await one(client, `SELECT count(*)::int AS n FROM orders`),
    orderItems: await one(client, `SELECT count(*)::int AS n FROM order_items`),
    legacyOrdersMissing: await one(
      client,
      `SELECT count(*)::int AS n FROM generate_series(0, $1::int - 1) k
        WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = md5('order-' || k)::uuid)`,
      [orders],
    ),
    legacyItemsMissing: await one(
      client,
      `SELECT ($1::int - count(*))::int AS n FROM order_items oi
        WHERE oi.order_id IN (SELECT md5('order-' || k)::uuid FROM generate_series(0, $2::int - 1) k)`,
      [size.orderItems, orders],
    ),
    placedOrdersMissing: await one(
      client,
      `SELECT count(*)::int AS n FROM unnest($1::uuid[]) p(id) WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = p.id)`,
      [placed.map((o) => o.id)],
    ),
    placedLinesDiffering: await one(
      client,
      `WITH expected AS (
         SELECT (e->>'order_id')::uuid AS order_id, md5('variant-' || (e->>'v'))::uuid AS variant_id, (e->>'q')::int AS quantity
           FROM jsonb_array_elements($1::jsonb) e
       ), actual AS (
         SELECT oi.order_id, oi.variant_id, oi.quantity FROM order_items oi
          WHERE oi.order_id IN (SELECT order_id FROM expected)
       )
       SELECT count(*)::int AS n FROM expected e FULL JOIN actual a USING (order_id, variant_id)
        WHERE e.quantity IS DISTINCT FROM a.quantity`,
      [placedJson],
    ),
    holdsDiffering: await one(
      client,
      `WITH expected AS (
         SELECT oi.order_id, oi.variant_id, sum(oi.quantity)::int AS quantity
           FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.status = 'pending'
          GROUP BY 1, 2
       ), actual AS (
         SELECT order_id, variant_id, quantity FROM inventory_reservations WHERE status = 'active'
       )
       SELECT count(*)::int AS n FROM expected e FULL JOIN actual a USING (order_id, variant_id)
        WHERE e.quantity IS DISTINCT FROM a.quantity`,
    ),
    reservedDiffering: await one(
      client,
      `SELECT count(*)::int AS n FROM inventory i
         LEFT JOIN (SELECT variant_id, sum(quantity)::int AS held FROM inventory_reservations
                     WHERE status = 'active' GROUP BY variant_id) h USING (variant_id)
        WHERE i.reserved <> COALESCE(h.held, 0)`,
    ),
    countersBehind: await one(
      client,
      `SELECT count(*)::int AS n FROM (
         SELECT substr(order_number, 1, 6) AS period, max(substr(order_number, 7)::bigint) AS highest
           FROM orders WHERE order_number ~ '^[0-9]{11,}$' GROUP BY 1) m
         LEFT JOIN order_number_counters c USING (period)
        WHERE c.last_value IS NULL OR c.last_value < m.highest`,
    ),
    bridgeLeftovers: await one(
      client,
      `SELECT ((to_regclass('public.inventory_reservations_backfill_queue') IS NOT NULL)::int
             + (to_regprocedure('public.inventory_reservations_backfill_touch()') IS NOT NULL)::int
             + (SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'trg_inventory_reservations_backfill%'))::int AS n`,
    ),
    activeHolds: await one(
      client,
      `SELECT count(*)::int AS n FROM inventory_reservations WHERE status = 'active'`,
    ),
  };
}
