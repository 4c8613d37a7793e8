import { PreparedSqlStatement } from '../common/sql-statement';

/** A store's name by id, prepared: every order email reads it. */
export function storeNameStatement(storeId: string): PreparedSqlStatement {
  return { name: 'store_name', text: `SELECT name FROM stores WHERE id = $1`, values: [storeId] };
}
