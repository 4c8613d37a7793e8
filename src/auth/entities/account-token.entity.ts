import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { ACCOUNT_TOKEN_PURPOSES, AccountTokenPurpose } from '../account-token.types';
import { Profile } from './profile.entity';

/**
 * A single-use token mailed to a user: email verification, email change (with the address it moves
 * to) or password reset. Only its SHA-256 is stored; `used_at` is set by the one UPDATE that claims it.
 */
@Entity('account_tokens')
@Index('uq_account_tokens_token_hash', ['tokenHash'], { unique: true })
@Index('idx_account_tokens_user', ['userId'])
@Check('chk_account_tokens_purpose', sqlIn('purpose', ACCOUNT_TOKEN_PURPOSES))
@Check('chk_account_tokens_new_email', `("purpose" = 'email_change') = ("new_email" IS NOT NULL)`)
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => Profile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_account_tokens_user' })
  user: Profile;

  @Column('text')
  purpose: AccountTokenPurpose;

  /** SHA-256 (hex) of the token. */
  @Column('text')
  tokenHash: string;

  /** The address an email change moves to; null for the other purposes. */
  @Column({ type: 'text', nullable: true })
  newEmail: string | null;

  @Column(TIMESTAMPTZ)
  expiresAt: Date;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  usedAt: Date | null;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;
}
