import { Module } from '@nestjs/common';
import { DiscountsModule } from '../discounts/discounts.module';
import { InventoryModule } from '../inventory/inventory.module';
import { StoresModule } from '../stores/stores.module';
import { OrdersAdminController } from './orders-admin.controller';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { ReservationSweeper } from './reservation-sweeper';
import { StoreCustomersController } from './store-customers.controller';
import { StoreCustomersService } from './store-customers.service';

/** Orders after checkout: customer and admin routes, the state machine, reservation expiry. */
@Module({
  imports: [InventoryModule, DiscountsModule, StoresModule],
  controllers: [OrdersController, OrdersAdminController, StoreCustomersController],
  providers: [OrdersService, ReservationSweeper, StoreCustomersService],
  exports: [OrdersService],
})
export class OrdersModule {}
