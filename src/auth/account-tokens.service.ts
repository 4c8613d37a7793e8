import { HttpStatus, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppException } from '../common/errors';
import { ACCOUNT_TOKEN_TTL_MS, AccountTokenPurpose } from './account-token.types';
import { AccountToken } from './entities/account-token.entity';
import { generateOpaqueToken, hashToken } from './tokens';

/** A token just made: the raw value (mailed, never stored) and when it stops working. */
export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** A token just consumed. */
export interface ClaimedToken {
  id: string;
  userId: string;
  purpose: AccountTokenPurpose;
  newEmail: string | null;
}

/** Unknown, forged, for another purpose, or its account is gone. */
export function tokenInvalid(): AppException {
  return new AppException(HttpStatus.BAD_REQUEST, 'TOKEN_INVALID', 'This link is not valid');
}

interface ClaimedRow {
  id: string;
  user_id: string;
  purpose: AccountTokenPurpose;
  new_email: string | null;
}

/**
 * The single-use tokens of account emails: 32 random bytes (base64url), stored as SHA-256, expiring.
 * Every method works in the caller's transaction, so a consumed token is given back if the change it
 * authorises fails.
 */
@Injectable()
export class AccountTokensService {
  async issue(
    tx: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    newEmail: string | null = null,
  ): Promise<IssuedToken> {
    const token = generateOpaqueToken();
    const expiresAt = new Date(Date.now() + ACCOUNT_TOKEN_TTL_MS[purpose]);
    await tx.getRepository(AccountToken).insert({
      userId,
      purpose,
      tokenHash: hashToken(token),
      newEmail,
      expiresAt,
      usedAt: null,
    });
    return { token, expiresAt };
  }

  /**
   * Claims a token of one of `purposes` with one conditional UPDATE: of two concurrent uses, the second
   * waits for the first's row lock, then finds it used. Throws 400 TOKEN_INVALID (unknown, forged, or
   * for another purpose), 410 TOKEN_USED or 410 TOKEN_EXPIRED.
   */
  async consume(
    tx: EntityManager,
    token: string,
    purposes: readonly AccountTokenPurpose[],
  ): Promise<ClaimedToken> {
    const tokenHash = hashToken(token);
    const [rows] = await tx.query<[ClaimedRow[], number]>(
      `UPDATE account_tokens SET used_at = now()
        WHERE token_hash = $1 AND purpose = ANY($2) AND used_at IS NULL AND expires_at > now()
        RETURNING id, user_id, purpose, new_email`,
      [tokenHash, purposes],
    );
    if (rows.length === 1) {
      const [row] = rows;
      return { id: row.id, userId: row.user_id, purpose: row.purpose, newEmail: row.new_email };
    }
    await this.assertUsable(tx, token, purposes);
    throw new AppException(HttpStatus.GONE, 'TOKEN_USED', 'This link has already been used'); // lost a race
  }

  /**
   * Throws why a token cannot be used, or returns when it can (yet, nothing claimed): lets a caller
   * refuse a bogus token before spending a password hash on its request.
   */
  async assertUsable(
    manager: EntityManager,
    token: string,
    purposes: readonly AccountTokenPurpose[],
  ): Promise<void> {
    // By the database's clock, the one the claiming UPDATE uses.
    const [known] = await manager.query<Array<{ used: boolean; expired: boolean }>>(
      `SELECT used_at IS NOT NULL AS used, expires_at <= now() AS expired
         FROM account_tokens WHERE token_hash = $1 AND purpose = ANY($2)`,
      [hashToken(token), purposes],
    );
    if (!known) throw tokenInvalid();
    if (known.used) throw new AppException(HttpStatus.GONE, 'TOKEN_USED', 'This link has already been used');
    if (known.expired) throw new AppException(HttpStatus.GONE, 'TOKEN_EXPIRED', 'This link has expired');
  }

  /** Ends the user's outstanding tokens of these purposes (after a reset, a change, a closure). */
  async invalidate(
    tx: EntityManager,
    userId: string,
    purposes: readonly AccountTokenPurpose[],
  ): Promise<number> {
    const [, count] = await tx.query<[unknown[], number]>(
      `UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = ANY($2) AND used_at IS NULL`,
      [userId, purposes],
    );
    return count;
  }
}
