import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { InventoryModule } from '../inventory/inventory.module';
import { StoresModule } from '../stores/stores.module';
import { CategoriesController } from './admin/categories.controller';
import { CategoriesService } from './admin/categories.service';
import { ProductImagesController } from './admin/product-images.controller';
import { ProductImagesService } from './admin/product-images.service';
import { ProductsController } from './admin/products.controller';
import { ProductsService } from './admin/products.service';
import { TagsController } from './admin/tags.controller';
import { TagsService } from './admin/tags.service';
import { VariantsController } from './admin/variants.controller';
import { VariantsService } from './admin/variants.service';
import { CatalogPricingService } from './catalog-pricing.service';
import { VariantStoreResolver } from './variant-store.resolver';

/**
 * Catalog administration: categories, tags, products, variants, images (all under
 * /api/admin/stores/:storeId). Exports CatalogPricingService, the catalog's read side for carts and
 * checkout (current prices and stock).
 */
@Module({
  imports: [StoresModule, InventoryModule, EventsModule],
  controllers: [
    CategoriesController,
    TagsController,
    ProductsController,
    VariantsController,
    ProductImagesController,
  ],
  providers: [
    CategoriesService,
    VariantStoreResolver,
    TagsService,
    ProductsService,
    VariantsService,
    ProductImagesService,
    CatalogPricingService,
  ],
  exports: [CatalogPricingService],
})
export class CatalogModule {}
