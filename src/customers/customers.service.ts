import { HttpStatus, Injectable } from '@nestjs/common';
import { ProfileView } from '../auth/profile-view';
import { ProfilesService } from '../auth/profiles.service';
import { AppException } from '../common/errors';
import { Paginated } from '../common/pagination';
import { AddressesService } from './addresses.service';
import { CustomerDetail, CustomerSearchQuery } from './dto/customer.dto';
import { StoreCustomerRegistry } from './store-customer-registry.service';

/** The admin's view of customers: profiles (from the auth module) with their addresses. */
@Injectable()
export class CustomersService {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly addresses: AddressesService,
    private readonly storeCustomers: StoreCustomerRegistry,
  ) {}

  /** The caller's own profile (GET /api/me). */
  async me(userId: string): Promise<ProfileView> {
    const profile = await this.profiles.findView(userId);
    // The token was checked against profiles a moment ago: only a concurrent delete gets here.
    if (!profile) throw new AppException(HttpStatus.NOT_FOUND, 'PROFILE_NOT_FOUND', 'Profile not found');
    return profile;
  }

  /**
   * `storeIds` undefined: every profile (super admin). Otherwise only the customers of those stores
   * (none for an empty list), filtered in the same query as the page.
   */
  search(query: CustomerSearchQuery, storeIds?: string[]): Promise<Paginated<ProfileView>> {
    const restrict =
      storeIds === undefined ? undefined : this.storeCustomers.customerOfAnyCondition(storeIds, 'p');
    return this.profiles.search(query, restrict);
  }

  /** As search: outside `storeIds` the profile does not exist for the caller (404, like an unknown id). */
  async detail(id: string, storeIds?: string[]): Promise<CustomerDetail> {
    const visible = storeIds === undefined || (await this.storeCustomers.isCustomerOfAny(id, storeIds));
    const profile = visible ? await this.profiles.findView(id) : null;
    if (!profile) throw new AppException(HttpStatus.NOT_FOUND, 'CUSTOMER_NOT_FOUND', 'Customer not found');
    return { ...profile, addresses: await this.addresses.list(id) };
  }
}
