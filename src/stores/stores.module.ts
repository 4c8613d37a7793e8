import { Module } from '@nestjs/common';
import { AdminStoresController, PublicStoresController } from './stores.controller';
import { StoresService } from './stores.service';

/**
 * Stores: public list of active stores, super_admin create/update. Exports StoresService
 * (`requireStore`) for the admin modules under /admin/stores/:storeId.
 */
@Module({
  controllers: [PublicStoresController, AdminStoresController],
  providers: [StoresService],
  exports: [StoresService],
})
export class StoresModule {}
