import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { TIMESTAMPTZ } from '../../database/sql';
import { Profile } from './profile.entity';

/**
 * One refresh token of a rotation family. Only a hash is stored; rotating marks the old row used, and
 * presenting a used token revokes the whole family (theft detection).
 */
@Entity('refresh_tokens')
@Index('uq_refresh_tokens_token_hash', ['tokenHash'], { unique: true })
@Index('idx_refresh_tokens_family', ['family'])
@Index('idx_refresh_tokens_user', ['userId'])
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => Profile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_refresh_tokens_user' })
  user: Profile;

  @Column('uuid')
  family: string;

  @Column('text')
  tokenHash: string;

  @Column(TIMESTAMPTZ)
  expiresAt: Date;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  usedAt: Date | null;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;
}
