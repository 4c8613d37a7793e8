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
import { TIMESTAMPTZ } from '../../database/sql';
import { Store } from '../../stores/entities/store.entity';

/**
 * A set of destination countries of one store (ISO 3166-1 alpha-2, uppercase, at least one). Zones of
 * a store may overlap: a country in two zones is offered the methods of both.
 */
@Entity('shipping_zones')
@Index('idx_shipping_zones_store', ['storeId'])
@Check(
  'chk_shipping_zones_countries',
  `cardinality("countries") > 0 AND array_to_string("countries", ',') ~ '^[A-Z]{2}(,[A-Z]{2})*$'`,
)
export class ShippingZone {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_shipping_zones_store' })
  store: Store;

  @Column('text')
  name: string;

  /** Sorted, without repeats (the service normalises them). */
  @Column({ type: 'text', array: true })
  countries: string[];

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
