import { DataSource } from 'typeorm';
import { ResolvesStoreOf, StoreResolver } from '../auth/decorators/store-from.decorator';
import { queryPrepared } from '../database/prepared-query';

/** The store of a return, for admin routes keyed by a return id (`@StoreFrom('return', 'id')`). */
@ResolvesStoreOf('return', 'RETURN_NOT_FOUND')
export class ReturnStoreResolver implements StoreResolver {
  constructor(private readonly dataSource: DataSource) {}

  async storeOf(id: string): Promise<string | null> {
    const [row] = await queryPrepared<{ store_id: string }>(
      this.dataSource,
      'returns_store_of',
      'SELECT store_id FROM returns WHERE id = $1',
      [id],
    );
    return row?.store_id ?? null;
  }
}
