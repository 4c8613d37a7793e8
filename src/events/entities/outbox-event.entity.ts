import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TIMESTAMPTZ } from '../../database/sql';

/**
 * One domain event, written in the transaction of its change (EventsService.record). `dispatchedAt`
 * is set once the dispatcher has created a delivery row per subscriber; until then the row is work
 * to do, found through the partial index below.
 */
@Entity('outbox_events')
// Partial index of migration 0012: the events not fanned out yet, oldest first.
@Index('idx_outbox_events_undispatched', { synchronize: false })
export class OutboxEvent {
  /** The event's own id (made by the app, so the caller knows it before the commit). */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'outbox_events_pkey' })
  id: string;

  @Column('text')
  type: string;

  @Column({ type: 'uuid', nullable: true })
  storeId: string | null;

  /** The event's `data`. */
  @Column('jsonb')
  payload: unknown;

  @Column({ ...TIMESTAMPTZ, default: () => 'now()' })
  occurredAt: Date;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  dispatchedAt: Date | null;
}
