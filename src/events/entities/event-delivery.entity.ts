import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { OutboxEvent } from './outbox-event.entity';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event for one subscriber: each subscriber is retried on its own schedule, so a failing one
 * never holds back the others. `nextAttemptAt` doubles as the lease of a claimed delivery: claiming
 * moves it past the handler's time budget, so a crashed instance's work is picked up again.
 */
@Entity('event_deliveries')
// Partial indexes of migration 0012: pending deliveries by due time; failed ones by subscriber.
@Index('idx_event_deliveries_due', { synchronize: false })
@Index('idx_event_deliveries_failed', { synchronize: false })
@Check('chk_event_deliveries_status', sqlIn('status', DELIVERY_STATUSES))
export class EventDelivery {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'event_deliveries_pkey' })
  eventId: string;

  @ManyToOne(() => OutboxEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_event_deliveries_event' })
  event: OutboxEvent;

  /** The subscriber's stable name (`ClassName.method` unless it chose one). */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'event_deliveries_pkey' })
  subscriber: string;

  @Column({ type: 'text', default: 'pending' })
  status: DeliveryStatus;

  /** Handler runs started so far (a claim counts as one). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ ...TIMESTAMPTZ, default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  deliveredAt: Date | null;
}
