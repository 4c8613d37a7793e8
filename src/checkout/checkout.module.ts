import { Module } from '@nestjs/common';
import { CartModule } from '../cart/cart.module';
import { DiscountsModule } from '../discounts/discounts.module';
import { InventoryModule } from '../inventory/inventory.module';
import { OrdersModule } from '../orders/orders.module';
import { CheckoutController } from './checkout.controller';
import { CheckoutService } from './checkout.service';

/** POST /stores/:storeSlug/checkout: cart → pending order with its stock held. */
@Module({
  imports: [CartModule, InventoryModule, DiscountsModule, OrdersModule],
  controllers: [CheckoutController],
  providers: [CheckoutService],
})
export class CheckoutModule {}
