import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccessTokenPayload } from './auth.types';
import { AuthSession } from './dto/auth.dto';
import { Profile } from './entities/profile.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { toProfileView } from './profile-view';
import { generateOpaqueToken, hashToken } from './tokens';

/** Lifetime of one refresh token; each rotation issues a new one with a fresh lifetime. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** A claimed (just rotated) refresh token: whose it was and its family. */
interface ClaimedToken {
  user_id: string;
  family: string;
}

export type RotationResult =
  | { outcome: 'rotated'; session: AuthSession }
  | { outcome: 'reused'; userId: string; family: string; revoked: number }
  | { outcome: 'invalid' };

/**
 * Access tokens (JWT, 15 minutes) and refresh tokens (opaque, 30 days, single use). Refresh tokens of
 * one login form a family: each refresh marks the presented token used and issues the next one in the
 * same family; presenting a used token again means it was copied, so the whole family is revoked.
 * Every method works in the caller's transaction.
 */
@Injectable()
export class SessionsService {
  constructor(private readonly jwt: JwtService) {}

  /** A new access token and refresh token for `profile`; a new family unless one is given. */
  async open(manager: EntityManager, profile: Profile, family: string = randomUUID()): Promise<AuthSession> {
    const refreshToken = generateOpaqueToken();
    await manager.getRepository(RefreshToken).insert({
      userId: profile.id,
      family,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
    });
    const payload: AccessTokenPayload = {
      sub: profile.id,
      email: profile.email,
      role: profile.role,
      typ: 'access',
    };
    const accessToken = await this.jwt.signAsync(payload);
    return { accessToken, refreshToken, user: toProfileView(profile) };
  }

  /**
   * Exchanges a refresh token for a new pair. The claim is one conditional UPDATE, so of several
   * concurrent requests with the same token exactly one wins; the others wait for its row lock, then
   * find the token used and are treated as a reuse.
   */
  async rotate(manager: EntityManager, refreshToken: string): Promise<RotationResult> {
    const tokenHash = hashToken(refreshToken);
    const [claimed] = await manager.query<[ClaimedToken[], number]>(
      `UPDATE refresh_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING user_id, family`,
      [tokenHash],
    );
    if (claimed.length === 1) {
      const profile = await manager.getRepository(Profile).findOneBy({ id: claimed[0].user_id });
      // Tokens cascade with their profile, so this only guards against a delete racing the refresh.
      if (!profile) return { outcome: 'invalid' };
      return { outcome: 'rotated', session: await this.open(manager, profile, claimed[0].family) };
    }

    const known = await manager
      .getRepository(RefreshToken)
      .findOne({ where: { tokenHash }, select: { id: true, userId: true, family: true, usedAt: true } });
    if (!known?.usedAt) return { outcome: 'invalid' }; // unknown, expired or revoked (logged out)
    const revoked = await this.revokeFamily(manager, known.family);
    return { outcome: 'reused', userId: known.userId, family: known.family, revoked };
  }

  /** Revokes every still-active token of a family; returns how many were revoked. */
  async revokeFamily(manager: EntityManager, family: string): Promise<number> {
    const [, count] = await manager.query<[unknown[], number]>(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE family = $1 AND revoked_at IS NULL`,
      [family],
    );
    return count;
  }

  /** Revokes every active token of a user (every device), except those of the family `keepFamily`. */
  async revokeAllOf(manager: EntityManager, userId: string, keepFamily?: string): Promise<number> {
    const [, count] = await manager.query<[unknown[], number]>(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND family IS DISTINCT FROM $2`,
      [userId, keepFamily ?? null],
    );
    return count;
  }

  /** The family of `refreshToken` if it belongs to `userId`. */
  async familyOf(manager: EntityManager, userId: string, refreshToken: string): Promise<string | undefined> {
    const row = await manager
      .getRepository(RefreshToken)
      .findOne({ where: { tokenHash: hashToken(refreshToken), userId }, select: { id: true, family: true } });
    return row?.family;
  }
}
