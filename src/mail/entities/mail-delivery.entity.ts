import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { sqlIn, TIMESTAMPTZ } from '../../database/sql';
import { OutboxEvent } from '../../events/entities/outbox-event.entity';
import { MAIL_TEMPLATES, MailTemplate } from '../mail.types';

/**
 * One email sent for one domain event, written right after the SMTP server accepted it: a redelivered
 * event (the outbox delivers at least once) finds its row and sends nothing. No recipient is kept,
 * so erasing a profile leaves nothing here to erase. Goes with its event (ON DELETE CASCADE).
 */
@Entity('mail_deliveries')
@Check('chk_mail_deliveries_template', sqlIn('template', MAIL_TEMPLATES))
export class MailDelivery {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'mail_deliveries_pkey' })
  eventId: string;

  @ManyToOne(() => OutboxEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_mail_deliveries_event' })
  event: OutboxEvent;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'mail_deliveries_pkey' })
  template: MailTemplate;

  /** The Message-ID header it went out with. */
  @Column('text')
  messageId: string;

  @Column({ ...TIMESTAMPTZ, default: () => 'now()' })
  sentAt: Date;
}
