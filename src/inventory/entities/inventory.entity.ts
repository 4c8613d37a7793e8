import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ProductVariant } from '../../catalog/entities/product-variant.entity';
import { TIMESTAMPTZ } from '../../database/sql';

/**
 * Stock of one variant. `reserved` is held by pending orders and always equals the sum of the variant's
 * active rows in `inventory_reservations`; available = quantity - reserved, never negative.
 */
@Entity('inventory')
@Index('idx_inventory_variant', ['variantId'])
@Index('idx_inventory_low_stock', { synchronize: false })
@Check('chk_inventory_quantity', `"quantity" >= 0`)
@Check('chk_inventory_reserved', `"reserved" >= 0`)
@Check('chk_inventory_reserved_le_quantity', `"reserved" <= "quantity"`)
export class Inventory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  variantId: string;

  @OneToOne(() => ProductVariant, (variant) => variant.inventory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_inventory_variant' })
  variant: ProductVariant;

  @Column({ type: 'integer', default: 0 })
  quantity: number;

  @Column({ type: 'integer', default: 0 })
  reserved: number;

  @Column({ type: 'integer', default: 10 })
  lowStockThreshold: number;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
