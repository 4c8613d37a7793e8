import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { mailSends } from '../metrics/domain-metrics';
import { MailDeliveries } from './mail-deliveries.service';
import { MailTemplate, RenderedMail } from './mail.types';
import { MAIL_TRANSPORT, MailTransport, PermanentMailError } from './transport/mail-transport';

/** The event a mail is for: its id makes the Message-ID and the once-only key. */
interface EventIdentity {
  id: string;
  type: string;
}

/**
 * Sends one email per (event, template), from an after-commit subscriber (never inside a
 * transaction): skips what mail_deliveries says was sent, renders, sends, then records it. A send
 * that fails throws, so the outbox retries the event with backoff. The window left: a crash (or a
 * failed record) between the server's acceptance and the record sends the email again on the retry,
 * with the same Message-ID, which receivers can use to drop it.
 */
@Injectable()
export class MailSender {
  private readonly logger = new Logger('Mail');
  private readonly messageIdDomain: string;

  constructor(
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly deliveries: MailDeliveries,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {
    this.messageIdDomain = domainOf(config.mail.from);
  }

  /** `render` answers null when there is nothing to send (no recipient, an expired token, …). */
  async sendOnce(
    event: EventIdentity,
    template: MailTemplate,
    render: () => Promise<RenderedMail | null>,
  ): Promise<void> {
    if (await this.deliveries.wasSent(event.id, template)) return;
    const rendered = await render();
    if (!rendered) return;
    const messageId = `<${event.id}.${template}@${this.messageIdDomain}>`;
    try {
      await this.transport.send({ ...rendered, from: this.config.mail.from, messageId, template });
    } catch (error) {
      mailSends.inc({ template, outcome: error instanceof PermanentMailError ? 'refused' : 'failed' });
      if (!(error instanceof PermanentMailError)) throw error;
      this.logger.warn(`Not sending ${template} mail for ${event.type} ${event.id}: ${error.message}`);
      return;
    }
    mailSends.inc({ template, outcome: 'sent' });
    await this.deliveries.recordSent(event.id, template, messageId);
  }
}

/** The domain of MAIL_FROM's address (`Shop <shop@example.com>` → example.com). */
export function domainOf(from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf('@') + 1).trim() || 'localhost';
}
