import { PreparedSqlStatement } from '../common/sql-statement';
import { MailTemplate } from './mail.types';

/**
 * The statements of MailDeliveries, prepared: they run for every email of every order, and planning
 * them under the table's row-level security cost more than running them.
 */
export function mailWasSentStatement(eventId: string, template: MailTemplate): PreparedSqlStatement {
  return {
    name: 'mail_was_sent',
    text: `SELECT 1 FROM mail_deliveries WHERE event_id = $1 AND template = $2`,
    values: [eventId, template],
  };
}

export function recordMailSentStatement(
  eventId: string,
  template: MailTemplate,
  messageId: string,
): PreparedSqlStatement {
  return {
    name: 'mail_record_sent',
    text: `INSERT INTO mail_deliveries (event_id, template, message_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    values: [eventId, template, messageId],
  };
}
