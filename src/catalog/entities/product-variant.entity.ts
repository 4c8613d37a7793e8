import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Money, MONEY_COLUMN } from '../../common/money';
import { Metadata, MetadataColumn } from '../../common/metadata/metadata-column';
import { TIMESTAMPTZ } from '../../database/sql';
import { Inventory } from '../../inventory/entities/inventory.entity';
import { Store } from '../../stores/entities/store.entity';
import { Product } from './product.entity';

/** Flat attribute map of a variant, e.g. `{ "size": "L", "color": "red" }`. */
export type VariantAttributes = Record<string, string>;

/** A buyable variant of a product (the seed's `variants`). SKUs are unique per store. */
@Entity('product_variants')
@Index('uq_product_variants_store_sku', ['storeId', 'sku'], { unique: true })
@Index('idx_product_variants_product', ['productId'])
@Index('idx_product_variants_sku', ['sku'])
@Index('idx_product_variants_active', ['isActive'])
@Index('idx_product_variants_attributes', { synchronize: false })
// The covering probe of a product's active variants (migration 0024).
@Index('idx_product_variants_product_active', { synchronize: false })
@Check('chk_product_variants_weight', `"weight_grams" >= 0`)
export class ProductVariant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_product_variants_store' })
  store: Store;

  @Column('uuid')
  productId: string;

  @ManyToOne(() => Product, (product) => product.variants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'fk_product_variants_product' })
  product: Product;

  @Column('text')
  sku: string;

  /** e.g. "Large / Red". */
  @Column('text')
  name: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  attributes: VariantAttributes;

  @Column({ ...MONEY_COLUMN, default: 0 })
  priceAdjustment: Money;

  @Column({ type: 'text', nullable: true })
  imageUrl: string | null;

  /** Shipping weight of one unit, in grams (src/shipping prices weight tiers by it; migration 0019). */
  @Column({ type: 'integer', default: 0 })
  weightGrams: number;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  /** The integrator's key-value pairs (src/common/metadata; migration 0013). */
  @MetadataColumn('product_variants')
  metadata: Metadata;

  @OneToOne(() => Inventory, (inventory) => inventory.variant)
  inventory: Inventory;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
