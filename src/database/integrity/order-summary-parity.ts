import { SqlQuery } from './integrity-checks';

/** One way the legacy `store_customers.orders` JSON disagrees with the `orders` table. */
export interface ParityDifference {
  storeCustomerId: string;
  storeId: string;
  profileId: string;
  orderId: string | null;
  problem: 'missing_in_json' | 'missing_in_orders' | 'total_differs' | 'status_differs' | 'malformed_entry';
  jsonValue: string | null;
  ordersValue: string | null;
}

/**
 * Compares each customer's legacy JSON order summaries with the canonical `orders` rows of the same
 * store and profile: same order ids, same totals, same statuses (seed task 1.4). Returns nothing when
 * the JSON column is already gone.
 */
export async function findOrderSummaryDifferences(query: SqlQuery, limit = 100): Promise<ParityDifference[]> {
  const [column] = await query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = 'store_customers' AND column_name = 'orders') AS present`,
  );
  if (!column?.present) return [];

  return query<ParityDifference>(
    `WITH legacy AS (
       SELECT sc.id AS store_customer_id, sc.store_id, sc.profile_id, e.value AS entry,
              CASE WHEN jsonb_typeof(e.value) = 'object'
                    AND e.value->>'order_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                   THEN (e.value->>'order_id')::uuid END AS order_id,
              CASE WHEN e.value->>'total' ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN (e.value->>'total')::numeric END AS total,
              e.value->>'status' AS status
         FROM store_customers sc
         CROSS JOIN LATERAL jsonb_array_elements(
           CASE WHEN jsonb_typeof(sc.orders) = 'array' THEN sc.orders ELSE '[]'::jsonb END) AS e(value)
     ),
     canonical AS (
       SELECT sc.id AS store_customer_id, sc.store_id, sc.profile_id, o.id AS order_id, o.total, o.status
         FROM store_customers sc
         JOIN orders o ON o.store_id = sc.store_id AND o.user_id = sc.profile_id
     ),
     malformed AS (
       SELECT store_customer_id, store_id, profile_id, NULL::uuid AS order_id, 'malformed_entry' AS problem,
              entry::text AS json_value, NULL::text AS orders_value
         FROM legacy WHERE order_id IS NULL
     ),
     compared AS (
       SELECT COALESCE(l.store_customer_id, c.store_customer_id) AS store_customer_id,
              COALESCE(l.store_id, c.store_id) AS store_id,
              COALESCE(l.profile_id, c.profile_id) AS profile_id,
              COALESCE(l.order_id, c.order_id) AS order_id,
              CASE
                WHEN l.order_id IS NULL THEN 'missing_in_json'
                WHEN c.order_id IS NULL THEN 'missing_in_orders'
                WHEN l.total IS DISTINCT FROM c.total THEN 'total_differs'
                WHEN l.status IS DISTINCT FROM c.status THEN 'status_differs'
              END AS problem,
              CASE WHEN l.order_id IS NULL THEN NULL
                   WHEN c.order_id IS NOT NULL AND l.total IS NOT DISTINCT FROM c.total THEN l.status
                   ELSE l.entry->>'total' END AS json_value,
              CASE WHEN c.order_id IS NULL THEN NULL
                   WHEN l.order_id IS NOT NULL AND l.total IS NOT DISTINCT FROM c.total THEN c.status
                   ELSE c.total::text END AS orders_value
         FROM (SELECT * FROM legacy WHERE order_id IS NOT NULL) l
         FULL JOIN canonical c ON c.store_customer_id = l.store_customer_id AND c.order_id = l.order_id
     )
     SELECT store_customer_id AS "storeCustomerId", store_id AS "storeId", profile_id AS "profileId",
            order_id AS "orderId", problem, json_value AS "jsonValue", orders_value AS "ordersValue"
       FROM (SELECT * FROM compared WHERE problem IS NOT NULL UNION ALL SELECT * FROM malformed) d
      ORDER BY store_customer_id, order_id NULLS FIRST
      LIMIT $1`,
    [limit],
  );
}

export function formatParityDifferences(differences: ParityDifference[]): string {
  return differences
    .map((d) => {
      const where = `store_customer ${d.storeCustomerId} (store ${d.storeId}, profile ${d.profileId})`;
      switch (d.problem) {
        case 'missing_in_json':
          return `  - ${where}: order ${d.orderId} is in orders but not in the JSON`;
        case 'missing_in_orders':
          return `  - ${where}: order ${d.orderId} is in the JSON but not in orders`;
        case 'total_differs':
          return `  - ${where}: order ${d.orderId} total is ${d.jsonValue} in the JSON, ${d.ordersValue} in orders`;
        case 'status_differs':
          return `  - ${where}: order ${d.orderId} status is ${d.jsonValue} in the JSON, ${d.ordersValue} in orders`;
        case 'malformed_entry':
          return `  - ${where}: JSON entry without a valid order_id: ${d.jsonValue}`;
      }
      return `  - ${where}: ${String(d.problem)}`;
    })
    .join('\n');
}
