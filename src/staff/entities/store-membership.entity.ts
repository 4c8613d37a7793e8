import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { STORE_ROLES, StoreRole } from '../staff.types';

/**
 * An admin's role in one store (migration 0022). The foreign keys name the other modules' tables, not
 * their entities: deleting a store or a profile deletes its memberships.
 */
@Entity('store_memberships')
@Check('chk_store_memberships_role', sqlIn('role', STORE_ROLES))
@Index('idx_store_memberships_profile', ['profileId'])
export class StoreMembership {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'store_memberships_pkey' })
  @ForeignKey('stores', { onDelete: 'CASCADE', name: 'fk_store_memberships_store' })
  storeId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'store_memberships_pkey' })
  @ForeignKey('profiles', { onDelete: 'CASCADE', name: 'fk_store_memberships_profile' })
  profileId: string;

  @Column('text')
  role: StoreRole;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;
}
