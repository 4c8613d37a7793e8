import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { TIMESTAMPTZ } from '../../database/sql';

/**
 * Per-month order sequence. `generate_order_number()` bumps it with one atomic
 * INSERT … ON CONFLICT DO UPDATE … RETURNING, so concurrent checkouts never share a number.
 */
@Entity('order_number_counters')
@Check('chk_order_number_counters_period', `"period" ~ '^[0-9]{6}$'`)
export class OrderNumberCounter {
  /** `YYYYMM` (UTC). */
  @PrimaryColumn({ type: 'char', length: 6, primaryKeyConstraintName: 'order_number_counters_pkey' })
  period: string;

  @Column({ type: 'bigint', default: 0 })
  lastValue: string;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
