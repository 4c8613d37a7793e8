import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogPricingService } from '../../../catalog/catalog-pricing.service';
import { AppException } from '../../../common/errors';
import { StoreCustomerRegistry } from '../../../customers/store-customer-registry.service';
import { StoresService } from '../../../stores/stores.service';
import { LoyaltyBalance, LoyaltyLedgerService } from './loyalty-ledger.service';

/**
 * The reads behind the two routes: which store and which customer, answered by the modules that own
 * them (catalog for a storefront slug, stores and customers for the admin path), then the ledger.
 */
@Injectable()
export class LoyaltyAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogPricingService,
    private readonly stores: StoresService,
    private readonly storeCustomers: StoreCustomerRegistry,
    private readonly ledger: LoyaltyLedgerService,
  ) {}

  /** The caller's own points in the active store `storeSlug`: the owner check is the token's id. */
  async mine(storeSlug: string, userId: string): Promise<LoyaltyBalance> {
    const store = await this.catalog.activeStoreBySlug(storeSlug, this.dataSource.manager);
    if (!store) throw new AppException(404, 'STORE_NOT_FOUND', 'Store not found');
    return this.ledger.balanceOf(store.id, userId);
  }

  /** A store customer's points, for an admin; 404 for a profile that never bought there. */
  async ofCustomer(storeId: string, profileId: string): Promise<LoyaltyBalance> {
    await this.stores.requireStore(storeId);
    if (!(await this.storeCustomers.find(storeId, profileId))) {
      throw new AppException(404, 'CUSTOMER_NOT_FOUND', 'This profile is not a customer of the store');
    }
    return this.ledger.balanceOf(storeId, profileId);
  }
}
