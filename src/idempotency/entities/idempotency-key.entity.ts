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
import { Profile } from '../../auth/entities/profile.entity';
import { TIMESTAMPTZ } from '../../database/sql';

/**
 * An `Idempotency-Key` seen from a user, or from a guest's cart session (migration 0018): the hash of
 * the request it came with and, once finished, the response to replay. The unique (user, key) and
 * (cart session, key) pairs serialise concurrent requests with the same key.
 */
@Entity('idempotency_keys')
@Index('uq_idempotency_keys_user_key', ['userId', 'key'], { unique: true })
@Index('uq_idempotency_keys_session_key', ['cartSession', 'key'], {
  unique: true,
  where: '"cart_session" IS NOT NULL',
})
@Check('chk_idempotency_keys_scope', `("user_id" IS NULL) <> ("cart_session" IS NULL)`)
export class IdempotencyKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => Profile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_idempotency_keys_user' })
  user: Profile | null;

  /** A guest's X-Cart-Session (null for a user's key). */
  @Column({ type: 'text', nullable: true })
  cartSession: string | null;

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
