/** Every email the shop sends, exactly as allowed by `chk_mail_deliveries_template` (migration 0017). */
export const MAIL_TEMPLATES = [
  'email_verification',
  'email_change',
  'password_reset',
  'password_changed',
  'invitation',
  'order_placed',
  'order_paid',
  'order_shipped',
  'order_refunded',
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/** A rendered email: what a template produces, before the sender adds From and Message-ID. */
export interface RenderedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The link the email is about (logged by the file transport, for a developer to click). */
  link?: string;
}

/** A message ready for a transport. */
export interface OutgoingMail extends RenderedMail {
  from: string;
  /** `<event-id.template@domain>`: the same on every retry, so receivers can drop a duplicate. */
  messageId: string;
  template: MailTemplate;
}
