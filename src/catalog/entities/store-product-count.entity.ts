import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Store } from '../../stores/entities/store.entity';

/**
 * Active products per store, maintained by database triggers on `products` (migration 0010), never
 * written by the app. The unfiltered storefront listing reads its total here instead of counting.
 */
@Entity('store_product_counts')
@Check('chk_store_product_counts_active', `"active_products" >= 0`)
export class StoreProductCount {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'store_product_counts_pkey' })
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_store_product_counts_store' })
  store: Store;

  @Column({ type: 'integer', default: 0 })
  activeProducts: number;
}
