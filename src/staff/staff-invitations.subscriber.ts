import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { EventOf } from '../events/catalogue';
import { OnDomainEvent } from '../events/on-domain-event.decorator';
import { StoreInvitation } from './entities/store-invitation.entity';

/**
 * Accepting a store's invitation makes the new admin a member of that store, in the accepting
 * transaction: the session the accept returns already works in the store.
 */
@Injectable()
export class StaffInvitationsSubscriber {
  constructor(private readonly audit: AuditService) {}

  @OnDomainEvent('admin.invitation_accepted', { inTransaction: true, name: 'staff.invitation-accepted' })
  async onAccepted(event: EventOf<'admin.invitation_accepted'>, tx: EntityManager): Promise<void> {
    const { invitationId, profileId } = event.data;
    const invitation = await tx.getRepository(StoreInvitation).findOneBy({ invitationId });
    if (!invitation) return; // a platform invitation (POST /admin/invitations): no store
    await tx.query(
      `INSERT INTO store_memberships (store_id, profile_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [invitation.storeId, profileId, invitation.role],
    );
    await this.audit.record(
      tx,
      { userId: profileId, ipAddress: null, userAgent: null },
      {
        action: 'staff.join',
        entityType: 'store_membership',
        entityId: profileId,
        storeId: invitation.storeId,
        details: { invitationId, role: invitation.role },
      },
    );
  }
}
