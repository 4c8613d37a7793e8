import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { CartController } from './cart.controller';
import { CartService } from './cart.service';
import { CartItem } from './entities/cart-item.entity';
import { Cart } from './entities/cart.entity';

/**
 * Carts per store, for customers and guests. CatalogPricingService (current prices and stock) comes
 * from CatalogModule, which this module re-exports for checkout.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Cart, CartItem]), CatalogModule],
  controllers: [CartController],
  providers: [CartService],
  exports: [CartService, CatalogModule],
})
export class CartModule {}
