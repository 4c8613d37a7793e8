import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Profile } from '../../auth/entities/profile.entity';
import { TIMESTAMPTZ } from '../../database/sql';

/**
 * An `Idempotency-Key` seen from a user: the hash of the request it came with and, once finished, the
 * response to replay. The unique (user, key) pair serialises concurrent requests with the same key.
 */
@Entity('idempotency_keys')
@Index('uq_idempotency_keys_user_key', ['userId', 'key'], { unique: true })
export class IdempotencyKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => Profile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_idempotency_keys_user' })
  user: Profile;

  @Column('text')
  key: string;

  /** SHA-256 of method, path and canonical body. */
  @Column('text')
  requestHash: string;

  @Column({ type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: unknown;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  completedAt: Date | null;
}
