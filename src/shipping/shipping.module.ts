import { Module } from '@nestjs/common';
import { CartModule } from '../cart/cart.module';
import { StoresModule } from '../stores/stores.module';
import { ShippingMethodsController } from './shipping-methods.controller';
import { ShippingMethodsService } from './shipping-methods.service';
import { ShippingOptionsController } from './shipping-options.controller';
import { ShippingQuoteService } from './shipping-quote.service';
import { ShippingZonesController } from './shipping-zones.controller';
import { ShippingZonesService } from './shipping-zones.service';
import { ShippingService } from './shipping.service';

/**
 * Shipping zones and methods (admin), the quote for the current cart, and ShippingService, which
 * checkout calls inside its transaction (storeHasActiveMethods, checkoutMethod).
 */
@Module({
  imports: [StoresModule, CartModule],
  controllers: [ShippingZonesController, ShippingMethodsController, ShippingOptionsController],
  providers: [ShippingZonesService, ShippingMethodsService, ShippingQuoteService, ShippingService],
  exports: [ShippingService],
})
export class ShippingModule {}
