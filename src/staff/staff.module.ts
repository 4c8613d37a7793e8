import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { StoresModule } from '../stores/stores.module';
import { StaffInvitationsSubscriber } from './staff-invitations.subscriber';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';
import { StoreMembershipsLookup } from './store-memberships.lookup';

/**
 * Store staff: memberships (admin × store × role) and their routes. Global because AuthModule's
 * StoreAccessGuard reads the memberships of every admin request (StoreMembershipsLookup), and
 * AuthModule cannot import this module back (staff uses auth's invitations and sessions).
 */
@Global()
@Module({
  imports: [AuditModule, AuthModule, StoresModule],
  controllers: [StaffController],
  providers: [StaffService, StaffInvitationsSubscriber, StoreMembershipsLookup],
  exports: [StoreMembershipsLookup],
})
export class StaffModule {}
