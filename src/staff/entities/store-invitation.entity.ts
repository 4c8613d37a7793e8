import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { STORE_ROLES, StoreRole } from '../staff.types';

/**
 * The store and role an admin invitation (auth's `admin_invitations`) is for: accepting it creates the
 * membership (migration 0022). Gone with its invitation or its store.
 */
@Entity('store_invitations')
@Check('chk_store_invitations_role', sqlIn('role', STORE_ROLES))
@Index('idx_store_invitations_store', ['storeId'])
export class StoreInvitation {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'store_invitations_pkey' })
  @ForeignKey('admin_invitations', { onDelete: 'CASCADE', name: 'fk_store_invitations_invitation' })
  invitationId: string;

  @Column('uuid')
  @ForeignKey('stores', { onDelete: 'CASCADE', name: 'fk_store_invitations_store' })
  storeId: string;

  @Column('text')
  role: StoreRole;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;
}
