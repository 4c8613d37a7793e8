import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  findOrderSummaryDifferences,
  formatParityDifferences,
} from '../src/database/integrity/order-summary-parity';
import { sqlQuery } from './support';

/**
 * The legacy JSON shape, now computed from `orders`. Read-only (an aggregate view is not updatable), so
 * nothing can write order data anywhere but `orders` again.
 */
const VIEW_SQL = `
  CREATE VIEW store_customer_orders AS
  SELECT sc.id AS store_customer_id,
         sc.store_id,
         sc.profile_id,
         COALESCE(
           jsonb_agg(
             jsonb_build_object(
               'order_id', o.id,
               'order_number', o.order_number,
               'status', o.status,
               'payment_status', o.payment_status,
               'total', o.total::text,
               'currency', o.currency,
               'created_at', o.created_at
             ) ORDER BY o.created_at, o.id
           ) FILTER (WHERE o.id IS NOT NULL),
           '[]'::jsonb
         ) AS orders
    FROM store_customers sc
    LEFT JOIN orders o ON o.store_id = sc.store_id AND o.user_id = sc.profile_id
   GROUP BY sc.id, sc.store_id, sc.profile_id`;

/**
 * 0004 — drop the legacy `store_customers.orders` JSON column (seed task 1.4).
 *
 * Runs a parity check first: every customer's JSON must list exactly their orders in that store, with
 * the same totals and statuses. On any difference it refuses and lists them, so no information that
 * exists only in the JSON is lost. Then the column is replaced by the read-only view
 * `store_customer_orders`, which gives legacy readers the same JSON shape computed from `orders`.
 */
export class StoreCustomerOrdersView1000000000004 implements MigrationInterface {
  name = 'StoreCustomerOrdersView1000000000004';

  public async up(q: QueryRunner): Promise<void> {
    const differences = await findOrderSummaryDifferences(sqlQuery(q), 50);
    if (differences.length > 0) {
      throw new Error(
        [
          'Migration 0004 (drop store_customers.orders) refused: the JSON column disagrees with orders.',
          formatParityDifferences(differences),
          'Fix the JSON (or the orders) so both agree, check with `npm run db:verify`, then run the migrations again.',
        ].join('\n'),
      );
    }
    await q.query(`ALTER TABLE store_customers DROP COLUMN orders`);
    await q.query(VIEW_SQL);
    await q.query(
      `COMMENT ON VIEW store_customer_orders IS
       'Read-only legacy facade: the former store_customers.orders JSON, computed from orders.'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE store_customers ADD COLUMN orders JSONB NOT NULL DEFAULT '[]'`);
    // Restore the JSON from the canonical rows before the view that computes it goes away.
    await q.query(
      `UPDATE store_customers sc SET orders = v.orders FROM store_customer_orders v WHERE v.store_customer_id = sc.id`,
    );
    await q.query(`DROP VIEW store_customer_orders`);
  }
}
