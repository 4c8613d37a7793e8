import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Money, MONEY_COLUMN } from '../../common/money';
import { TIMESTAMPTZ } from '../../database/sql';

/** A storefront. Catalog rows cascade with it; orders keep it alive (ON DELETE RESTRICT). */
@Entity('stores')
@Index('uq_stores_slug', ['slug'], { unique: true })
@Check('chk_stores_currency', `"currency" ~ '^[A-Z]{3}$'`)
@Check('chk_stores_tax_rate', `"tax_rate" >= 0 AND "tax_rate" <= 1`)
@Check('chk_stores_shipping_flat', `"shipping_flat" >= 0`)
export class Store {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  /** ISO 4217 code; every money amount of the store is in this currency. */
  @Column({ type: 'char', length: 3, default: 'USD' })
  currency: string;

  /**
   * Fraction, e.g. 0.0825 for 8.25 %. Not money, so it stays a decimal string. The fallback of every
   * tax class where no tax rate (src/tax) matches the destination.
   */
  @Column({ type: 'decimal', precision: 5, scale: 4, default: 0 })
  taxRate: string;

  @Column({ ...MONEY_COLUMN, default: 0 })
  shippingFlat: Money;

  /** Prices (and shipping) already contain the tax; it is extracted, not added (src/tax, migration 0020). */
  @Column({ type: 'boolean', default: false })
  pricesIncludeTax: boolean;

  /** Shipping is taxed at the destination's standard rate (src/tax). */
  @Column({ type: 'boolean', default: false })
  taxShipping: boolean;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
