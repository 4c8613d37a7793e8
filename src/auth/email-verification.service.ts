import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { isUniqueViolation } from '../common/database-errors';
import { AppException } from '../common/errors';
import { inTransaction } from '../database/transactions';
import { EventsService } from '../events';
import { emailVerificationRequested } from './account-events';
import {
  accountGone,
  concurrentAccountUpdate,
  emailInUse,
  findAccount,
  invalidCredentials,
} from './account-lookup';
import { AccountTokensService, tokenInvalid } from './account-tokens.service';
import { emailTaken, EMAIL_UNIQUE_INDEX } from './auth.service';
import { AuthUser } from './auth.types';
import { AccountRequestAccepted, AccountUserResponse, ChangeEmailDto } from './dto/account.dto';
import { Profile } from './entities/profile.entity';
import { MailTokenSealer } from './mail-token-sealer';
import { checkPassword } from './password-check';
import { toProfileView } from './profile-view';

export const VERIFICATION_SENT: AccountRequestAccepted = {
  message: 'If the address can receive it, an email is on its way',
};

/**
 * Email verification and email change. Both mail a single-use link (24 h) through
 * `account.email_verification_requested`; POST /auth/verify-email consumes either kind: a
 * verification marks the email verified, a change moves the account to the new (thereby verified)
 * address if nobody took it meanwhile.
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccountTokensService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly sealer: MailTokenSealer,
  ) {}

  /** Mails a verification link to the caller's address (nothing when it is verified already). */
  async request(user: AuthUser, meta: RequestMeta): Promise<AccountRequestAccepted> {
    await inTransaction(this.dataSource, async (tx) => {
      const profile = await findAccount(tx, user.id, true);
      if (!profile) throw accountGone();
      if (profile.emailVerified) {
        await this.audit.record(tx, meta, {
          action: 'account.verification_request',
          entityType: 'profile',
          entityId: profile.id,
          details: { sent: false, reason: 'already_verified' },
        });
        return;
      }
      const issued = await this.tokens.issue(tx, profile.id, 'email_verification');
      await this.events.record(
        tx,
        emailVerificationRequested({
          userId: profile.id,
          email: profile.email,
          purpose: 'verify',
          sealedToken: this.sealer.seal(issued.token),
          expiresAt: issued.expiresAt.toISOString(),
        }),
      );
      await this.audit.record(tx, meta, {
        action: 'account.verification_request',
        entityType: 'profile',
        entityId: profile.id,
        details: { sent: true, email: profile.email, expiresAt: issued.expiresAt.toISOString() },
      });
    });
    return VERIFICATION_SENT;
  }

  /**
   * Starts an email change: needs the current password; the new address gets the link, the account
   * keeps its email until the link is used. A newer request replaces an older one.
   */
  async requestChange(
    user: AuthUser,
    dto: ChangeEmailDto,
    meta: RequestMeta,
  ): Promise<AccountRequestAccepted> {
    const account = await findAccount(this.dataSource.manager, user.id);
    if (!account) throw accountGone();
    if (!(await checkPassword(account.passwordHash, dto.password))) {
      await this.audit.record(this.dataSource.manager, meta, {
        action: 'account.email_change_failed',
        entityType: 'profile',
        entityId: account.id,
        details: { reason: 'wrong_password' },
      });
      throw invalidCredentials();
    }
    if (dto.newEmail === account.email.toLowerCase()) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        'EMAIL_UNCHANGED',
        'This is already the account’s email',
      );
    }
    await inTransaction(this.dataSource, async (tx) => {
      const profile = await findAccount(tx, user.id, true);
      if (!profile) throw accountGone();
      if (profile.passwordHash !== account.passwordHash) throw concurrentAccountUpdate();
      if (await emailInUse(tx, dto.newEmail, profile.id)) throw emailTaken();
      await this.tokens.invalidate(tx, profile.id, ['email_change']);
      const issued = await this.tokens.issue(tx, profile.id, 'email_change', dto.newEmail);
      await this.events.record(
        tx,
        emailVerificationRequested({
          userId: profile.id,
          email: dto.newEmail,
          purpose: 'email_change',
          sealedToken: this.sealer.seal(issued.token),
          expiresAt: issued.expiresAt.toISOString(),
        }),
      );
      await this.audit.record(tx, meta, {
        action: 'account.email_change_request',
        entityType: 'profile',
        entityId: profile.id,
        details: { email: profile.email, newEmail: dto.newEmail, expiresAt: issued.expiresAt.toISOString() },
      });
    });
    return VERIFICATION_SENT;
  }

  /** Consumes a verification or email-change token. */
  async verify(token: string, meta: RequestMeta): Promise<AccountUserResponse> {
    try {
      return await inTransaction(this.dataSource, async (tx) => {
        const claimed = await this.tokens.consume(tx, token, ['email_verification', 'email_change']);
        const profile = await findAccount(tx, claimed.userId, true);
        if (!profile) throw tokenInvalid(); // the account was closed after the mail went out
        const repo = tx.getRepository(Profile);
        if (claimed.purpose === 'email_change' && claimed.newEmail !== null) {
          if (await emailInUse(tx, claimed.newEmail, profile.id)) throw emailTaken();
          await repo.update(profile.id, { email: claimed.newEmail, emailVerified: true });
          // Links to the old address, or to other new ones, must not undo this.
          await this.tokens.invalidate(tx, profile.id, ['email_verification', 'email_change']);
          await this.audit.record(tx, meta, {
            userId: profile.id,
            action: 'account.email_change',
            entityType: 'profile',
            entityId: profile.id,
            details: { email: { before: profile.email, after: claimed.newEmail } },
          });
        } else {
          await repo.update(profile.id, { emailVerified: true });
          await this.tokens.invalidate(tx, profile.id, ['email_verification']);
          await this.audit.record(tx, meta, {
            userId: profile.id,
            action: 'account.email_verified',
            entityType: 'profile',
            entityId: profile.id,
            details: { email: profile.email },
          });
        }
        return { user: toProfileView(await repo.findOneByOrFail({ id: profile.id })) };
      });
    } catch (error) {
      // The new address was registered between our check and the update; the token stays unused.
      if (isUniqueViolation(error, EMAIL_UNIQUE_INDEX)) throw emailTaken();
      throw error;
    }
  }
}
