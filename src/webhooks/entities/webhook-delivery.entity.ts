import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** The body a receiver gets (Standard Webhooks): the same on every attempt. */
export interface WebhookPayload {
  type: string;
  /** When the event happened (ISO 8601), not when this attempt was sent. */
  timestamp: string;
  data: unknown;
}

/**
 * One event for one endpoint, and the log of its sends. Unique per (endpoint, event): the fan-out
 * may run twice for an event (at-least-once dispatch) and still sends once. `nextAttemptAt` doubles as
 * the lease of a send in progress, so a crashed instance's send is picked up again.
 */
@Entity('webhook_deliveries')
@Unique('uq_webhook_deliveries_endpoint_event', ['endpointId', 'eventId'])
// Partial index of migration 0014: pending deliveries by due time.
@Index('idx_webhook_deliveries_due', { synchronize: false })
@Index('idx_webhook_deliveries_endpoint_created', ['endpointId', 'createdAt'])
@Check('chk_webhook_deliveries_status', sqlIn('status', WEBHOOK_DELIVERY_STATUSES))
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_deliveries_pkey' })
  id: string;

  /** The endpoint's store, copied: a store's deliveries without a join (and a distribution key). */
  @Column('uuid')
  storeId: string;

  @Column('uuid')
  endpointId: string;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id', foreignKeyConstraintName: 'fk_webhook_deliveries_endpoint' })
  endpoint: WebhookEndpoint;

  /** The domain event's id (a fresh one for a ping): the `webhook-id` of every attempt. */
  @Column('uuid')
  eventId: string;

  @Column('text')
  eventType: string;

  @Column('jsonb')
  payload: WebhookPayload;

  @Column({ type: 'text', default: 'pending' })
  status: WebhookDeliveryStatus;

  /** Sends started so far (a claim counts as one). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** The HTTP status of the last answer; null before the first or when there was none (timeout, refused). */
  @Column({ type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ ...TIMESTAMPTZ, default: () => 'now()' })
  nextAttemptAt: Date;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  deliveredAt: Date | null;
}
