import { DomainEvent } from '../events/domain-event';

/*
 * The account and invitation events (all internal: never offered to webhooks, see INTERNAL_EVENT_TYPES).
 * They carry the token a mail must contain, sealed (sealed-secret.ts, key 'mail-token'): the outbox row
 * is no usable token at rest, and only the mail module opens it.
 */

export interface EmailVerificationRequestedData {
  userId: string;
  /** The address to verify: the new one for an email change. */
  email: string;
  purpose: 'verify' | 'email_change';
  sealedToken: string;
  expiresAt: string;
}

export interface PasswordResetRequestedData {
  userId: string;
  email: string;
  sealedToken: string;
  expiresAt: string;
}

export interface PasswordChangedData {
  userId: string;
  email: string;
}

export interface InvitationCreatedData {
  invitationId: string;
  email: string;
  sealedToken: string;
  expiresAt: string;
}

export interface InvitationAcceptedData {
  invitationId: string;
  profileId: string;
  email: string;
}

declare module '../events/catalogue' {
  interface DomainEventCatalogue {
    'account.email_verification_requested': EmailVerificationRequestedData;
    'account.password_reset_requested': PasswordResetRequestedData;
    'account.password_changed': PasswordChangedData;
    'admin.invitation_created': InvitationCreatedData;
    'admin.invitation_accepted': InvitationAcceptedData;
  }
}

/** Account events belong to no store. */
export const emailVerificationRequested = (
  data: EmailVerificationRequestedData,
): DomainEvent<'account.email_verification_requested', EmailVerificationRequestedData> =>
  new DomainEvent('account.email_verification_requested', null, data);

export const passwordResetRequested = (
  data: PasswordResetRequestedData,
): DomainEvent<'account.password_reset_requested', PasswordResetRequestedData> =>
  new DomainEvent('account.password_reset_requested', null, data);

export const passwordChanged = (
  data: PasswordChangedData,
): DomainEvent<'account.password_changed', PasswordChangedData> =>
  new DomainEvent('account.password_changed', null, data);

export const invitationCreated = (
  data: InvitationCreatedData,
): DomainEvent<'admin.invitation_created', InvitationCreatedData> =>
  new DomainEvent('admin.invitation_created', null, data);

export const invitationAccepted = (
  data: InvitationAcceptedData,
): DomainEvent<'admin.invitation_accepted', InvitationAcceptedData> =>
  new DomainEvent('admin.invitation_accepted', null, data);
