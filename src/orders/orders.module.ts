import { Module } from '@nestjs/common';
import { DiscountsModule } from '../discounts/discounts.module';
import { InventoryModule } from '../inventory/inventory.module';
import { OrdersAdminController } from './orders-admin.controller';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { ReservationSweeper } from './reservation-sweeper';

/** Orders after checkout: customer and admin routes, the state machine, reservation expiry. */
@Module({
  imports: [InventoryModule, DiscountsModule],
  controllers: [OrdersController, OrdersAdminController],
  providers: [OrdersService, ReservationSweeper],
  exports: [OrdersService],
})
export class OrdersModule {}
