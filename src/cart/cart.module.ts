import { Module } from '@nestjs/common';
import { CatalogPricingService } from '../catalog/catalog-pricing.service';
import { CartController } from './cart.controller';
import { CartService } from './cart.service';

/**
 * Carts per store, for customers and guests. CatalogPricingService is the catalog's read side for
 * buying (current prices and stock); it is provided here until the catalog module exports it.
 */
@Module({
  controllers: [CartController],
  providers: [CartService, CatalogPricingService],
  exports: [CartService, CatalogPricingService],
})
export class CartModule {}
