import { HttpStatus, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { isUniqueViolation } from '../common/database-errors';
import { AppException } from '../common/errors';
import { inTransaction } from '../database/transactions';
import { CustomerRegistered, CustomerSignedIn, EventsService } from '../events';
import { AuthUser } from './auth.types';
import { AuthSession, LoginDto, LogoutDto, RegisterDto } from './dto/auth.dto';
import { Profile } from './entities/profile.entity';
import { hashPassword, verifyPassword } from './password-hasher';
import { SessionsService } from './sessions.service';

/** The unique index behind "one account per email, case-insensitively". */
export const EMAIL_UNIQUE_INDEX = 'uq_profiles_email_lower';

export function emailTaken(): AppException {
  return new AppException(HttpStatus.CONFLICT, 'EMAIL_TAKEN', 'An account with this email already exists');
}

/** Longest X-Cart-Session value passed on in `customer.signed_in`; anything longer is not a session id. */
const MAX_CART_SESSION_LENGTH = 200;

/**
 * Register, login, refresh, logout. Every outcome that changes something is audited in its transaction.
 * A register or login with a guest cart (X-Cart-Session) records `customer.signed_in` in its
 * transaction; the cart module's in-transaction subscriber merges the cart there (auth knows no carts).
 */
@Injectable()
export class AuthService {
  /** Verified when the email is unknown, so that both kinds of failure take as long (no user enumeration by timing). */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  async register(dto: RegisterDto, meta: RequestMeta, cartSession?: string): Promise<AuthSession> {
    // Cheap early answer before spending an argon2 hash; the unique index still decides races below.
    if (await this.findByEmail(dto.email)) throw emailTaken();
    const passwordHash = await hashPassword(dto.password);
    try {
      return await inTransaction(this.dataSource, async (tx) => {
        const repo = tx.getRepository(Profile);
        const profile = await repo.save(
          repo.create({
            email: dto.email,
            passwordHash,
            fullName: dto.fullName ?? null,
            phone: dto.phone ?? null,
            role: 'customer',
            emailVerified: false,
          }),
        );
        await this.audit.record(tx, meta, {
          userId: profile.id,
          action: 'auth.register',
          entityType: 'profile',
          entityId: profile.id,
          details: { email: profile.email, role: profile.role },
        });
        await this.recordSignIn(
          tx,
          profile.id,
          cartSession,
          new CustomerRegistered(null, { userId: profile.id, email: profile.email }),
        );
        return this.sessions.open(tx, profile);
      });
    } catch (error) {
      if (isUniqueViolation(error, EMAIL_UNIQUE_INDEX)) throw emailTaken();
      throw error;
    }
  }

  async login(dto: LoginDto, meta: RequestMeta, cartSession?: string): Promise<AuthSession> {
    const profile = await this.findByEmail(dto.email, true);
    let failure: 'unknown_email' | 'no_password' | 'wrong_password' | undefined;
    if (!profile) {
      await verifyPassword(await this.getDummyHash(), dto.password);
      failure = 'unknown_email';
    } else if (!profile.passwordHash) {
      // Imported from the legacy auth provider and never given a password here.
      await verifyPassword(await this.getDummyHash(), dto.password);
      failure = 'no_password';
    } else if (!(await verifyPassword(profile.passwordHash, dto.password))) {
      failure = 'wrong_password';
    }

    if (failure || !profile) {
      await this.audit.record(this.dataSource.manager, meta, {
        userId: profile?.id ?? null,
        action: 'auth.login_failed',
        entityType: 'profile',
        entityId: profile?.id ?? null,
        details: { email: dto.email, reason: failure },
      });
      // One message whatever the reason: the response must not tell whether the email exists.
      throw new AppException(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'Invalid email or password');
    }

    return inTransaction(this.dataSource, async (tx) => {
      await this.audit.record(tx, meta, {
        userId: profile.id,
        action: 'auth.login',
        entityType: 'profile',
        entityId: profile.id,
      });
      await this.recordSignIn(tx, profile.id, cartSession);
      return this.sessions.open(tx, profile);
    });
  }

  async refresh(refreshToken: string, meta: RequestMeta): Promise<AuthSession> {
    // The revocation of a reused token's family must commit even though the request fails: decide
    // inside the transaction, throw after it.
    const result = await inTransaction(this.dataSource, async (tx) => {
      const rotation = await this.sessions.rotate(tx, refreshToken);
      if (rotation.outcome === 'reused' && rotation.revoked > 0) {
        await this.audit.record(tx, meta, {
          userId: rotation.userId,
          action: 'auth.refresh_reuse',
          entityType: 'refresh_token_family',
          entityId: rotation.family,
          details: { revokedSessions: rotation.revoked },
        });
      }
      return rotation;
    });
    if (result.outcome === 'rotated') return result.session;
    if (result.outcome === 'reused') {
      throw new AppException(
        HttpStatus.UNAUTHORIZED,
        'REFRESH_TOKEN_REUSED',
        'This refresh token was already used; the session has been ended, log in again',
      );
    }
    throw new AppException(
      HttpStatus.UNAUTHORIZED,
      'INVALID_REFRESH_TOKEN',
      'The refresh token is invalid, expired or revoked',
    );
  }

  /**
   * Ends the session of `dto.refreshToken` (its whole family), or every session of the caller when no
   * token is given. Idempotent: a token that is unknown, someone else's or already revoked changes nothing.
   * Access tokens already issued stay valid until they expire (at most 15 minutes).
   */
  async logout(user: AuthUser, dto: LogoutDto, meta: RequestMeta): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      let revoked = 0;
      let family: string | undefined;
      if (dto.refreshToken !== undefined) {
        family = await this.sessions.familyOf(tx, user.id, dto.refreshToken);
        if (family) revoked = await this.sessions.revokeFamily(tx, family);
      } else {
        revoked = await this.sessions.revokeAllOf(tx, user.id);
      }
      if (revoked === 0) return;
      await this.audit.record(tx, meta, {
        action: 'auth.logout',
        entityType: family ? 'refresh_token_family' : 'profile',
        entityId: family ?? user.id,
        details: { scope: family ? 'session' : 'all_sessions', revokedSessions: revoked },
      });
    });
  }

  /** Case-insensitive lookup (served by the unique index on lower(email)). */
  private findByEmail(email: string, withPasswordHash = false): Promise<Profile | null> {
    const query = this.dataSource
      .getRepository(Profile)
      .createQueryBuilder('p')
      .where('lower(p.email) = lower(:email)', { email });
    if (withPasswordHash) query.addSelect('p.passwordHash');
    return query.getOne();
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }

  /**
   * The sign-in's events, in its transaction, in one record() call: `customer.signed_in` when a guest
   * cart session came with it (its in-transaction subscriber merges that cart in a savepoint, so a
   * merge that fails is logged and undone while the sign-in commits), plus `also` (a registration).
   */
  private async recordSignIn(
    tx: EntityManager,
    userId: string,
    cartSession: string | undefined,
    ...also: CustomerRegistered[]
  ): Promise<void> {
    const sessionId = cartSession?.trim();
    const signedIn =
      sessionId && sessionId.length <= MAX_CART_SESSION_LENGTH
        ? [new CustomerSignedIn(null, { userId, cartSessionId: sessionId })]
        : [];
    await this.events.record(tx, ...also, ...signedIn);
  }
}
