import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Money, MONEY_COLUMN } from '../../../common/money';
import { sqlIn, TIMESTAMPTZ } from '../../../database/sql';
import { LOYALTY_REASONS, LoyaltyReason } from '../loyalty.types';
import { LoyaltyAccount } from './loyalty-account.entity';

/**
 * One change of a customer's points, written by the subscriber of the domain event that caused it.
 * `event_id` is UNIQUE: a second delivery of the same event (at-least-once) inserts nothing, so the
 * subscriber is idempotent by construction. At most one credit per order (partial unique index).
 * No foreign key to orders: the extension must never block (or be deleted by) a change in orders.
 */
@Entity('loyalty_ledger')
@Index('uq_loyalty_ledger_event', ['eventId'], { unique: true })
// Partial unique index of migration 0015: one `order_paid` entry per order.
@Index('uq_loyalty_ledger_order_credit', { synchronize: false })
@Index('idx_loyalty_ledger_account', ['storeId', 'profileId', 'createdAt'])
@Index('idx_loyalty_ledger_order', ['orderId'])
@Check('chk_loyalty_ledger_reason', sqlIn('reason', LOYALTY_REASONS))
@Check(
  'chk_loyalty_ledger_points',
  `("reason" = 'order_paid' AND "points" >= 0) OR ("reason" = 'order_refunded' AND "points" <= 0)`,
)
@ForeignKey(() => LoyaltyAccount, ['storeId', 'profileId'], ['storeId', 'profileId'], {
  onDelete: 'CASCADE',
  name: 'fk_loyalty_ledger_account',
})
export class LoyaltyLedgerEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  storeId: string;

  @Column('uuid')
  profileId: string;

  @Column('uuid')
  orderId: string;

  /** The domain event this entry came from. */
  @Column('uuid')
  eventId: string;

  /** Signed: positive for a credit, negative (or zero) for a take-back. */
  @Column('integer')
  points: number;

  @Column('text')
  reason: LoyaltyReason;

  /** The money the entry is for: what was paid (credit), what this refund gave back (take-back). */
  @Column(MONEY_COLUMN)
  amount: Money;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;
}
