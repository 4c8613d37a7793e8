import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { inTransaction } from '../database/transactions';
import { EventsService } from '../events';
import { passwordChanged, passwordResetRequested } from './account-events';
import { findAccount, findAccountByEmail } from './account-lookup';
import { AccountTokensService, tokenInvalid } from './account-tokens.service';
import { AccountRequestAccepted, ResetPasswordDto } from './dto/account.dto';
import { AuthSession } from './dto/auth.dto';
import { Profile } from './entities/profile.entity';
import { MailTokenSealer } from './mail-token-sealer';
import { hashPassword } from './password-hasher';
import { SessionsService } from './sessions.service';

/**
 * The least time POST /auth/password/forgot takes, whatever the email. Both paths do the same work (a
 * lookup, one transaction with an audit row); the known one also writes a token and an event, a few
 * milliseconds that this floor hides. No password hash on either path: nothing needs one, and 64 MiB
 * of argon2 per anonymous request would be a cheap way to load the server (and, under load, its
 * variance would drown the floor).
 */
export const FORGOT_MIN_DURATION_MS = 250;

export const RESET_SENT: AccountRequestAccepted = {
  message: 'If an account exists for this email, a reset link is on its way',
};

/**
 * Forgot / reset password. Forgot never tells whether the account exists (same status, body and time);
 * a reset link is valid 30 minutes, once. Resetting sets the password (also for accounts imported
 * without one), marks the email verified (the link reached it), ends every other session and every
 * other outstanding reset link, and logs in.
 */
@Injectable()
export class PasswordRecoveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccountTokensService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly sealer: MailTokenSealer,
  ) {}

  async forgot(email: string, meta: RequestMeta): Promise<AccountRequestAccepted> {
    const floor = sleep(FORGOT_MIN_DURATION_MS);
    await Promise.all([floor, this.requestReset(email, meta)]);
    return RESET_SENT;
  }

  async reset(dto: ResetPasswordDto, meta: RequestMeta): Promise<AuthSession> {
    // A bogus token is refused before any argon2 work.
    await this.tokens.assertUsable(this.dataSource.manager, dto.token, ['password_reset']);
    const passwordHash = await hashPassword(dto.password);
    return inTransaction(this.dataSource, async (tx) => {
      const claimed = await this.tokens.consume(tx, dto.token, ['password_reset']);
      const profile = await findAccount(tx, claimed.userId, true);
      if (!profile) throw tokenInvalid(); // the account was closed after the mail went out
      const repo = tx.getRepository(Profile);
      await repo.update(profile.id, { passwordHash, emailVerified: true });
      const revoked = await this.sessions.revokeAllOf(tx, profile.id);
      await this.tokens.invalidate(tx, profile.id, ['password_reset']);
      await this.audit.record(tx, meta, {
        userId: profile.id,
        action: 'account.password_reset',
        entityType: 'profile',
        entityId: profile.id,
        details: { revokedSessions: revoked, legacyAccount: profile.passwordHash === null },
      });
      await this.events.record(tx, passwordChanged({ userId: profile.id, email: profile.email }));
      return this.sessions.open(tx, await repo.findOneByOrFail({ id: profile.id }));
    });
  }

  /** The work of a forgot request; the same shape whether or not the email has an account. */
  private async requestReset(email: string, meta: RequestMeta): Promise<void> {
    const profile = await findAccountByEmail(this.dataSource.manager, email);
    await inTransaction(this.dataSource, async (tx) => {
      if (!profile) {
        await this.audit.record(tx, meta, {
          userId: null,
          action: 'account.password_reset_request',
          entityType: 'profile',
          entityId: null,
          details: { email, sent: false },
        });
        return;
      }
      const issued = await this.tokens.issue(tx, profile.id, 'password_reset');
      await this.events.record(
        tx,
        passwordResetRequested({
          userId: profile.id,
          email: profile.email,
          sealedToken: this.sealer.seal(issued.token),
          expiresAt: issued.expiresAt.toISOString(),
        }),
      );
      await this.audit.record(tx, meta, {
        userId: profile.id,
        action: 'account.password_reset_request',
        entityType: 'profile',
        entityId: profile.id,
        details: { email, sent: true, expiresAt: issued.expiresAt.toISOString() },
      });
    });
  }
}
