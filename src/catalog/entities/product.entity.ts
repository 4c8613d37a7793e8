import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Money, MONEY_COLUMN } from '../../common/money';
import { Metadata, MetadataColumn } from '../../common/metadata/metadata-column';
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { Store } from '../../stores/entities/store.entity';
import { TAX_CLASSES, TaxClass } from '../../tax/tax.types';
import { Category } from './category.entity';
import { ProductImage } from './product-image.entity';
import { ProductTag } from './product-tag.entity';
import { ProductVariant } from './product-variant.entity';

/** A sellable item of one store. A variant's price is basePrice + its priceAdjustment. */
@Entity('products')
@Index('uq_products_store_slug', ['storeId', 'slug'], { unique: true })
@Index('idx_products_category', ['categoryId'])
@Index('idx_products_slug', ['slug'])
@Index('idx_products_active', ['isActive'])
@Index('idx_products_featured', ['isFeatured'])
// The partial index of migration 0010 (newest-first listing).
@Index('idx_products_store_newest', { synchronize: false })
// The price-sort index of migration 0011.
@Index('idx_products_store_price', { synchronize: false })
// Keyset and filter indexes of migration 0024 (name sort, category newest-first).
@Index('idx_products_store_name', { synchronize: false })
@Index('idx_products_store_category_newest', { synchronize: false })
// The full-text index of migration 0026 (`?q=`, on search_vector).
@Index('idx_products_search_vector', { synchronize: false })
@Check('chk_products_base_price', `"base_price" >= 0`)
@Check('chk_products_tax_class', sqlIn('tax_class', TAX_CLASSES))
export class Product {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_products_store' })
  store: Store;

  @Column('text')
  name: string;

  @Column('text')
  slug: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => Category, (category) => category.products, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_products_category' })
  category: Category | null;

  @Column(MONEY_COLUMN)
  basePrice: Money;

  /**
   * The smallest price adjustment of the active variants (null: none), kept by triggers on
   * product_variants (migration 0011) for the storefront's price sorts. The app never writes it.
   */
  @Column({ ...MONEY_COLUMN, nullable: true, select: false, insert: false, update: false })
  minVariantAdjustment: Money | null;

  /**
   * Name and description as `?q=` searches them (`to_tsvector('simple', …)`), kept by a trigger on
   * products (migration 0026) so that a search checks a stored value. The app never reads or writes it.
   */
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector: string | null;

  /** Which of the destination's tax rates its lines pay (src/tax, migration 0020). */
  @Column({ type: 'text', default: 'standard' })
  taxClass: TaxClass;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @Column({ type: 'boolean', default: false })
  isFeatured: boolean;

  @Column({ type: 'text', nullable: true })
  metaTitle: string | null;

  @Column({ type: 'text', nullable: true })
  metaDescription: string | null;

  /** The integrator's key-value pairs (src/common/metadata; migration 0013). */
  @MetadataColumn('products')
  metadata: Metadata;

  @OneToMany(() => ProductImage, (image) => image.product)
  images: ProductImage[];

  @OneToMany(() => ProductVariant, (variant) => variant.product)
  variants: ProductVariant[];

  @OneToMany(() => ProductTag, (productTag) => productTag.product)
  productTags: ProductTag[];

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
