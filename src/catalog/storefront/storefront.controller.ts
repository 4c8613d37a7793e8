import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/decorators/public.decorator';
import { DirectRead } from '../../common/http/direct-reads/direct-read.decorator';
import { ApiErrors } from '../../common/openapi';
import { parseProductListQuery } from './product-list-query';
import { ApiProductListQuery, ApiProductPageResponse } from './product-list-query.openapi';
import { StorefrontService } from './storefront.service';
import { TOTAL_CAP } from '../storefront-sql';
import { CategoryNode, ProductDetail, ProductPage } from './storefront.responses';

/** Public catalog reads. Only active stores, categories, products and variants are visible. */
@ApiTags('storefront')
@Public()
@ApiParam({ name: 'storeSlug', description: 'The store’s slug, e.g. `demo`' })
@ApiErrors([401, 'An Authorization header was sent and is not a valid access token (UNAUTHORIZED)'], 503)
@Controller('stores/:storeSlug')
export class StorefrontController {
  constructor(private readonly storefront: StorefrontService) {}

  @DirectRead()
  @Get('categories')
  @ApiOperation({
    summary: 'Get the store’s category tree',
    description:
      'Public. Active categories only, nested, siblings by displayOrder; an inactive category hides its subtree.',
  })
  @ApiOkResponse({ type: [CategoryNode], description: 'The root categories, each with its children' })
  @ApiErrors(400, [404, 'STORE_NOT_FOUND (unknown or inactive store)'])
  categories(@Param('storeSlug') storeSlug: string): Promise<CategoryNode[]> {
    return this.storefront.categoryTree(storeSlug);
  }

  @DirectRead()
  @Get('products')
  @ApiOperation({
    summary: 'Browse the store’s products',
    description:
      'Public. Active products as cards: filter by category (with sub-categories), tag, words, variant price range, featured and variant attributes (`attr.<key>=<value>`). ' +
      'Paged by `page` (small catalogs) or by `cursor` (`nextCursor` of the previous page: any depth costs what page 1 costs; the cursor wins when both are sent). ' +
      `Filtered totals are exact up to ${TOTAL_CAP} matches, then capped (\`totalCapped\`).`,
  })
  @ApiProductListQuery()
  @ApiProductPageResponse()
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED: a bad or unknown parameter (details lists each, by field); INVALID_CURSOR: a cursor this API did not return, or one of another sort',
    ],
    [404, 'STORE_NOT_FOUND (unknown or inactive store)'],
  )
  products(
    @Param('storeSlug') storeSlug: string,
    // The raw query object (a plain type, so the global ValidationPipe leaves it alone): `attr.*`
    // names are open-ended and parseProductListQuery validates everything.
    @Query() query: Record<string, unknown>,
  ): Promise<ProductPage> {
    return this.storefront.listProducts(storeSlug, parseProductListQuery(query));
  }

  @DirectRead()
  @Get('products/:productSlug')
  @ApiOperation({
    summary: 'Get a product by slug',
    description:
      'Public. An active product with its images and active variants (price and what is available now).',
  })
  @ApiParam({ name: 'productSlug', description: 'The product’s slug' })
  @ApiOkResponse({ type: ProductDetail })
  @ApiErrors(400, [404, 'STORE_NOT_FOUND or PRODUCT_NOT_FOUND'])
  product(
    @Param('storeSlug') storeSlug: string,
    @Param('productSlug') productSlug: string,
  ): Promise<ProductDetail> {
    return this.storefront.product(storeSlug, productSlug);
  }
}
