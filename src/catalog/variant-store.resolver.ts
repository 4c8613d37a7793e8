import { DataSource } from 'typeorm';
import { ResolvesStoreOf, StoreResolver } from '../auth/decorators/store-from.decorator';
import { queryPrepared } from '../database/prepared-query';

/** The store of a product variant, for admin routes keyed by a variant id (`/admin/inventory/:variantId`). */
@ResolvesStoreOf('variant', 'VARIANT_NOT_FOUND')
export class VariantStoreResolver implements StoreResolver {
  constructor(private readonly dataSource: DataSource) {}

  async storeOf(id: string): Promise<string | null> {
    const [row] = await queryPrepared<{ store_id: string }>(
      this.dataSource,
      'variants_store_of',
      'SELECT store_id FROM product_variants WHERE id = $1',
      [id],
    );
    return row?.store_id ?? null;
  }
}
