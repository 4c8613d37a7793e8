import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CartController } from './cart.controller';
import { CartService } from './cart.service';

/**
 * Carts per store, for customers and guests. CatalogPricingService (current prices and stock) comes
 * from CatalogModule, which this module re-exports for checkout.
 */
@Module({
  imports: [CatalogModule],
  controllers: [CartController],
  providers: [CartService],
  exports: [CartService, CatalogModule],
})
export class CartModule {}
