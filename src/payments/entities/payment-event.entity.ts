import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { PAYMENT_PROVIDERS, PaymentProviderName } from '../payment.types';

/**
 * A provider webhook event. Inserted in the same transaction as its effect; the unique key makes a
 * replayed or concurrently duplicated event apply at most once.
 */
@Entity('payment_events')
@Index('uq_payment_events_provider_event', ['provider', 'eventId'], { unique: true })
@Check('chk_payment_events_provider', sqlIn('provider', PAYMENT_PROVIDERS))
export class PaymentEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  provider: PaymentProviderName;

  @Column('text')
  eventId: string;

  @Column('text')
  type: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column({ ...TIMESTAMPTZ, nullable: true })
  processedAt: Date | null;

  @CreateDateColumn(TIMESTAMPTZ)
  createdAt: Date;
}
