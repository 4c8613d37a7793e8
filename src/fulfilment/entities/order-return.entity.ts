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
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { Order } from '../../orders/entities/order.entity';
import { Store } from '../../stores/entities/store.entity';
import { RETURN_STATUSES, ReturnStatus } from '../fulfilment.types';
import { ReturnItem } from './return-item.entity';

/** A buyer's request to send some units back, and what happened to it (return-state-machine.ts). */
@Entity('returns')
@Index('idx_returns_order', ['orderId'])
@Index('idx_returns_store_status', ['storeId', 'status', 'createdAt'])
@Check('chk_returns_status', sqlIn('status', RETURN_STATUSES))
@Check('chk_returns_refund_amount', `"refund_amount" IS NULL OR "refund_amount" >= 0`)
export class OrderReturn {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'returns_pkey' })
  id: string;

  @Column('uuid')
  orderId: string;

  @ManyToOne(() => Order, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_returns_order' })
  order: Order;

  @Column('uuid')
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_returns_store' })
  store: Store;

  @Column({ type: 'text', default: 'requested' })
  status: ReturnStatus;

  @Column('text')
  reason: string;

  /** Who asked (the customer's profile id); null for a guest's order. No FK: the row outlives the profile. */
  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  /** What the received lines refund: planned when the receive starts, cleared if the provider refuses. */
  @Column({ ...MONEY_COLUMN, nullable: true })
  refundAmount: Money | null;

  @Column({ type: 'text', nullable: true })
  refundRef: string | null;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  decidedAt: Date | null;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  receivedAt: Date | null;

  @OneToMany(() => ReturnItem, (item) => item.orderReturn)
  items: ReturnItem[];

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
