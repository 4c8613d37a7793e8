import { HttpStatus, Injectable } from '@nestjs/common';
import { QueryResultRow } from 'pg';
import { AppException } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { InjectAppConfig } from '../../config/app-config.module';
import { queryPrepared } from '../../database/prepared-query';
import { ReadReplicas } from '../../database/read-replicas';
import {
  buildCategoryTreeQuery,
  buildProductDetailQuery,
  buildProductListQuery,
  CategoryTreeRow,
  ProductDetailRow,
  ProductListRow,
  SqlStatement,
} from '../storefront-sql';
import { decodeProductCursor, deriveCursorKey } from './product-cursor';
import { ProductListQuery } from './product-list-query';
import { toProductPage } from './product-page';
import {
  CategoryNode,
  ProductDetail,
  ProductPage,
  toCategoryTree,
  toProductDetail,
} from './storefront.responses';

/**
 * The public catalog. Each read is exactly one SQL statement (src/catalog/storefront-sql.ts), whatever
 * the page size and filters: the statement also says whether the store exists and is active, so there
 * is no separate store lookup (and no cache of one to go stale when a store is deactivated).
 */
@Injectable()
export class StorefrontService {
  private readonly cursorKey: Buffer;

  constructor(
    @InjectAppConfig() config: AppConfig,
    private readonly replicas: ReadReplicas,
  ) {
    this.cursorKey = deriveCursorKey(config.jwtSecret);
  }

  async categoryTree(storeSlug: string): Promise<CategoryNode[]> {
    assertStorable(storeSlug);
    const row = await this.one<CategoryTreeRow>(buildCategoryTreeQuery(storeSlug));
    if (!row) throw storeNotFound();
    return toCategoryTree(row.categories);
  }

  async listProducts(storeSlug: string, query: ProductListQuery): Promise<ProductPage> {
    assertStorable(storeSlug);
    // The cursor wins over `page` (checked before the store is looked up, like every other parameter).
    const after =
      query.cursor === undefined ? undefined : decodeProductCursor(this.cursorKey, query.sort, query.cursor);
    const row = await this.one<ProductListRow>(
      buildProductListQuery({
        storeSlug,
        categorySlug: query.categorySlug,
        tagSlug: query.tagSlug,
        searchQuery: query.searchQuery,
        minPrice: query.minPrice,
        maxPrice: query.maxPrice,
        attributes: query.attributes,
        featured: query.featured,
        sort: query.sort,
        limit: query.limit,
        offset: (query.page - 1) * query.limit,
        after,
      }),
    );
    if (!row) throw storeNotFound();
    return toProductPage(row, query, this.cursorKey);
  }

  async product(storeSlug: string, productSlug: string): Promise<ProductDetail> {
    assertStorable(storeSlug);
    if (productSlug.includes('\0')) throw productNotFound();
    const row = await this.one<ProductDetailRow>(buildProductDetailQuery(storeSlug, productSlug));
    if (!row) throw storeNotFound();
    if (!row.product) throw productNotFound();
    return toProductDetail(row.product);
  }

  /**
   * The statement's first row; prepared when the builder named it (see SqlStatement.name). From a read
   * replica when there are any: the public catalog may be as old as the replica's lag (the checkout
   * re-reads prices and stock on the primary).
   */
  private async one<T>(statement: SqlStatement): Promise<T | undefined> {
    const rows = await this.replicas.run((dataSource) =>
      statement.name !== undefined
        ? queryPrepared<T & QueryResultRow>(dataSource, statement.name, statement.sql, statement.params)
        : dataSource.query<T[]>(statement.sql, statement.params),
    );
    return rows[0];
  }
}

function storeNotFound(): AppException {
  return new AppException(HttpStatus.NOT_FOUND, 'STORE_NOT_FOUND', 'Store not found');
}

function productNotFound(): AppException {
  return new AppException(HttpStatus.NOT_FOUND, 'PRODUCT_NOT_FOUND', 'Product not found');
}

/** A slug with NUL cannot exist (PostgreSQL text cannot hold it) and would make the statement fail. */
function assertStorable(storeSlug: string): void {
  if (storeSlug.includes('\0')) throw storeNotFound();
}
