import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { inTransaction } from '../database/transactions';
import { Profile } from './entities/profile.entity';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password-hasher';

/** Start-up and the CLI act as nobody in particular, from no address. */
const SYSTEM_META: RequestMeta = { userId: null, ipAddress: null, userAgent: null };
/** Audit's own writer (it has no dependencies): this runs before and outside the Nest app. */
const audit = new AuditService();

export interface EnsureSuperAdminResult {
  profileId: string;
  created: boolean;
  promoted: boolean;
  passwordChanged: boolean;
  /** Set only when a password was generated: the caller prints it once and never stores it. */
  generatedPassword?: string;
}

/**
 * Makes sure a super_admin with `email` exists (start-up with ADMIN_EMAIL/ADMIN_PASSWORD, and
 * `npm run admin:create`). Creates it, or promotes an existing profile with that email; a given
 * password is (re)set, an absent one is generated only for a new account. One transaction, audited;
 * the given password is hashed before it, so the profile row is not held locked during argon2.
 */
export async function ensureSuperAdmin(
  dataSource: DataSource,
  email: string,
  password: string | undefined,
): Promise<EnsureSuperAdminResult> {
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`The admin password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const normalized = email.trim().toLowerCase();
  const givenHash = password === undefined ? undefined : await hashPassword(password);
  // Safe to re-run: a retried attempt generates (and returns) its own password.
  return inTransaction(dataSource, async (tx) => {
    const existing = await tx
      .getRepository(Profile)
      .createQueryBuilder('p')
      .where('lower(p.email) = :email', { email: normalized })
      .setLock('pessimistic_write')
      .getOne();

    if (!existing) {
      const generatedPassword = password === undefined ? randomBytes(12).toString('base64url') : undefined;
      const created = await tx.getRepository(Profile).save(
        tx.getRepository(Profile).create({
          email: normalized,
          role: 'super_admin',
          emailVerified: true,
          passwordHash: givenHash ?? (await hashPassword(generatedPassword ?? '')),
        }),
      );
      await audit.record(tx, SYSTEM_META, {
        userId: created.id,
        action: 'admin.bootstrap_created',
        entityType: 'profile',
        entityId: created.id,
        details: {
          email: normalized,
          role: 'super_admin',
          passwordGenerated: generatedPassword !== undefined,
        },
      });
      return {
        profileId: created.id,
        created: true,
        promoted: false,
        passwordChanged: true,
        generatedPassword,
      };
    }

    const promoted = existing.role !== 'super_admin';
    const changes: Partial<Profile> = {};
    if (promoted) changes.role = 'super_admin';
    if (givenHash !== undefined) changes.passwordHash = givenHash;
    if (Object.keys(changes).length > 0) {
      await tx.getRepository(Profile).update(existing.id, changes);
    }
    if (promoted) {
      await audit.record(tx, SYSTEM_META, {
        userId: existing.id,
        action: 'admin.bootstrap_promoted',
        entityType: 'profile',
        entityId: existing.id,
        details: { role: { before: existing.role, after: 'super_admin' } },
      });
    }
    return { profileId: existing.id, created: false, promoted, passwordChanged: password !== undefined };
  });
}
