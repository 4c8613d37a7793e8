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
import { Store } from '../../stores/entities/store.entity';
import { DISCOUNT_TYPES, DiscountType } from '../discount.types';

/**
 * A discount code of one store; codes are unique per store case-insensitively (expression index).
 * `value` is money for `fixed` and a percentage (≤ 100) for `percentage`, both DECIMAL(10,2).
 */
@Entity('discounts')
@Index('uq_discounts_store_code_lower', { synchronize: false })
@Index('idx_discounts_code', ['code'])
@Index('idx_discounts_active', ['isActive'])
@Check('chk_discounts_type', sqlIn('type', DISCOUNT_TYPES))
@Check('chk_discounts_value', `"value" > 0`)
@Check('chk_discounts_percentage', `"type" <> 'percentage' OR "value" <= 100`)
@Check('chk_discounts_min_purchase', `"min_purchase_amount" >= 0`)
@Check(
  'chk_discounts_uses',
  `"times_used" >= 0 AND ("max_uses" IS NULL OR ("max_uses" > 0 AND "times_used" <= "max_uses"))`,
)
@Check('chk_discounts_window', `"starts_at" IS NULL OR "expires_at" IS NULL OR "starts_at" < "expires_at"`)
export class Discount {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_discounts_store' })
  store: Store;

  @Column('text')
  code: string;

  @Column('text')
  type: DiscountType;

  /** Minor units for `fixed`; hundredths of a percent for `percentage` (1050 = 10.50 %). */
  @Column(MONEY_COLUMN)
  value: Money;

  @Column({ ...MONEY_COLUMN, default: 0 })
  minPurchaseAmount: Money;

  @Column({ type: 'integer', nullable: true })
  maxUses: number | null;

  @Column({ type: 'integer', default: 0 })
  timesUsed: number;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  startsAt: Date | null;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  expiresAt: Date | null;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
