import { MigrationInterface, QueryRunner } from 'typeorm';
import { withLockTimeout } from './support';

/**
 * 0017 — the mail module (src/mail): `mail_deliveries`, one row per email sent for a domain event,
 * keyed by (event_id, template) and written after the SMTP server accepted the message, so that a
 * redelivered event sends nothing again. The template is pinned by a CHECK to the TypeScript union
 * (src/mail/mail.types.ts); no recipient column (nothing to erase when a profile is anonymised).
 *
 * A new table only. Its foreign key to `outbox_events` (ON DELETE CASCADE: the row goes with its event)
 * takes SHARE ROW EXCLUSIVE on outbox_events for the CREATE TABLE: milliseconds during which
 * transactions recording events wait; lock_timeout bounds the wait for the lock.
 */
export class Mail1000000000017 implements MigrationInterface {
  name = 'Mail1000000000017';

  public async up(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`
        CREATE TABLE mail_deliveries (
          event_id UUID NOT NULL,
          template TEXT NOT NULL,
          message_id TEXT NOT NULL,
          sent_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          CONSTRAINT mail_deliveries_pkey PRIMARY KEY (event_id, template),
          CONSTRAINT fk_mail_deliveries_event FOREIGN KEY (event_id) REFERENCES outbox_events (id) ON DELETE CASCADE,
          CONSTRAINT chk_mail_deliveries_template CHECK (template IN (
            'email_verification', 'email_change', 'password_reset', 'password_changed', 'invitation',
            'order_placed', 'order_paid', 'order_shipped', 'order_refunded'))
        )`);
    });
  }

  public async down(q: QueryRunner): Promise<void> {
    await withLockTimeout(q, async () => {
      await q.query(`DROP TABLE IF EXISTS mail_deliveries`);
    });
  }
}
