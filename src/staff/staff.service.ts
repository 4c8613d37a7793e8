import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { ADMIN_ROLES, AuthUser } from '../auth/auth.types';
import { InvitationsService } from '../auth/invitations.service';
import { ProfileView } from '../auth/profile-view';
import { ProfilesService } from '../auth/profiles.service';
import { SessionsService } from '../auth/sessions.service';
import { offsetOf, Paginated, paginated } from '../common/pagination';
import { inTransaction } from '../database/transactions';
import { StoresService } from '../stores/stores.service';
import {
  AddStaffDto,
  ListStaffQuery,
  StaffAddedResponse,
  StaffMemberResponse,
  UpdateStaffDto,
} from './dto/staff.dto';
import { StoreInvitation } from './entities/store-invitation.entity';
import { StoreMembership } from './entities/store-membership.entity';
import { alreadyMember, lastOwner, staffNotFound } from './staff-errors';
import { StoreRole } from './staff.types';
import { lockOwners } from './store-owners';

function toMember(m: StoreMembership, profile: Pick<ProfileView, 'email' | 'fullName'>): StaffMemberResponse {
  return {
    profileId: m.profileId,
    storeId: m.storeId,
    email: profile.email,
    fullName: profile.fullName,
    role: m.role,
    createdAt: m.createdAt.toISOString(),
  };
}

/**
 * A store's staff (API.md, "Store staff"): who works in it and as what. An existing admin is added at
 * once; any other email is invited (auth's invitation, plus which store and role it is for, in one
 * transaction; StaffInvitationsSubscriber makes the membership when it is accepted). Every change is
 * audited with the store; a store with an owner always keeps one (lockOwners).
 */
@Injectable()
export class StaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stores: StoresService,
    private readonly profiles: ProfilesService,
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async list(storeId: string, query: ListStaffQuery): Promise<Paginated<StaffMemberResponse>> {
    await this.stores.requireStore(storeId);
    const [rows, total] = await this.dataSource.getRepository(StoreMembership).findAndCount({
      where: { storeId },
      order: { createdAt: 'ASC', profileId: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
    const profiles = new Map(
      (await this.profiles.findViews(rows.map((r) => r.profileId))).map((p) => [p.id, p]),
    );
    const items = rows.flatMap((m) => {
      const profile = profiles.get(m.profileId);
      return profile ? [toMember(m, profile)] : []; // deleted meanwhile (the membership cascades)
    });
    return paginated(items, total, query);
  }

  async add(
    storeId: string,
    dto: AddStaffDto,
    actor: AuthUser,
    meta: RequestMeta,
  ): Promise<StaffAddedResponse> {
    await this.stores.requireStore(storeId);
    return inTransaction(this.dataSource, async (tx) => {
      const profile = await this.profiles.lockByEmail(tx, dto.email);
      if (profile && ADMIN_ROLES.includes(profile.role)) {
        const membership = await this.insertMembership(tx, storeId, profile.id, dto.role);
        if (!membership) throw alreadyMember();
        await this.audit.record(tx, meta, {
          action: 'staff.add',
          entityType: 'store_membership',
          entityId: profile.id,
          storeId,
          details: { profileId: profile.id, email: profile.email, role: dto.role },
        });
        return { kind: 'membership', membership: toMember(membership, profile), invitation: null };
      }
      // No account, or a customer's: accepting the invitation creates or promotes the account.
      const invitation = await this.invitations.createIn(tx, { email: dto.email }, actor, meta);
      await tx
        .getRepository(StoreInvitation)
        .insert({ invitationId: invitation.id, storeId, role: dto.role });
      await this.audit.record(tx, meta, {
        action: 'staff.invite',
        entityType: 'admin_invitation',
        entityId: invitation.id,
        storeId,
        details: { email: invitation.email, role: dto.role },
      });
      return { kind: 'invitation', membership: null, invitation: { ...invitation, storeId, role: dto.role } };
    });
  }

  async updateRole(
    storeId: string,
    profileId: string,
    dto: UpdateStaffDto,
    meta: RequestMeta,
  ): Promise<StaffMemberResponse> {
    return inTransaction(this.dataSource, async (tx) => {
      const owners = await lockOwners(tx, storeId);
      const membership = await this.lockMembership(tx, storeId, profileId);
      if (membership.role === 'owner' && dto.role !== 'owner' && owners.length <= 1) throw lastOwner();
      if (membership.role !== dto.role) {
        await tx.getRepository(StoreMembership).update({ storeId, profileId }, { role: dto.role });
        await this.audit.record(tx, meta, {
          action: 'staff.role_change',
          entityType: 'store_membership',
          entityId: profileId,
          storeId,
          details: { role: { before: membership.role, after: dto.role } },
        });
      }
      const [profile] = await this.profiles.findViews([profileId]);
      return toMember({ ...membership, role: dto.role }, profile);
    });
  }

  /** Removes the membership; an admin left in no store loses every session (refresh tokens revoked). */
  async remove(storeId: string, profileId: string, meta: RequestMeta): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const owners = await lockOwners(tx, storeId);
      const membership = await this.lockMembership(tx, storeId, profileId);
      if (membership.role === 'owner' && owners.length <= 1) throw lastOwner();
      const repo = tx.getRepository(StoreMembership);
      await repo.delete({ storeId, profileId });
      const [profile] = await this.profiles.findViews([profileId]);
      // A super admin works in every store without memberships: their sessions stay.
      const revoke = profile?.role === 'admin' && !(await repo.existsBy({ profileId }));
      const sessionsRevoked = revoke ? await this.sessions.revokeAllOf(tx, profileId) : 0;
      await this.audit.record(tx, meta, {
        action: 'staff.remove',
        entityType: 'store_membership',
        entityId: profileId,
        storeId,
        details: { role: membership.role, sessionsRevoked },
      });
    });
  }

  /** The new membership, or null when the admin is already a member. */
  private async insertMembership(
    tx: EntityManager,
    storeId: string,
    profileId: string,
    role: StoreRole,
  ): Promise<StoreMembership | null> {
    const [row] = await tx.query<Array<{ created_at: Date }>>(
      `INSERT INTO store_memberships (store_id, profile_id, role) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING created_at`,
      [storeId, profileId, role],
    );
    return row
      ? Object.assign(new StoreMembership(), { storeId, profileId, role, createdAt: row.created_at })
      : null;
  }

  private async lockMembership(
    tx: EntityManager,
    storeId: string,
    profileId: string,
  ): Promise<StoreMembership> {
    const membership = await tx
      .getRepository(StoreMembership)
      .findOne({ where: { storeId, profileId }, lock: { mode: 'pessimistic_write' } });
    if (!membership) throw staffNotFound();
    return membership;
  }
}
