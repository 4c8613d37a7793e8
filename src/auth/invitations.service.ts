import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { isUniqueViolation } from '../common/database-errors';
import { AppException } from '../common/errors';
import { inTransaction } from '../database/transactions';
import { EventsService } from '../events';
import { invitationAccepted, invitationCreated } from './account-events';
import { ADMIN_ROLES, AuthUser, ProfileRole } from './auth.types';
import { EMAIL_UNIQUE_INDEX } from './auth.service';
import { AcceptInvitationDto, AuthSession, CreateInvitationDto, InvitationCreated } from './dto/auth.dto';
import { AdminInvitation } from './entities/admin-invitation.entity';
import { Profile } from './entities/profile.entity';
import { MailTokenSealer } from './mail-token-sealer';
import { checkPassword } from './password-check';
import { hashPassword } from './password-hasher';
import { SessionsService } from './sessions.service';
import { generateOpaqueToken, hashToken, normalizeEmail } from './tokens';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Admin invitations: a super admin invites an email; whoever holds the token (shown once, stored as a
 * SHA-256 hash, and mailed through `admin.invitation_created`) becomes an admin, once, within 7 days;
 * for an email that already has an account, only with that account's password. An unknown token is 404 INVITATION_NOT_FOUND;
 * a used one 410 INVITATION_USED, an expired one 410 INVITATION_EXPIRED.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly sealer: MailTokenSealer,
  ) {}

  async create(dto: CreateInvitationDto, actor: AuthUser, meta: RequestMeta): Promise<InvitationCreated> {
    return inTransaction(this.dataSource, (tx) => this.createIn(tx, dto, actor, meta));
  }

  /** `create` in the caller's transaction (store staff invites to a store and records the store with it). */
  async createIn(
    tx: EntityManager,
    dto: CreateInvitationDto,
    actor: AuthUser,
    meta: RequestMeta,
  ): Promise<InvitationCreated> {
    const existing = await findProfileByEmail(tx, dto.email);
    // Also protects super admins: accepting an invitation must never turn one into a plain admin.
    if (existing && ADMIN_ROLES.includes(existing.role)) {
      throw new AppException(HttpStatus.CONFLICT, 'ALREADY_ADMIN', 'This email already belongs to an admin');
    }
    const token = generateOpaqueToken();
    const repo = tx.getRepository(AdminInvitation);
    const invitation = await repo.save(
      repo.create({
        email: dto.email,
        tokenHash: hashToken(token),
        createdById: actor.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        usedAt: null,
      }),
    );
    await this.audit.record(tx, meta, {
      action: 'invitation.create',
      entityType: 'admin_invitation',
      entityId: invitation.id,
      details: { email: invitation.email, expiresAt: invitation.expiresAt.toISOString() },
    });
    await this.events.record(
      tx,
      invitationCreated({
        invitationId: invitation.id,
        email: invitation.email,
        sealedToken: this.sealer.seal(token),
        expiresAt: invitation.expiresAt.toISOString(),
      }),
    );
    return {
      id: invitation.id,
      email: invitation.email,
      token,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Creates the admin, or promotes the existing profile with the invited email. Promoting needs that
   * account's own current password (holding the token is not enough: the inviter saw it) and never
   * changes the password; the account's other sessions end, as they were opened with less privilege.
   * The token is claimed with one conditional UPDATE, so of two concurrent accepts exactly one succeeds.
   * `admin.invitation_accepted` is recorded in the same transaction (store memberships hang on it).
   */
  async accept(dto: AcceptInvitationDto, meta: RequestMeta): Promise<AuthSession> {
    const tokenHash = hashToken(dto.token);
    // Checked before any argon2 work, so a bogus token costs nothing.
    const { email } = await this.assertUsable(this.dataSource.manager, tokenHash);
    const existing = await findProfileByEmail(this.dataSource.manager, email);
    let newPasswordHash: string | null = null;
    if (existing) {
      if (!(await checkPassword(existing.passwordHash, dto.password))) {
        await this.audit.record(this.dataSource.manager, meta, {
          userId: existing.id,
          action: 'invitation.accept_failed',
          entityType: 'profile',
          entityId: existing.id,
          details: { email, reason: existing.passwordHash ? 'wrong_password' : 'no_password' },
        });
        throw invalidCredentials();
      }
    } else {
      newPasswordHash = await hashPassword(dto.password);
    }
    try {
      return await inTransaction(this.dataSource, async (tx) => {
        const [claimed] = await tx.query<[Array<{ id: string; email: string }>, number]>(
          `UPDATE admin_invitations SET used_at = now()
            WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
            RETURNING id, email`,
          [tokenHash],
        );
        if (claimed.length === 0) {
          await this.assertUsable(tx, tokenHash); // lost a race or expired meanwhile: throws the reason
          throw invitationUsed();
        }
        const invitation = claimed[0];
        const repo = tx.getRepository(Profile);
        const current = await findProfileByEmail(tx, invitation.email, true);
        // The account must be the one whose password was checked above, unchanged since.
        const unchanged = existing
          ? current?.id === existing.id && current.passwordHash === existing.passwordHash
          : current === null;
        if (!unchanged) throw concurrentUpdate(); // rolls the claim back: the invitation stays usable
        let profile: Profile;
        if (!current) {
          profile = await repo.save(
            repo.create({
              email: normalizeEmail(invitation.email),
              passwordHash: newPasswordHash,
              fullName: dto.fullName ?? null,
              role: 'admin',
              // Holding the token proves the email reached its owner.
              emailVerified: true,
            }),
          );
        } else {
          const role: ProfileRole = current.role === 'super_admin' ? 'super_admin' : 'admin';
          await repo.update(current.id, {
            role,
            emailVerified: true,
            ...(dto.fullName !== undefined ? { fullName: dto.fullName } : {}),
          });
          await this.sessions.revokeAllOf(tx, current.id);
          if (role !== current.role) {
            await this.audit.record(tx, meta, {
              userId: current.id,
              action: 'profile.role_change',
              entityType: 'profile',
              entityId: current.id,
              details: { role: { before: current.role, after: role }, via: 'invitation' },
            });
          }
          profile = await repo.findOneByOrFail({ id: current.id });
        }
        await this.audit.record(tx, meta, {
          userId: profile.id,
          action: 'invitation.accept',
          entityType: 'admin_invitation',
          entityId: invitation.id,
          details: { email: profile.email, profileId: profile.id, created: !current },
        });
        await this.events.record(
          tx,
          invitationAccepted({ invitationId: invitation.id, profileId: profile.id, email: profile.email }),
        );
        return this.sessions.open(tx, profile);
      });
    } catch (error) {
      // Someone registered this email between our lookup and insert; the invitation is still unused.
      if (isUniqueViolation(error, EMAIL_UNIQUE_INDEX)) throw concurrentUpdate();
      throw error;
    }
  }

  /** Throws the reason an invitation token cannot be used (404 unknown, 410 used or expired). */
  private async assertUsable(manager: EntityManager, tokenHash: string): Promise<{ email: string }> {
    // Expiry by the database's clock, the same one the claiming UPDATE uses.
    const [invitation] = await manager.query<Array<{ email: string; used: boolean; expired: boolean }>>(
      `SELECT email, used_at IS NOT NULL AS used, expires_at <= now() AS expired
         FROM admin_invitations WHERE token_hash = $1`,
      [tokenHash],
    );
    if (!invitation) {
      throw new AppException(HttpStatus.NOT_FOUND, 'INVITATION_NOT_FOUND', 'No invitation with this token');
    }
    if (invitation.used) throw invitationUsed();
    if (invitation.expired) {
      throw new AppException(HttpStatus.GONE, 'INVITATION_EXPIRED', 'This invitation has expired');
    }
    return { email: invitation.email };
  }
}

function invalidCredentials(): AppException {
  return new AppException(
    HttpStatus.UNAUTHORIZED,
    'INVALID_CREDENTIALS',
    'This email has an account: give its current password to accept the invitation',
  );
}

function concurrentUpdate(): AppException {
  return new AppException(
    HttpStatus.CONFLICT,
    'CONCURRENT_UPDATE',
    'The account changed while the invitation was being accepted; retry',
  );
}

function invitationUsed(): AppException {
  return new AppException(HttpStatus.GONE, 'INVITATION_USED', 'This invitation has already been used');
}

/** Case-insensitive, with the password hash; `lock` takes the row for the rest of the transaction. */
function findProfileByEmail(manager: EntityManager, email: string, lock = false): Promise<Profile | null> {
  const query = manager
    .getRepository(Profile)
    .createQueryBuilder('p')
    .addSelect('p.passwordHash')
    .where('lower(p.email) = lower(:email)', { email });
  if (lock) query.setLock('pessimistic_write');
  return query.getOne();
}
