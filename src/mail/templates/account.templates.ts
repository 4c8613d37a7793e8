import { RenderedMail } from '../mail.types';
import { formatUtc, renderBody } from './layout';

/** A mail carrying a one-time link: to whom, the link, and when the token in it expires. */
export interface TokenMailInput {
  to: string;
  link: string;
  expiresAt: string;
}

export function emailVerificationMail({ to, link, expiresAt }: TokenMailInput): RenderedMail {
  const subject = 'Confirm your email address';
  return {
    to,
    subject,
    link,
    ...renderBody(subject, [
      { kind: 'paragraph', text: `Please confirm that ${to} is your email address.` },
      { kind: 'link', label: 'Confirm my email address', url: link },
      { kind: 'paragraph', text: `The link works once, until ${formatUtc(expiresAt)}.` },
      { kind: 'paragraph', text: 'If you did not ask for this, you can ignore this email.' },
    ]),
  };
}

export function emailChangeMail({ to, link, expiresAt }: TokenMailInput): RenderedMail {
  const subject = 'Confirm your new email address';
  return {
    to,
    subject,
    link,
    ...renderBody(subject, [
      {
        kind: 'paragraph',
        text: `Someone asked to change the email address of an account to ${to}. Your account keeps its old address until you confirm.`,
      },
      { kind: 'link', label: 'Confirm my new email address', url: link },
      { kind: 'paragraph', text: `The link works once, until ${formatUtc(expiresAt)}.` },
      { kind: 'paragraph', text: 'If you did not ask for this, ignore this email: nothing changes.' },
    ]),
  };
}

export function passwordResetMail({ to, link, expiresAt }: TokenMailInput): RenderedMail {
  const subject = 'Reset your password';
  return {
    to,
    subject,
    link,
    ...renderBody(subject, [
      { kind: 'paragraph', text: `Someone asked to reset the password of the account ${to}.` },
      { kind: 'link', label: 'Choose a new password', url: link },
      {
        kind: 'paragraph',
        text: `The link works once, until ${formatUtc(expiresAt)}. Setting a new password signs out every other session.`,
      },
      {
        kind: 'paragraph',
        text: 'If you did not ask for this, ignore this email: your password stays as it is.',
      },
    ]),
  };
}

export function passwordChangedMail({ to }: { to: string }): RenderedMail {
  const subject = 'Your password was changed';
  return {
    to,
    subject,
    ...renderBody(subject, [
      { kind: 'paragraph', text: `The password of the account ${to} was just changed.` },
      {
        kind: 'paragraph',
        text: 'If that was not you, reset your password now with "Forgot password" and contact us.',
      },
    ]),
  };
}

export function invitationMail({ to, link, expiresAt }: TokenMailInput): RenderedMail {
  const subject = 'You are invited to manage the shop';
  return {
    to,
    subject,
    link,
    ...renderBody(subject, [
      { kind: 'paragraph', text: `You (${to}) have been invited to become an administrator of the shop.` },
      { kind: 'link', label: 'Accept the invitation', url: link },
      {
        kind: 'paragraph',
        text: `The invitation works once, until ${formatUtc(expiresAt)}. If you already have an account with this address, you will be asked for its password.`,
      },
    ]),
  };
}
