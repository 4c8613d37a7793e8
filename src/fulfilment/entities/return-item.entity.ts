import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrderItem } from '../../orders/entities/order-item.entity';
import { OrderReturn } from './order-return.entity';

/** One order line of a return: how many were asked for, and how many came back. */
@Entity('return_items')
@Index('uq_return_items_line', ['returnId', 'orderItemId'], { unique: true })
@Index('idx_return_items_order_item', ['orderItemId'])
@Check('chk_return_items_quantity', `"quantity" > 0`)
@Check(
  'chk_return_items_received',
  `"received_quantity" IS NULL OR ("received_quantity" >= 0 AND "received_quantity" <= "quantity")`,
)
export class ReturnItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'return_items_pkey' })
  id: string;

  @Column('uuid')
  returnId: string;

  @ManyToOne(() => OrderReturn, (r) => r.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'return_id', foreignKeyConstraintName: 'fk_return_items_return' })
  orderReturn: OrderReturn;

  @Column('uuid')
  orderItemId: string;

  @ManyToOne(() => OrderItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_item_id', foreignKeyConstraintName: 'fk_return_items_order_item' })
  orderItem: OrderItem;

  @Column('integer')
  quantity: number;

  /** Units received back (set by the receive, 0 for a line that did not come); null before. */
  @Column({ type: 'integer', nullable: true })
  receivedQuantity: number | null;

  /** Whether the received units went back in stock; null before the receive. */
  @Column({ type: 'boolean', nullable: true })
  restock: boolean | null;
}
