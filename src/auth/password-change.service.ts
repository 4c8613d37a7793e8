import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { inTransaction } from '../database/transactions';
import { EventsService } from '../events';
import { passwordChanged } from './account-events';
import { accountGone, concurrentAccountUpdate, findAccount, invalidCredentials } from './account-lookup';
import { AccountTokensService } from './account-tokens.service';
import { AuthUser } from './auth.types';
import { ChangePasswordDto } from './dto/account.dto';
import { Profile } from './entities/profile.entity';
import { checkPassword } from './password-check';
import { hashPassword } from './password-hasher';
import { SessionsService } from './sessions.service';

/**
 * POST /me/password and POST /auth/logout-all: the signed-in user changes the password (with the
 * current one) or ends every session. A password change ends every other session (the caller's stays
 * when it names its refresh token) and every outstanding reset link.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccountTokensService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  async change(user: AuthUser, dto: ChangePasswordDto, meta: RequestMeta): Promise<void> {
    const account = await findAccount(this.dataSource.manager, user.id);
    if (!account) throw accountGone();
    if (!(await checkPassword(account.passwordHash, dto.currentPassword))) {
      await this.audit.record(this.dataSource.manager, meta, {
        action: 'account.password_change_failed',
        entityType: 'profile',
        entityId: account.id,
        details: { reason: account.passwordHash ? 'wrong_password' : 'no_password' },
      });
      throw invalidCredentials();
    }
    const passwordHash = await hashPassword(dto.newPassword);
    await inTransaction(this.dataSource, async (tx) => {
      const profile = await findAccount(tx, user.id, true);
      if (!profile) throw accountGone();
      if (profile.passwordHash !== account.passwordHash) throw concurrentAccountUpdate();
      await tx.getRepository(Profile).update(profile.id, { passwordHash });
      const keep =
        dto.refreshToken !== undefined
          ? await this.sessions.familyOf(tx, profile.id, dto.refreshToken)
          : undefined;
      const revoked = await this.sessions.revokeAllOf(tx, profile.id, keep);
      await this.tokens.invalidate(tx, profile.id, ['password_reset']);
      await this.audit.record(tx, meta, {
        action: 'account.password_change',
        entityType: 'profile',
        entityId: profile.id,
        details: { revokedSessions: revoked, keptSession: keep !== undefined },
      });
      await this.events.record(tx, passwordChanged({ userId: profile.id, email: profile.email }));
    });
  }

  /** Revokes every refresh token of the caller (every device). Idempotent. */
  async logoutAll(user: AuthUser, meta: RequestMeta): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const revoked = await this.sessions.revokeAllOf(tx, user.id);
      await this.audit.record(tx, meta, {
        action: 'auth.logout_all',
        entityType: 'profile',
        entityId: user.id,
        details: { revokedSessions: revoked },
      });
    });
  }
}
