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
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { Store } from '../../stores/entities/store.entity';
import { formatRate, parseRate } from '../tax-rate-format';
import { RateBp, TAX_CLASSES, TaxClass } from '../tax.types';

/** NUMERIC(5,2) percentage ("19.00") ↔ integer hundredths of a percent (1900). */
const rateTransformer: ValueTransformer = {
  to: (value: RateBp | undefined): string | undefined => (value === undefined ? value : formatRate(value)),
  from: (value: string): RateBp => parseRate(value),
};

/**
 * A store's tax rate for one country (region null) or one region of it, and one tax class. Unique per
 * store, country, region and class: an expression index (COALESCE(region, '')) of migration 0020, so
 * two country-wide rows of a class collide too.
 */
@Entity('tax_rates')
@Index('uq_tax_rates_destination', { synchronize: false })
@Check('chk_tax_rates_country', `"country" ~ '^[A-Z]{2}$'`)
@Check('chk_tax_rates_region', `"region" IS NULL OR ("region" <> '' AND "region" = upper(btrim("region")))`)
@Check('chk_tax_rates_class', sqlIn('tax_class', TAX_CLASSES))
@Check('chk_tax_rates_rate', `"rate" >= 0 AND "rate" <= 100 AND ("tax_class" <> 'zero' OR "rate" = 0)`)
export class TaxRate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_tax_rates_store' })
  store: Store;

  /** ISO 3166-1 alpha-2, upper case. */
  @Column({ type: 'char', length: 2 })
  country: string;

  /** The address's `state`, trimmed and upper-cased; null: the whole country. */
  @Column({ type: 'text', nullable: true })
  region: string | null;

  @Column('text')
  taxClass: TaxClass;

  /** Hundredths of a percent: 1900 = 19.00 %. */
  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: rateTransformer })
  rate: RateBp;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
