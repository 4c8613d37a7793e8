import { Module } from '@nestjs/common';
import { AdminStoresController, PublicStoresController } from './stores.controller';
import { StoreAmountChecks } from './store-amount-checks';
import { StoresService } from './stores.service';

/**
 * Stores: public list of active stores, super_admin create/update. Exports StoresService
 * (`requireStore`, `currencyFor`) for the admin modules under /admin/stores/:storeId, and
 * StoreAmountChecks, where the modules holding a store's amounts register what a currency change must check.
 */
@Module({
  controllers: [PublicStoresController, AdminStoresController],
  providers: [StoresService, StoreAmountChecks],
  exports: [StoresService, StoreAmountChecks],
})
export class StoresModule {}
