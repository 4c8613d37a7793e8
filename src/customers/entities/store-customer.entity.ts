import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Profile } from '../../auth/entities/profile.entity';
import { Metadata, MetadataColumn } from '../../common/metadata/metadata-column';
import { TIMESTAMPTZ } from '../../database/sql';
import { Store } from '../../stores/entities/store.entity';

/**
 * A profile that has bought from a store. Its legacy JSON `orders` column is gone (migration 0004);
 * order summaries come from `orders`, or from the read-only view `store_customer_orders` for legacy readers.
 */
@Entity('store_customers')
@Index('uq_store_customers_store_profile', ['storeId', 'profileId'], { unique: true })
@Index('idx_store_customers_profile', ['profileId'])
export class StoreCustomer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_store_customers_store' })
  store: Store;

  @Column('uuid')
  profileId: string;

  @ManyToOne(() => Profile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id', foreignKeyConstraintName: 'fk_store_customers_profile' })
  profile: Profile;

  /** The integrator's key-value pairs (src/common/metadata; migration 0013). */
  @MetadataColumn('store_customers')
  metadata: Metadata;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
