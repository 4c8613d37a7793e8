import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';
import { StoreMembershipView, StoreRole } from './staff.types';

/**
 * The stores an admin works in, read once per admin request by StoreAccessGuard (and by anything that
 * needs the caller's store scope): one prepared statement on the profile index.
 */
@Injectable()
export class StoreMembershipsLookup {
  constructor(private readonly dataSource: DataSource) {}

  async of(profileId: string): Promise<StoreMembershipView[]> {
    const rows = await queryPrepared<{ store_id: string; role: StoreRole }>(
      this.dataSource,
      'staff_memberships_of',
      'SELECT store_id, role FROM store_memberships WHERE profile_id = $1',
      [profileId],
    );
    return rows.map((r) => ({ storeId: r.store_id, role: r.role }));
  }
}
