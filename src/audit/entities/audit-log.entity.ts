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
import { Store } from '../../stores/entities/store.entity';

/** The audit trail (`logs`): one row per admin mutation, auth event and order/payment state change. */
@Entity('logs')
@Index('idx_logs_user', ['userId'])
@Index('idx_logs_entity', ['entityType', 'entityId'])
@Index('idx_logs_created', { synchronize: false })
@Index('idx_logs_store', ['storeId'])
export class AuditLog {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  storeId: string | null;

  @ManyToOne(() => Store, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_logs_store' })
  store: Store | null;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => Profile, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_logs_user' })
  user: Profile | null;

  /** Dotted verb, e.g. `product.update`, `auth.login_failed`. */
  @Column('text')
  action: string;

  @Column({ type: 'text', nullable: true })
  entityType: string | null;

  @Column({ type: 'uuid', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;

  @Column({ type: 'inet', nullable: true })
  ipAddress: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;
}
