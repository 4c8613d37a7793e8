import { Module } from '@nestjs/common';
import { CartModule } from '../cart/cart.module';
import { CustomersModule } from '../customers/customers.module';
import { DiscountsModule } from '../discounts/discounts.module';
import { InventoryModule } from '../inventory/inventory.module';
import { OrdersModule } from '../orders/orders.module';
import { PaymentsCoreModule } from '../payments/payments-core.module';
import { ShippingModule } from '../shipping/shipping.module';
import { TaxModule } from '../tax/tax.module';
import { CheckoutController } from './checkout.controller';
import { CheckoutService } from './checkout.service';
import { OrderTokenSealer } from './order-token-sealer';

/**
 * POST /stores/:storeSlug/checkout: cart → pending order with its stock held. Owns no table: every
 * write is asked of the module that owns it.
 */
@Module({
  imports: [
    CartModule,
    CustomersModule,
    InventoryModule,
    DiscountsModule,
    OrdersModule,
    PaymentsCoreModule,
    ShippingModule,
    TaxModule,
  ],
  controllers: [CheckoutController],
  providers: [CheckoutService, OrderTokenSealer],
})
export class CheckoutModule {}
