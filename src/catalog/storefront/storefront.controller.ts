import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/decorators/public.decorator';
import { Paginated } from '../../common/pagination';
import { PRODUCT_SORTS } from '../storefront-sql';
import { parseProductListQuery } from './product-list-query';
import { StorefrontService } from './storefront.service';
import { CategoryNode, ProductCard, ProductDetail } from './storefront.responses';

/** Public catalog reads. Only active stores, categories, products and variants are visible. */
@ApiTags('storefront')
@Public()
@Controller('stores/:storeSlug')
export class StorefrontController {
  constructor(private readonly storefront: StorefrontService) {}

  @Get('categories')
  @ApiOperation({ summary: 'Active category tree: [{id, name, slug, children}] by displayOrder' })
  categories(@Param('storeSlug') storeSlug: string): Promise<CategoryNode[]> {
    return this.storefront.categoryTree(storeSlug);
  }

  @Get('products')
  @ApiOperation({ summary: 'Active products, filtered, sorted and paged' })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1-100, default 24' })
  @ApiQuery({ name: 'category', required: false, description: 'Category slug (includes sub-categories)' })
  @ApiQuery({ name: 'tag', required: false, description: 'Tag slug' })
  @ApiQuery({ name: 'q', required: false, description: 'Words in name or description (prefix match)' })
  @ApiQuery({ name: 'minPrice', required: false, description: 'Variant price at least, e.g. "10.00"' })
  @ApiQuery({ name: 'maxPrice', required: false, description: 'Variant price at most, e.g. "49.99"' })
  @ApiQuery({ name: 'featured', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'sort', required: false, enum: PRODUCT_SORTS })
  @ApiQuery({
    name: 'attr.<key>',
    required: false,
    description: 'Variant attribute, e.g. attr.color=red (up to 5; one variant must match them all)',
  })
  products(
    @Param('storeSlug') storeSlug: string,
    // The raw query object (a plain type, so the global ValidationPipe leaves it alone): `attr.*`
    // names are open-ended and parseProductListQuery validates everything.
    @Query() query: Record<string, unknown>,
  ): Promise<Paginated<ProductCard>> {
    return this.storefront.listProducts(storeSlug, parseProductListQuery(query));
  }

  @Get('products/:productSlug')
  @ApiOperation({ summary: 'One active product with its images and active variants' })
  product(
    @Param('storeSlug') storeSlug: string,
    @Param('productSlug') productSlug: string,
  ): Promise<ProductDetail> {
    return this.storefront.product(storeSlug, productSlug);
  }
}
