import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { isUniqueViolation } from '../common/database-errors';
import { AppException } from '../common/errors';
import { inTransaction } from '../database/transactions';
import { ADMIN_ROLES, AuthUser, ProfileRole } from './auth.types';
import { EMAIL_UNIQUE_INDEX } from './auth.service';
import { AcceptInvitationDto, AuthSession, CreateInvitationDto, InvitationCreated } from './dto/auth.dto';
import { AdminInvitation } from './entities/admin-invitation.entity';
import { Profile } from './entities/profile.entity';
import { hashPassword } from './password-hasher';
import { SessionsService } from './sessions.service';
import { generateOpaqueToken, hashToken } from './tokens';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Admin invitations: a super admin invites an email; whoever holds the token (shown once, stored as a
 * SHA-256 hash) becomes an admin, once, within 7 days. An unknown token is 404 INVITATION_NOT_FOUND;
 * a used one 410 INVITATION_USED, an expired one 410 INVITATION_EXPIRED.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateInvitationDto, actor: AuthUser, meta: RequestMeta): Promise<InvitationCreated> {
    return inTransaction(this.dataSource, async (tx) => {
      const existing = await findProfileByEmail(tx, dto.email);
      // Also protects super admins: accepting an invitation must never turn one into a plain admin.
      if (existing && ADMIN_ROLES.includes(existing.role)) {
        throw new AppException(
          HttpStatus.CONFLICT,
          'ALREADY_ADMIN',
          'This email already belongs to an admin',
        );
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
      return {
        id: invitation.id,
        email: invitation.email,
        token,
        expiresAt: invitation.expiresAt.toISOString(),
      };
    });
  }

  /**
   * Creates the admin, or promotes the existing profile with the invited email (its password is set to
   * the one given, and its other sessions end). The token is claimed with one conditional UPDATE, so of
   * two concurrent accepts exactly one succeeds.
   */
  async accept(dto: AcceptInvitationDto, meta: RequestMeta): Promise<AuthSession> {
    const tokenHash = hashToken(dto.token);
    // Checked before hashing the password, so a bogus token costs no argon2 work.
    await this.assertUsable(this.dataSource.manager, tokenHash);
    const passwordHash = await hashPassword(dto.password);
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
        const existing = await findProfileByEmail(tx, invitation.email, true);
        let profile: Profile;
        if (!existing) {
          profile = await repo.save(
            repo.create({
              email: invitation.email.trim().toLowerCase(),
              passwordHash,
              fullName: dto.fullName ?? null,
              role: 'admin',
              // Holding the token proves the email reached its owner.
              emailVerified: true,
            }),
          );
        } else {
          const role: ProfileRole = existing.role === 'super_admin' ? 'super_admin' : 'admin';
          await repo.update(existing.id, {
            role,
            passwordHash,
            emailVerified: true,
            ...(dto.fullName !== undefined ? { fullName: dto.fullName } : {}),
          });
          await this.sessions.revokeAllOf(tx, existing.id);
          if (role !== existing.role) {
            await this.audit.record(tx, meta, {
              userId: existing.id,
              action: 'profile.role_change',
              entityType: 'profile',
              entityId: existing.id,
              details: { role: { before: existing.role, after: role }, via: 'invitation' },
            });
          }
          profile = await repo.findOneByOrFail({ id: existing.id });
        }
        await this.audit.record(tx, meta, {
          userId: profile.id,
          action: 'invitation.accept',
          entityType: 'admin_invitation',
          entityId: invitation.id,
          details: { email: profile.email, profileId: profile.id, created: !existing },
        });
        return this.sessions.open(tx, profile);
      });
    } catch (error) {
      // Someone registered this email between our lookup and insert; the invitation is still unused.
      if (isUniqueViolation(error, EMAIL_UNIQUE_INDEX)) {
        throw new AppException(
          HttpStatus.CONFLICT,
          'CONCURRENT_UPDATE',
          'The account changed while the invitation was being accepted; retry',
        );
      }
      throw error;
    }
  }

  /** Throws the reason an invitation token cannot be used (404 unknown, 410 used or expired). */
  private async assertUsable(manager: EntityManager, tokenHash: string): Promise<void> {
    // Expiry by the database's clock, the same one the claiming UPDATE uses.
    const [invitation] = await manager.query<Array<{ used: boolean; expired: boolean }>>(
      `SELECT used_at IS NOT NULL AS used, expires_at <= now() AS expired
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
  }
}

function invitationUsed(): AppException {
  return new AppException(HttpStatus.GONE, 'INVITATION_USED', 'This invitation has already been used');
}

/** Case-insensitive; `lock` takes the row for the rest of the transaction. */
function findProfileByEmail(manager: EntityManager, email: string, lock = false): Promise<Profile | null> {
  const query = manager
    .getRepository(Profile)
    .createQueryBuilder('p')
    .where('lower(p.email) = lower(:email)', { email });
  if (lock) query.setLock('pessimistic_write');
  return query.getOne();
}
