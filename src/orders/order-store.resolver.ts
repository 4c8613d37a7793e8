import { DataSource } from 'typeorm';
import { ResolvesStoreOf, StoreResolver } from '../auth/decorators/store-from.decorator';
import { queryPrepared } from '../database/prepared-query';

/** The store of an order, for admin routes keyed by an order id (`@StoreFrom('order', 'id')`). */
@ResolvesStoreOf('order', 'ORDER_NOT_FOUND')
export class OrderStoreResolver implements StoreResolver {
  constructor(private readonly dataSource: DataSource) {}

  async storeOf(id: string): Promise<string | null> {
    const [row] = await queryPrepared<{ store_id: string }>(
      this.dataSource,
      'orders_store_of',
      'SELECT store_id FROM orders WHERE id = $1',
      [id],
    );
    return row?.store_id ?? null;
  }
}
