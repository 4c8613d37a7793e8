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
import { Money, MONEY_COLUMN } from '../../common/money';
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { Order } from '../../orders/entities/order.entity';
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES, PaymentProviderName, PaymentStatus } from '../payment.types';

/** One payment attempt for an order with a provider (a Stripe PaymentIntent, or a manual payment). */
@Entity('payments')
@Index('uq_payments_provider_ref', ['providerRef'], { unique: true })
@Index('idx_payments_order', ['orderId'])
@Check('chk_payments_provider', sqlIn('provider', PAYMENT_PROVIDERS))
@Check('chk_payments_status', sqlIn('status', PAYMENT_STATUSES))
@Check('chk_payments_amounts', `"amount" >= 0 AND "refunded_amount" >= 0 AND "refunded_amount" <= "amount"`)
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  orderId: string;

  @ManyToOne(() => Order, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_payments_order' })
  order: Order;

  @Column('text')
  provider: PaymentProviderName;

  /** The provider's id (PaymentIntent id); null for manual payments. */
  @Column({ type: 'text', nullable: true })
  providerRef: string | null;

  @Column(MONEY_COLUMN)
  amount: Money;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'text', default: 'pending' })
  status: PaymentStatus;

  @Column({ ...MONEY_COLUMN, default: 0 })
  refundedAmount: Money;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
