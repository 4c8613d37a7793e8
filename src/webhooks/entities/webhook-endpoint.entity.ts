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
import { TIMESTAMPTZ } from '../../database/sql';
import { Store } from '../../stores/entities/store.entity';

/** A store's webhook subscription: where to POST which event types, signed with `secret`. */
@Entity('webhook_endpoints')
@Index('idx_webhook_endpoints_store', ['storeId'])
@Check('chk_webhook_endpoints_failures', `"consecutive_failures" >= 0`)
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_endpoints_pkey' })
  id: string;

  @Column('uuid')
  storeId: string;

  @ManyToOne(() => Store, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'store_id', foreignKeyConstraintName: 'fk_webhook_endpoints_store' })
  store: Store;

  @Column('text')
  url: string;

  /** Subscribed event types (WEBHOOK_EVENT_TYPES). */
  @Column({ type: 'text', array: true })
  events: string[];

  /**
   * `whsec_` + base64 of 32 random bytes, stored as it is: every delivery computes an HMAC with it, so
   * it cannot be hashed like a password, and encrypting it with a key from the app's own config would
   * protect nothing against whoever reads both. Shown once, in the creation response; `select: false`
   * so no ordinary read loads it (the delivery worker reads it with its own query).
   */
  @Column({ type: 'text', select: false })
  secret: string;

  /** False when an admin turned it off or after WEBHOOK_DISABLE_AFTER_FAILURES failed sends in a row. */
  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  /** When the failures disabled it (null when active, or turned off by an admin). */
  @Column({ ...TIMESTAMPTZ, nullable: true })
  disabledAt: Date | null;

  /** Failed sends since the last success. */
  @Column({ type: 'integer', default: 0 })
  consecutiveFailures: number;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @UpdateDateColumn(TIMESTAMPTZ)
  updatedAt: Date;
}
