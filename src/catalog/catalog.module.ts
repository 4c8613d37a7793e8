import { Module } from '@nestjs/common';

/** Catalog administration: categories, tags, products, variants, images (all under /api/admin/stores/:storeId). */
@Module({})
export class CatalogModule {}
