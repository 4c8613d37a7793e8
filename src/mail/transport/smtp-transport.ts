import { Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { OutgoingMail } from '../mail.types';
import { MailTransport, PermanentMailError } from './mail-transport';

/** Below the dispatcher's 30 s handler budget, so a hung server fails the attempt instead of the lease. */
const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 20_000;

/** nodemailer's error for a refused envelope carries the SMTP reply code. */
interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
}

/**
 * SMTP through nodemailer, one connection per message (a few emails per order: a pool would hold
 * idle connections open). Logs the template and Message-ID of each send, never the recipient or the
 * body (the links carry tokens).
 */
export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp';
  private readonly logger = new Logger('Mail');
  private readonly transporter: Transporter;

  constructor(smtpUrl: string) {
    this.transporter = createTransport({
      url: smtpUrl,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: CONNECTION_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      const smtp = error as SmtpError;
      // 5xx to the envelope: the server will never take this recipient. 4xx and connection errors retry.
      if (smtp.code === 'EENVELOPE' && (smtp.responseCode ?? 0) >= 500) {
        throw new PermanentMailError(`SMTP server refused the recipient (${smtp.responseCode})`);
      }
      throw new Error(`SMTP send failed: ${smtp.message}`);
    }
    this.logger.log(`Sent ${mail.template} mail ${mail.messageId}`);
  }

  close(): void {
    this.transporter.close();
  }
}
