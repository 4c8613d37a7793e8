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
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { Order } from '../../orders/entities/order.entity';
import { Store } from '../../stores/entities/store.entity';
import { FULFILLMENT_STATUSES, FulfillmentStatus } from '../fulfilment.types';
import { FulfillmentItem } from './fulfillment-item.entity';

/** One shipment of some of an order's units, with its carrier and tracking. */
@Entity('fulfillments')
@Index('idx_fulfillments_order', ['orderId'])
@Check('chk_fulfillments_status', sqlIn('status', FULFILLMENT_STATUSES))
@Check('chk_fulfillments_delivered', `("status" = 'delivered') = ("delivered_at" IS NOT NULL)`)
export class Fulfillment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'fulfillments_pkey' })
  id: string;

  @Column('uuid')
  orderId: string;

  @ManyToOne(() => Order, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_fulfillments_order' })
  order: Order;

  /** The order's store, copied (store-scoped like every other table). */
  @Column('uuid')
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_fulfillments_store' })
  store: Store;

  @Column({ type: 'text', default: 'shipped' })
  status: FulfillmentStatus;

  @Column({ type: 'text', nullable: true })
  carrier: string | null;

  @Column({ type: 'text', nullable: true })
  trackingNumber: string | null;

  @Column({ type: 'text', nullable: true })
  trackingUrl: string | null;

  @Column({ ...TIMESTAMPTZ, default: () => 'now()' })
  shippedAt: Date;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  deliveredAt: Date | null;

  @OneToMany(() => FulfillmentItem, (item) => item.fulfillment)
  items: FulfillmentItem[];

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
