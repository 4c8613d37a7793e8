import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TIMESTAMPTZ } from '../../../database/sql';

/**
 * A customer's points in one store: the running balance of their ledger entries, kept here so that a
 * read is one row and a take-back can lock the account (migration 0015). The CHECK makes "never below
 * zero" the database's rule, not only the service's.
 *
 * The foreign keys name the other modules' tables (`@ForeignKey('stores')`), not their entity classes:
 * an extension imports no other module's entities/ (ESLint), and deleting a store or a profile still
 * deletes its points.
 */
@Entity('loyalty_accounts')
@Check('chk_loyalty_accounts_balance', `"balance" >= 0`)
export class LoyaltyAccount {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'loyalty_accounts_pkey' })
  @ForeignKey('stores', { onDelete: 'CASCADE', name: 'fk_loyalty_accounts_store' })
  storeId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'loyalty_accounts_pkey' })
  @ForeignKey('profiles', { onDelete: 'CASCADE', name: 'fk_loyalty_accounts_profile' })
  profileId: string;

  @Column({ type: 'integer', default: 0 })
  balance: number;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
