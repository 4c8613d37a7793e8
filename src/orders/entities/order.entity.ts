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
import { Profile } from '../../auth/entities/profile.entity';
import { Metadata, MetadataColumn } from '../../common/metadata/metadata-column';
import { Money, MONEY_COLUMN } from '../../common/money';
import { Address } from '../../customers/entities/address.entity';
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { Discount } from '../../discounts/entities/discount.entity';
import { Store } from '../../stores/entities/store.entity';
import { ORDER_PAYMENT_STATUSES, ORDER_STATUSES, OrderPaymentStatus, OrderStatus } from '../order.types';
import { ShippingAddressSnapshot } from '../shipping-address';
import { OrderItem } from './order-item.entity';

/** An order: totals are computed once at checkout and stored; items snapshot names and prices. */
@Entity('orders')
@Index('uq_orders_order_number', ['orderNumber'], { unique: true })
@Index('idx_orders_user', ['userId'])
@Index('idx_orders_number', ['orderNumber'])
@Index('idx_orders_status', ['status'])
@Index('idx_orders_created', { synchronize: false })
@Index('idx_orders_store_created', ['storeId', 'createdAt'])
@Check('chk_orders_status', sqlIn('status', ORDER_STATUSES))
@Check('chk_orders_payment_status', sqlIn('payment_status', ORDER_PAYMENT_STATUSES))
@Check(
  'chk_orders_amounts',
  `"subtotal" >= 0 AND "discount_amount" >= 0 AND "tax_amount" >= 0 AND "shipping_amount" >= 0 AND "total" >= 0`,
)
@Check(
  'chk_orders_buyer',
  `"user_id" IS NOT NULL OR ("guest_email" IS NOT NULL AND "order_token_hash" IS NOT NULL)`,
)
export class Order {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_orders_store' })
  store: Store;

  /** The buyer's profile; null for a guest's order (then `guestEmail` and `orderTokenHash` are set). */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => Profile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_orders_user' })
  user: Profile | null;

  /** A guest's email (where the order's mails go). */
  @Column({ type: 'text', nullable: true })
  guestEmail: string | null;

  /** SHA-256 (hex) of the guest's order token (`X-Order-Token`); the token itself is never stored. */
  @Column({ type: 'text', nullable: true, select: false })
  orderTokenHash: string | null;

  /** `YYYYMM` + a per-month sequence of at least five digits, e.g. 20261100042. */
  @Column('text')
  orderNumber: string;

  @Column({ type: 'text', default: 'pending' })
  status: OrderStatus;

  @Column({ type: 'char', length: 3, default: 'USD' })
  currency: string;

  @Column(MONEY_COLUMN)
  subtotal: Money;

  @Column({ ...MONEY_COLUMN, default: 0 })
  discountAmount: Money;

  @Column({ ...MONEY_COLUMN, default: 0 })
  taxAmount: Money;

  @Column({ ...MONEY_COLUMN, default: 0 })
  shippingAmount: Money;

  @Column(MONEY_COLUMN)
  total: Money;

  /** The address-book entry the address was copied from; null when sent inline, or deleted since. */
  @Column({ type: 'uuid', nullable: true })
  shippingAddressId: string | null;

  @ManyToOne(() => Address, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'shipping_address_id', foreignKeyConstraintName: 'fk_orders_shipping_address' })
  addressBookEntry: Address | null;

  /** The order's own copy of its address (responses read this, never the address book). */
  @Column({ type: 'jsonb', nullable: true })
  shippingAddress: ShippingAddressSnapshot | null;

  /** The shipping method chosen at checkout (no foreign key: kept if the method is deleted later). */
  @Column({ type: 'uuid', nullable: true })
  shippingMethodId: string | null;

  @Column({ type: 'uuid', nullable: true })
  discountId: string | null;

  @ManyToOne(() => Discount, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'discount_id', foreignKeyConstraintName: 'fk_orders_discount' })
  discount: Discount | null;

  /** The code as the customer typed it, kept even if the discount is deleted later. */
  @Column({ type: 'text', nullable: true })
  discountCode: string | null;

  @Column({ type: 'text', default: 'unpaid' })
  paymentStatus: OrderPaymentStatus;

  @Column({ type: 'text', nullable: true })
  paymentMethod: string | null;

  /** Stripe PaymentIntent id (legacy column; the `payments` table is the source of truth). */
  @Column({ type: 'text', nullable: true })
  paymentIntentId: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** The integrator's key-value pairs (src/common/metadata; migration 0013). */
  @MetadataColumn('orders')
  metadata: Metadata;

  @OneToMany(() => OrderItem, (item) => item.order)
  items: OrderItem[];

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
