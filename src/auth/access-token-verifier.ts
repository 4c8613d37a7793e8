import { Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import { JwtPayload, verify } from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ExpiringCache } from '../common/expiring-cache';
import { pgErrorCode } from '../common/database-errors';
import { InjectAppConfig } from '../config/app-config.module';
import { queryPrepared } from '../database/prepared-query';
import { tokenProfileStatement } from './auth-sql';
import { AuthUser, JWT_ALGORITHM } from './auth.types';
import { Profile } from './entities/profile.entity';

const INVALID_TEXT_REPRESENTATION = '22P02';
/** Clock difference between app instances tolerated on `iat`. */
const CLOCK_SKEW_SECONDS = 60;
/** Verified tokens remembered, the oldest forgotten first: room for every session active at once. */
const VERIFIED_TOKENS_KEPT = 10_000;

interface TimeClaims {
  exp: number;
  iat: number;
}

/**
 * jsonwebtoken checks `exp` only when it is there: a token without one would never expire. Every
 * access token this app signs has `iat` and `exp`; refuse one that lacks either or was issued in the
 * future (beyond clock skew), which only a forger with the secret, or a broken clock, produces.
 */
function hasSaneTimes(payload: Partial<TimeClaims>): payload is TimeClaims {
  const { exp, iat } = payload;
  if (typeof exp !== 'number' || typeof iat !== 'number') return false;
  if (!Number.isFinite(exp) || !Number.isFinite(iat) || exp <= iat) return false;
  return iat <= Date.now() / 1000 + CLOCK_SKEW_SECONDS;
}

/** `Authorization: Bearer <token>` (the scheme in any case) → the token, else undefined. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /(\S+)\s+(\S+)/.exec(header);
  return match && match[1].toLowerCase() === 'bearer' ? match[2] : undefined;
}

/**
 * Who an access token speaks for. The token is checked first: HS256 only (so `alg: none` or an RS/HS
 * confusion is rejected), signature, expiry (which must be there), `typ: access`. Then the profile is
 * read on every request, so a closed account's token stops working and a role change takes effect at
 * once.
 *
 * A token that passed is remembered until it expires: the same string verifies the same way every
 * time, and checking the signature again (jsonwebtoken's decode, HMAC and JSON parse) cost more of the
 * app's CPU under load than the profile read. Only tokens that passed are kept, so garbage sent by
 * anyone never fills the memory; the map is bounded anyway.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly key: KeyObject;
  /** Verified tokens → the profile id they were issued to, until their `exp`. */
  private readonly verified = new ExpiringCache<string, string>(VERIFIED_TOKENS_KEPT);

  constructor(
    @InjectAppConfig() config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    // A KeyObject made once: given the string, jsonwebtoken would first try (and fail) to parse it as a
    // public key, then build a secret key, on every call (measured at ~14 % of the app's CPU).
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  /** The caller of `token`, or null when the token is not a valid access token of a live account. */
  async callerOf(token: string): Promise<AuthUser | null> {
    const profileId = this.verify(token);
    if (profileId === null) return null;
    // A prepared statement, not a repository call (TypeORM's query builder was ~7 % of the app's CPU
    // in the checkout benchmark).
    const statement = tokenProfileStatement(profileId);
    const [profile] = await queryPrepared<Pick<Profile, 'id' | 'email' | 'role'>>(
      this.dataSource,
      statement.name,
      statement.text,
      statement.values,
    ).catch((error: unknown) => {
      // A sub that is not a uuid reads as "no such user"; anything else (database down) is a real error.
      if (pgErrorCode(error) === INVALID_TEXT_REPRESENTATION) return [];
      throw error;
    });
    return profile ? { id: profile.id, email: profile.email, role: profile.role } : null;
  }

  /** The profile id `token` was issued to, or null when it is not a valid, unexpired access token. */
  private verify(token: string): string | null {
    const known = this.verified.get(token);
    if (known !== undefined) return known;
    let payload: string | JwtPayload;
    try {
      payload = verify(token, this.key, { algorithms: [JWT_ALGORITHM] });
    } catch {
      return null;
    }
    if (typeof payload === 'string' || payload['typ'] !== 'access' || typeof payload.sub !== 'string') {
      return null;
    }
    const profileId = payload.sub;
    if (!hasSaneTimes(payload)) return null;
    this.verified.set(token, profileId, payload.exp * 1000);
    return profileId;
  }
}
