import { HttpStatus, Injectable } from '@nestjs/common';
import { ProfileView } from '../auth/profile-view';
import { ProfilesService } from '../auth/profiles.service';
import { AppException } from '../common/errors';
import { Paginated } from '../common/pagination';
import { AddressesService } from './addresses.service';
import { CustomerDetail, CustomerSearchQuery } from './dto/customer.dto';

/** The admin's view of customers: profiles (from the auth module) with their addresses. */
@Injectable()
export class CustomersService {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly addresses: AddressesService,
  ) {}

  /** The caller's own profile (GET /api/me). */
  async me(userId: string): Promise<ProfileView> {
    const profile = await this.profiles.findView(userId);
    // The token was checked against profiles a moment ago: only a concurrent delete gets here.
    if (!profile) throw new AppException(HttpStatus.NOT_FOUND, 'PROFILE_NOT_FOUND', 'Profile not found');
    return profile;
  }

  search(query: CustomerSearchQuery): Promise<Paginated<ProfileView>> {
    return this.profiles.search(query);
  }

  async detail(id: string): Promise<CustomerDetail> {
    const profile = await this.profiles.findView(id);
    if (!profile) throw new AppException(HttpStatus.NOT_FOUND, 'CUSTOMER_NOT_FOUND', 'Customer not found');
    return { ...profile, addresses: await this.addresses.list(id) };
  }
}
