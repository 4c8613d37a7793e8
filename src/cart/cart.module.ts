import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { CartController } from './cart.controller';
import { CartService } from './cart.service';
import { CartItem } from './entities/cart-item.entity';
import { Cart } from './entities/cart.entity';
import { GuestCartMergeSubscriber } from './guest-cart-merge.subscriber';
import { GuestCartRetention } from './guest-cart-retention';

/**
 * Carts per store, for customers and guests. CatalogPricingService (current prices and stock) comes
 * from CatalogModule, which this module re-exports for checkout. A guest cart is handed to the
 * customer who signs in by GuestCartMergeSubscriber (auth records `customer.signed_in`).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Cart, CartItem]), CatalogModule],
  controllers: [CartController],
  providers: [CartService, GuestCartMergeSubscriber, GuestCartRetention],
  exports: [CartService, CatalogModule, GuestCartRetention],
})
export class CartModule {}
