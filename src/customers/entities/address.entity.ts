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
import { Profile } from '../../auth/entities/profile.entity';
import { TIMESTAMPTZ } from '../../database/sql';

/**
 * A customer's postal address. Orders point at it (RESTRICT), so an address that was shipped to stays.
 * At most one default per user (partial unique index, migration 0009); country is ISO 3166-1 alpha-2.
 */
@Entity('addresses')
@Index('idx_addresses_user', ['userId'])
@Index('idx_addresses_default', ['userId', 'isDefault'])
@Index('uq_addresses_one_default', { synchronize: false })
@Check('chk_addresses_country', `"country" ~ '^[A-Z]{2}$'`)
export class Address {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => Profile, (profile) => profile.addresses, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_addresses_user' })
  user: Profile;

  @Column('text')
  fullName: string;

  @Column('text')
  phone: string;

  @Column({ type: 'text', name: 'address_line1' })
  addressLine1: string;

  @Column({ type: 'text', name: 'address_line2', nullable: true })
  addressLine2: string | null;

  @Column('text')
  city: string;

  @Column('text')
  state: string;

  @Column('text')
  postalCode: string;

  @Column({ type: 'text', default: 'US' })
  country: string;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
