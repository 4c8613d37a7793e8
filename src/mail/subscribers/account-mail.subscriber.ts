import { Injectable, Logger } from '@nestjs/common';
import type { EmailVerificationRequestedData } from '../../auth/account-events';
import { AppConfig } from '../../config/app-config';
import { InjectAppConfig } from '../../config/app-config.module';
import { EventOf, OnDomainEvent } from '../../events';
import { MailSender } from '../mail-sender.service';
import { MailTokens } from '../mail-tokens';
import { MailTemplate, RenderedMail } from '../mail.types';
import {
  emailChangeMail,
  emailVerificationMail,
  invitationMail,
  passwordChangedMail,
  passwordResetMail,
  TokenMailInput,
} from '../templates/account.templates';
import { ACCOUNT_LINK_PATHS, AccountLinkPath, tokenLink } from '../templates/links';

interface TokenEventData {
  email: string;
  sealedToken: string;
  expiresAt: string;
}

/**
 * The account emails, from the account events after their commit. Each carries its token sealed
 * (src/common/crypto/sealed-secret.ts): opened here, put in the link, and nowhere else. A token that
 * cannot be opened (JWT_SECRET rotated since) or has expired is not mailed: its link could not work.
 *
 * The names are the subscribers' delivery keys: keep them when renaming the methods.
 */
@Injectable()
export class AccountMailSubscriber {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly sender: MailSender,
    private readonly tokens: MailTokens,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  @OnDomainEvent('account.email_verification_requested', { name: 'mail.email-verification' })
  async onEmailVerificationRequested(event: EventOf<'account.email_verification_requested'>): Promise<void> {
    const data: EmailVerificationRequestedData = event.data;
    const change = data.purpose === 'email_change';
    await this.sendTokenMail(
      event,
      change ? 'email_change' : 'email_verification',
      ACCOUNT_LINK_PATHS.verifyEmail,
      change ? emailChangeMail : emailVerificationMail,
    );
  }

  @OnDomainEvent('account.password_reset_requested', { name: 'mail.password-reset' })
  async onPasswordResetRequested(event: EventOf<'account.password_reset_requested'>): Promise<void> {
    await this.sendTokenMail(event, 'password_reset', ACCOUNT_LINK_PATHS.resetPassword, passwordResetMail);
  }

  @OnDomainEvent('admin.invitation_created', { name: 'mail.invitation' })
  async onInvitationCreated(event: EventOf<'admin.invitation_created'>): Promise<void> {
    await this.sendTokenMail(event, 'invitation', ACCOUNT_LINK_PATHS.acceptInvitation, invitationMail);
  }

  @OnDomainEvent('account.password_changed', { name: 'mail.password-changed' })
  async onPasswordChanged(event: EventOf<'account.password_changed'>): Promise<void> {
    await this.sender.sendOnce(event, 'password_changed', async () =>
      passwordChangedMail({ to: event.data.email }),
    );
  }

  private async sendTokenMail(
    event: { id: string; type: string; data: TokenEventData },
    template: MailTemplate,
    path: AccountLinkPath,
    render: (input: TokenMailInput) => RenderedMail,
  ): Promise<void> {
    await this.sender.sendOnce(event, template, async () => {
      const { email, sealedToken, expiresAt } = event.data;
      if (Date.parse(expiresAt) <= Date.now()) {
        this.logger.warn(`Not sending ${template} mail for ${event.type} ${event.id}: its token has expired`);
        return null;
      }
      const token = this.tokens.open(sealedToken);
      if (token === null) {
        this.logger.error(
          `Not sending ${template} mail for ${event.type} ${event.id}: its token does not open with this JWT_SECRET`,
        );
        return null;
      }
      return render({ to: email, link: tokenLink(this.config.mail.storefrontUrl, path, token), expiresAt });
    });
  }
}
