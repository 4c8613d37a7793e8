import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AppException } from '../common/errors';
import { offsetOf, Paginated, paginated, PaginationQuery } from '../common/pagination';
import { inTransaction } from '../database/transactions';
import { ProfileRole } from './auth.types';
import { Profile } from './entities/profile.entity';
import { ProfileView, toProfileView } from './profile-view';

/** The fields a user may change on their own profile (never role or email). */
export interface OwnProfileChanges {
  fullName?: string | null;
  phone?: string | null;
}

export interface ProfileSearch extends PaginationQuery {
  q?: string;
  role?: ProfileRole;
}

/**
 * A caller's extra condition on the searched profiles, as SQL on the alias `p` (customers: "a customer
 * of one of these stores"), so the scoped page and its total stay one query each.
 */
export interface ProfileRestriction {
  sql: string;
  params: Record<string, unknown>;
}

/** Escapes LIKE wildcards so that a search for "50%" means the text "50%". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Profiles for other modules (customers: /me and the admin customer list); they never touch the repository. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async findView(id: string): Promise<ProfileView | null> {
    const profile = await this.dataSource.getRepository(Profile).findOneBy({ id });
    return profile ? toProfileView(profile) : null;
  }

  /** Profiles by id, in no order (unknown ids are left out). */
  async findViews(ids: string[]): Promise<ProfileView[]> {
    if (ids.length === 0) return [];
    const profiles = await this.dataSource.getRepository(Profile).findBy({ id: In(ids) });
    return profiles.map(toProfileView);
  }

  /** The profile with this email (case-insensitive), locked for the rest of the caller's transaction. */
  async lockByEmail(tx: EntityManager, email: string): Promise<ProfileView | null> {
    const profile = await tx
      .getRepository(Profile)
      .createQueryBuilder('p')
      .where('lower(p.email) = lower(:email)', { email })
      .setLock('pessimistic_write')
      .getOne();
    return profile ? toProfileView(profile) : null;
  }

  /** Updates the caller's own name and phone; audited when something actually changed. */
  async updateOwn(userId: string, changes: OwnProfileChanges, meta: RequestMeta): Promise<ProfileView> {
    return inTransaction(this.dataSource, async (tx) => {
      const repo = tx.getRepository(Profile);
      const profile = await repo.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!profile) throw new AppException(HttpStatus.NOT_FOUND, 'PROFILE_NOT_FOUND', 'Profile not found');
      const update: OwnProfileChanges = {};
      if (changes.fullName !== undefined) update.fullName = changes.fullName;
      if (changes.phone !== undefined) update.phone = changes.phone;
      const diff = changedFields(profile, update);
      if (Object.keys(diff).length === 0) return toProfileView(profile);
      await repo.update(userId, update);
      await this.audit.record(tx, meta, {
        action: 'profile.update',
        entityType: 'profile',
        entityId: userId,
        details: diff,
      });
      return toProfileView(await repo.findOneByOrFail({ id: userId }));
    });
  }

  /** Email or name containing `q` (case-insensitive), newest first. Two queries whatever the page. */
  async search(query: ProfileSearch, restrict?: ProfileRestriction): Promise<Paginated<ProfileView>> {
    const qb = this.dataSource.getRepository(Profile).createQueryBuilder('p');
    if (restrict) qb.andWhere(restrict.sql, restrict.params);
    const q = query.q?.trim();
    if (q) {
      qb.andWhere('(p.email ILIKE :pattern OR p.fullName ILIKE :pattern)', { pattern: `%${escapeLike(q)}%` });
    }
    if (query.role) qb.andWhere('p.role = :role', { role: query.role });
    const [rows, total] = await qb
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .offset(offsetOf(query))
      .limit(query.limit)
      .getManyAndCount();
    return paginated(rows.map(toProfileView), total, query);
  }
}
