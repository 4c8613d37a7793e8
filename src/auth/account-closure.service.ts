import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { inTransaction } from '../database/transactions';
import { accountGone, concurrentAccountUpdate, findAccount, invalidCredentials } from './account-lookup';
import { ACCOUNT_TOKEN_PURPOSES } from './account-token.types';
import { AccountTokensService } from './account-tokens.service';
import { AuthUser } from './auth.types';
import { Profile } from './entities/profile.entity';
import { checkPassword } from './password-check';
import { SessionsService } from './sessions.service';

/**
 * Erases what another module holds about the user, in the closure's transaction; returns how many
 * rows it anonymised (for the audit). Customers passes its addresses' (auth cannot import customers).
 */
export type ErasePersonalData = (tx: EntityManager, userId: string) => Promise<number>;

/** The address a closed account gets: unique (its id), never deliverable (RFC 2606 `.invalid`). */
export function closedAccountEmail(profileId: string): string {
  return `closed-${profileId}@deleted.invalid`;
}

/**
 * DELETE /me: with the current password, the account is closed for good. The row stays (orders point
 * at it) but loses everything personal: email (freed for a new registration), name, phone, password
 * (login impossible), role (customer), addresses; sessions and outstanding links end, and access
 * tokens stop working at once (`deleted_at`, checked by AccessTokenVerifier).
 */
@Injectable()
export class AccountClosureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccountTokensService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async close(user: AuthUser, password: string, meta: RequestMeta, erase: ErasePersonalData): Promise<void> {
    const account = await findAccount(this.dataSource.manager, user.id);
    if (!account) throw accountGone();
    if (!(await checkPassword(account.passwordHash, password))) {
      await this.audit.record(this.dataSource.manager, meta, {
        action: 'account.delete_failed',
        entityType: 'profile',
        entityId: account.id,
        details: { reason: account.passwordHash ? 'wrong_password' : 'no_password' },
      });
      throw invalidCredentials();
    }
    await inTransaction(this.dataSource, async (tx) => {
      const profile = await findAccount(tx, user.id, true);
      if (!profile) throw accountGone();
      if (profile.passwordHash !== account.passwordHash) throw concurrentAccountUpdate();
      await tx.getRepository(Profile).update(profile.id, {
        email: closedAccountEmail(profile.id),
        fullName: null,
        phone: null,
        passwordHash: null,
        role: 'customer',
        emailVerified: false,
        deletedAt: () => 'now()',
      });
      const revoked = await this.sessions.revokeAllOf(tx, profile.id);
      await this.tokens.invalidate(tx, profile.id, ACCOUNT_TOKEN_PURPOSES);
      const addresses = await erase(tx, profile.id);
      // No email or name here: the audit row must not undo the anonymisation.
      await this.audit.record(tx, meta, {
        action: 'account.delete',
        entityType: 'profile',
        entityId: profile.id,
        details: { revokedSessions: revoked, anonymisedAddresses: addresses, role: profile.role },
      });
    });
  }
}
