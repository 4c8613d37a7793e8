import { isForeignKeyViolation, isUniqueViolation } from '../../common/database-errors';
import { AppException } from '../../common/errors';

/** Unique keys whose violation the client gets as a named conflict (the database decides races). */
const UNIQUE_CODES: Record<string, { code: string; message: string; field: string }> = {
  uq_categories_store_slug: {
    code: 'SLUG_TAKEN',
    message: 'Another category of this store has this slug',
    field: 'slug',
  },
  uq_tags_store_slug: {
    code: 'SLUG_TAKEN',
    message: 'Another tag of this store has this slug',
    field: 'slug',
  },
  uq_products_store_slug: {
    code: 'SLUG_TAKEN',
    message: 'Another product of this store has this slug',
    field: 'slug',
  },
  uq_product_variants_store_sku: {
    code: 'SKU_TAKEN',
    message: 'Another variant of this store has this SKU',
    field: 'sku',
  },
};

/** Foreign keys a write can break when the referenced row vanished concurrently. */
const REFERENCE_FIELDS: Record<string, string> = {
  fk_categories_parent: 'parentId',
  fk_products_category: 'categoryId',
  fk_product_tags_tag: 'tagIds',
};

export function notFound(
  entity: 'store' | 'category' | 'tag' | 'product' | 'variant' | 'image',
): AppException {
  const name = entity === 'image' ? 'Product image' : entity[0].toUpperCase() + entity.slice(1);
  return new AppException(404, `${entity.toUpperCase()}_NOT_FOUND`, `${name} not found`);
}

/** A body field naming rows that do not exist in this store (another store's ids included). */
export function referenceNotFound(field: string, ids: string[]): AppException {
  return new AppException(
    400,
    'REFERENCE_NOT_FOUND',
    `${field} refers to something that is not in this store`,
    {
      field,
      ids,
    },
  );
}

/** Runs `work`, turning the catalog's constraint violations into the contract's codes. */
export async function mapCatalogErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    for (const [constraint, named] of Object.entries(UNIQUE_CODES)) {
      if (isUniqueViolation(error, constraint)) {
        throw new AppException(409, named.code, named.message, { field: named.field });
      }
    }
    for (const [constraint, field] of Object.entries(REFERENCE_FIELDS)) {
      if (isForeignKeyViolation(error, constraint)) throw referenceNotFound(field, []);
    }
    if (
      ['fk_categories_store', 'fk_tags_store', 'fk_products_store', 'fk_product_variants_store'].some((c) =>
        isForeignKeyViolation(error, c),
      )
    ) {
      throw notFound('store');
    }
    throw error;
  }
}
