import { OutgoingMail } from '../mail.types';

/**
 * Where emails go: SMTP when SMTP_URL is set, else .eml files under DATA_DIR/mail/. `send` resolves
 * once the message is accepted (by the SMTP server, or written to disk) and throws otherwise: the
 * outbox then retries the event later.
 */
export interface MailTransport {
  readonly kind: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** A refusal that no retry will change (the server rejected the recipient): logged, not retried. */
export class PermanentMailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentMailError';
  }
}
