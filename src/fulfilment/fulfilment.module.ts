import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { InventoryModule } from '../inventory/inventory.module';
import { OrdersModule } from '../orders/orders.module';
import { FulfillmentItem } from './entities/fulfillment-item.entity';
import { Fulfillment } from './entities/fulfillment.entity';
import { OrderReturn } from './entities/order-return.entity';
import { ReturnItem } from './entities/return-item.entity';
import { FulfilmentViewContributor } from './fulfilment-view.contributor';
import { FulfilmentsAdminController } from './fulfilments-admin.controller';
import { FulfilmentsService } from './fulfilments.service';
import { ReturnReceipts } from './return-receipts.service';
import { ReturnStoreResolver } from './return-store.resolver';
import { ReturnsAdminController } from './returns-admin.controller';
import { ReturnsController } from './returns.controller';
import { ReturnsService } from './returns.service';

/**
 * Fulfilments (shipments with tracking) and returns (request, decision, receive with refund and
 * restock). Owns `fulfillments`, `fulfillment_items`, `returns`, `return_items`; moves the order through
 * the orders module's services (lock, state moves, refunds) and stock through inventory's, and adds
 * its part to the order view through OrderViewContributors (orders never imports this module).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Fulfillment, FulfillmentItem, OrderReturn, ReturnItem]),
    OrdersModule,
    InventoryModule,
    EventsModule,
  ],
  controllers: [FulfilmentsAdminController, ReturnsController, ReturnsAdminController],
  providers: [
    FulfilmentsService,
    ReturnsService,
    ReturnReceipts,
    FulfilmentViewContributor,
    ReturnStoreResolver,
  ],
})
export class FulfilmentModule {}
