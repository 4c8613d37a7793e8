import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { pgErrorCode } from '../common/database-errors';
import { InjectAppConfig } from '../config/app-config.module';
import { queryPrepared } from '../database/prepared-query';
import { tokenProfileStatement } from './auth-sql';
import { AccessTokenPayload, AuthUser, JWT_ALGORITHM } from './auth.types';
import { Profile } from './entities/profile.entity';

const INVALID_TEXT_REPRESENTATION = '22P02';
/** Clock difference between app instances tolerated on `iat`. */
const CLOCK_SKEW_SECONDS = 60;

interface TimeClaims {
  exp: number;
  iat: number;
}

/**
 * jsonwebtoken checks `exp` only when it is there: a token without one would never expire. Every
 * access token this app signs has `iat` and `exp`; refuse one that lacks either or was issued in the
 * future (beyond clock skew), which only a forger with the secret, or a broken clock, produces.
 */
function hasSaneTimes(payload: Partial<TimeClaims>): boolean {
  const { exp, iat } = payload;
  if (typeof exp !== 'number' || typeof iat !== 'number') return false;
  if (!Number.isFinite(exp) || !Number.isFinite(iat) || exp <= iat) return false;
  return iat <= Date.now() / 1000 + CLOCK_SKEW_SECONDS;
}

/**
 * Verifies `Authorization: Bearer <jwt>`: HS256 only (so `alg: none` or an RS/HS confusion is
 * rejected), signature, expiry (which must be there); then reads the profile, so a deleted user's token stops working and a
 * role change takes effect at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @InjectAppConfig() config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given the string, jsonwebtoken would first try (and fail) to parse it as
      // a public key, then build a secret key, on every request — measured at ~14% of the app's CPU
      // under load. The typings only list string | Buffer; jsonwebtoken takes a KeyObject as is.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: [JWT_ALGORITHM],
      ignoreExpiration: false,
    });
  }

  async validate(payload: Partial<AccessTokenPayload & TimeClaims>): Promise<AuthUser | false> {
    if (payload.typ !== 'access' || typeof payload.sub !== 'string') return false;
    if (!hasSaneTimes(payload)) return false;
    // Every authenticated request runs this: a prepared statement, not a repository call (TypeORM's
    // query builder was ~7 % of the app's CPU in the checkout benchmark). A closed account (DELETE /me)
    // is no caller, even with an unexpired token.
    const statement = tokenProfileStatement(payload.sub);
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
    return profile ? { id: profile.id, email: profile.email, role: profile.role } : false;
  }
}
