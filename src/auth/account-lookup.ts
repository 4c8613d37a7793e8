import { HttpStatus } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppException } from '../common/errors';
import { Profile } from './entities/profile.entity';

/** An open (not closed) account by id, with its password hash; `lock` holds the row for the transaction. */
export function findAccount(manager: EntityManager, id: string, lock = false): Promise<Profile | null> {
  const query = manager
    .getRepository(Profile)
    .createQueryBuilder('p')
    .addSelect('p.passwordHash')
    .where('p.id = :id AND p.deletedAt IS NULL', { id });
  if (lock) query.setLock('pessimistic_write');
  return query.getOne();
}

/** An open account by email, case-insensitively (the unique index on lower(email)). */
export function findAccountByEmail(manager: EntityManager, email: string): Promise<Profile | null> {
  return manager
    .getRepository(Profile)
    .createQueryBuilder('p')
    .addSelect('p.passwordHash')
    .where('lower(p.email) = lower(:email) AND p.deletedAt IS NULL', { email })
    .getOne();
}

/** Whether any profile (closed ones have anonymised addresses) other than `exceptId` uses this email. */
export async function emailInUse(manager: EntityManager, email: string, exceptId: string): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    `SELECT 1 FROM profiles WHERE lower(email) = lower($1) AND id <> $2 LIMIT 1`,
    [email, exceptId],
  );
  return rows.length > 0;
}

/** The caller's account was closed meanwhile (its token outlived it by a moment). */
export function accountGone(): AppException {
  return new AppException(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', 'This account no longer exists');
}

export function invalidCredentials(): AppException {
  return new AppException(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'The password is not correct');
}

/** The password hash changed between the check and the transaction (another change won). */
export function concurrentAccountUpdate(): AppException {
  return new AppException(HttpStatus.CONFLICT, 'CONCURRENT_UPDATE', 'The account changed meanwhile; retry');
}
