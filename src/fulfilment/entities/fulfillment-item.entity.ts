import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrderItem } from '../../orders/entities/order-item.entity';
import { Fulfillment } from './fulfillment.entity';

/** How many units of one order line a fulfilment shipped. */
@Entity('fulfillment_items')
@Index('uq_fulfillment_items_line', ['fulfillmentId', 'orderItemId'], { unique: true })
@Index('idx_fulfillment_items_order_item', ['orderItemId'])
@Check('chk_fulfillment_items_quantity', `"quantity" > 0`)
export class FulfillmentItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'fulfillment_items_pkey' })
  id: string;

  @Column('uuid')
  fulfillmentId: string;

  @ManyToOne(() => Fulfillment, (f) => f.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fulfillment_id', foreignKeyConstraintName: 'fk_fulfillment_items_fulfillment' })
  fulfillment: Fulfillment;

  @Column('uuid')
  orderItemId: string;

  @ManyToOne(() => OrderItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_item_id', foreignKeyConstraintName: 'fk_fulfillment_items_order_item' })
  orderItem: OrderItem;

  @Column('integer')
  quantity: number;
}
