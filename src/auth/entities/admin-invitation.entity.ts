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

/** A single-use invitation to become an admin. The token itself is shown once; only its hash is kept. */
@Entity('admin_invitations')
@Index('uq_admin_invitations_token_hash', ['tokenHash'], { unique: true })
@Index('idx_admin_invitations_email', ['email'])
export class AdminInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  /** SHA-256 (hex) of the token. */
  @Column('text')
  tokenHash: string;

  @Column({ type: 'uuid', name: 'created_by' })
  createdById: string;

  @ManyToOne(() => Profile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_admin_invitations_created_by' })
  createdBy: Profile;

  @Column(TIMESTAMPTZ)
  expiresAt: Date;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  usedAt: Date | null;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;
}
