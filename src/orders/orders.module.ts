import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../customers/customers.module';
import { DiscountsModule } from '../discounts/discounts.module';
import { EventsModule } from '../events/events.module';
import { InventoryModule } from '../inventory/inventory.module';
import { PaymentsCoreModule } from '../payments/payments-core.module';
import { StoresModule } from '../stores/stores.module';
import { OrderItem } from './entities/order-item.entity';
import { OrderNumberCounter } from './entities/order-number-counter.entity';
import { Order } from './entities/order.entity';
import { OrderAccess } from './order-access.service';
import { OrderCancellation } from './order-cancellation.service';
import { OrderFulfilmentMoves } from './order-fulfilment-moves.service';
import { OrderLines } from './order-lines.service';
import { OrderMetadata } from './order-metadata.service';
import { OrderPlacement } from './order-placement.service';
import { OrderRefunds } from './order-refunds.service';
import { OrderTransitions } from './order-transitions.service';
import { OrderViewContributors } from './order-view-contributors';
import { OrdersAdminController } from './orders-admin.controller';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { OrderStoreResolver } from './order-store.resolver';
import { PaymentOutcomes } from './payment-outcomes.service';
import { ReservationSweeper } from './reservation-sweeper';
import { StoreCustomersController } from './store-customers.controller';
import { StoreCustomersService } from './store-customers.service';

/**
 * Orders: placement (checkout calls it), reads, the state machine's moves (transitions, refunds,
 * payment outcomes), reservation expiry. Owns `orders`, `order_items`, `order_number_counters`; moves
 * stock, discount uses and payments through their modules' services.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Order, OrderItem, OrderNumberCounter]),
    InventoryModule,
    DiscountsModule,
    StoresModule,
    PaymentsCoreModule,
    CustomersModule,
    EventsModule,
  ],
  controllers: [OrdersController, OrdersAdminController, StoreCustomersController],
  providers: [
    OrdersService,
    OrderAccess,
    OrderStoreResolver,
    OrderPlacement,
    OrderCancellation,
    OrderTransitions,
    OrderMetadata,
    OrderRefunds,
    PaymentOutcomes,
    ReservationSweeper,
    StoreCustomersService,
    OrderFulfilmentMoves,
    OrderLines,
    OrderViewContributors,
  ],
  exports: [
    OrdersService,
    OrderAccess,
    OrderPlacement,
    OrderRefunds,
    PaymentOutcomes,
    OrderFulfilmentMoves,
    OrderLines,
    OrderViewContributors,
  ],
})
export class OrdersModule {}
