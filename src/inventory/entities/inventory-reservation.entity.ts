import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ProductVariant } from '../../catalog/entities/product-variant.entity';
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { Order } from '../../orders/entities/order.entity';
import { RESERVATION_STATUSES, ReservationStatus } from '../inventory.types';

/** One hold of stock for one order line. Release and commit move it out of `active` exactly once. */
@Entity('inventory_reservations')
@Index('uq_inventory_reservations_order_variant', ['orderId', 'variantId'], { unique: true })
@Index('idx_inventory_reservations_variant_active', { synchronize: false })
@Check('chk_inventory_reservations_quantity', `"quantity" > 0`)
@Check('chk_inventory_reservations_status', sqlIn('status', RESERVATION_STATUSES))
export class InventoryReservation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  orderId: string;

  @ManyToOne(() => Order, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_inventory_reservations_order' })
  order: Order;

  @Column('uuid')
  variantId: string;

  @ManyToOne(() => ProductVariant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'variant_id', foreignKeyConstraintName: 'fk_inventory_reservations_variant' })
  variant: ProductVariant;

  @Column('integer')
  quantity: number;

  @Column({ type: 'text', default: 'active' })
  status: ReservationStatus;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  expiresAt: Date | null;

  /** When the hold was committed or released. */
  @Column({ ...TIMESTAMPTZ, nullable: true })
  settledAt: Date | null;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
