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
  ValueTransformer,
} from 'typeorm';
import { formatMoney, Money, MONEY_COLUMN, parseMoney } from '../../common/money';
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { Store } from '../../stores/entities/store.entity';
import { RATE_TYPES, RateType, WeightTier } from '../shipping.types';
import { ShippingZone } from './shipping-zone.entity';

interface StoredTier {
  upToGrams: number;
  /** Money as in every DECIMAL column: a "4.99" string, never a float. */
  amount: string;
}

/** Tiers as JSONB `[{upToGrams, amount: "4.99"}]`; minor units in TypeScript. */
export const weightTiersTransformer: ValueTransformer = {
  to(value: WeightTier[] | null | undefined): StoredTier[] | null | undefined {
    if (value === null || value === undefined) return value;
    return value.map((t) => ({ upToGrams: t.upToGrams, amount: formatMoney(t.amount) }));
  },
  from(value: StoredTier[] | null): WeightTier[] | null {
    return value?.map((t) => ({ upToGrams: t.upToGrams, amount: parseMoney(t.amount) })) ?? null;
  },
};

/**
 * A way to ship to one zone of the store, priced by `rateType` (src/shipping/shipping-rates.ts).
 * `freeOver` is set exactly for free_over, `weightTiers` exactly for weight (CHECKs).
 */
@Entity('shipping_methods')
@Index('idx_shipping_methods_store', ['storeId'])
@Index('idx_shipping_methods_zone', ['zoneId'])
@Check('chk_shipping_methods_rate_type', sqlIn('rate_type', RATE_TYPES))
@Check('chk_shipping_methods_amount', `"amount" >= 0`)
@Check(
  'chk_shipping_methods_free_over',
  `("rate_type" = 'free_over') = ("free_over" IS NOT NULL) AND ("free_over" IS NULL OR "free_over" > 0)`,
)
@Check(
  'chk_shipping_methods_weight_tiers',
  `("rate_type" = 'weight') = ("weight_tiers" IS NOT NULL) AND ("weight_tiers" IS NULL OR CASE WHEN jsonb_typeof("weight_tiers") = 'array' THEN jsonb_array_length("weight_tiers") > 0 ELSE false END)`,
)
export class ShippingMethod {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_shipping_methods_store' })
  store: Store;

  @Column('uuid')
  zoneId: string;

  /** A zone's methods go with it. */
  @ManyToOne(() => ShippingZone, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'zone_id', foreignKeyConstraintName: 'fk_shipping_methods_zone' })
  zone: ShippingZone;

  @Column('text')
  name: string;

  @Column('text')
  rateType: RateType;

  /** flat: the price; free_over: the price below freeOver; weight: a fee added to the tier's amount. */
  @Column(MONEY_COLUMN)
  amount: Money;

  @Column({ ...MONEY_COLUMN, nullable: true })
  freeOver: Money | null;

  @Column({ type: 'jsonb', nullable: true, transformer: weightTiersTransformer })
  weightTiers: WeightTier[] | null;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
