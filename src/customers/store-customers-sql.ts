import { PreparedSqlStatement } from '../common/sql-statement';

/** The profile becomes (or stays) a customer of the store (`store_customers`). */
export function registerStoreCustomerStatement(storeId: string, profileId: string): PreparedSqlStatement {
  return {
    name: 'store_customer_register',
    text: `INSERT INTO store_customers (store_id, profile_id) VALUES ($1, $2)
       ON CONFLICT (store_id, profile_id) DO UPDATE SET updated_at = now()`,
    values: [storeId, profileId],
  };
}
