import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { StoresModule } from '../stores/stores.module';
import { InventoryReservation } from './entities/inventory-reservation.entity';
import { Inventory } from './entities/inventory.entity';
import { InventoryAdminController } from './inventory-admin.controller';
import { InventoryAdminService } from './inventory-admin.service';
import { InventoryService } from './inventory.service';

/**
 * Stock: holds for orders (InventoryService: reserve / release / commit / available, each in the
 * caller's transaction) and admin stock management (InventoryAdminService: the stock row of a new
 * variant, the store's stock list, set/adjust under the `reserved` floor).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Inventory, InventoryReservation]), StoresModule, EventsModule],
  controllers: [InventoryAdminController],
  providers: [InventoryService, InventoryAdminService],
  exports: [InventoryService, InventoryAdminService],
})
export class InventoryModule {}
