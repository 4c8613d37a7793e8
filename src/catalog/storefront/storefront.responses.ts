import { ApiProperty } from '@nestjs/swagger';
import { ApiMetadata } from '../../common/metadata/metadata.openapi';
import { formatMoney } from '../../common/money';
import { ApiMoney } from '../../common/openapi';
import { CategoryTreeRow, ProductCardRow, ProductDetailRow } from '../storefront-sql';

/**
 * The public JSON shapes (API.md "Stores and catalog (public)"). Money is a "19.99" string. Classes only
 * for the OpenAPI document and typing: the functions below build plain object literals of these types
 * (no instance is ever made on this hot path), so the JSON is exactly what they write.
 */
export class CategoryNode {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ type: () => [CategoryNode], description: 'Active sub-categories, by displayOrder' })
  children: CategoryNode[];
}

export class PriceRange {
  @ApiMoney({ description: 'Cheapest active variant' }) min: string;
  @ApiMoney({ description: 'Dearest active variant' }) max: string;
}

export class ProductCardCategory {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

export class ProductCard {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiMoney() basePrice: string;
  @ApiProperty({ type: PriceRange }) priceRange: PriceRange;
  @ApiProperty({ type: ProductCardCategory, nullable: true, description: 'null when uncategorised' })
  category: ProductCardCategory | null;
  @ApiProperty({ type: [String], description: 'Tag slugs' }) tags: string[];
  @ApiProperty({ type: String, format: 'uri', nullable: true, description: 'The first image’s URL' })
  image: string | null;
  @ApiProperty({ description: 'Some active variant has stock available' }) inStock: boolean;
}

export class ProductImageView {
  @ApiProperty({ format: 'uri' }) url: string;
  @ApiProperty({ type: String, nullable: true }) altText: string | null;
}

export class ProductVariantView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() sku: string;
  @ApiProperty() name: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { size: 'L', color: 'black' },
  })
  attributes: Record<string, string>;
  @ApiMoney({ description: 'basePrice + the variant’s adjustment' }) price: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Units that can be bought now' })
  available: number;
  @ApiProperty({ type: String, format: 'uri', nullable: true }) imageUrl: string | null;
}

export class ProductDetail extends ProductCard {
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true }) metaTitle: string | null;
  @ApiProperty({ type: String, nullable: true }) metaDescription: string | null;
  @ApiProperty() featured: boolean;
  /** On the detail only: a listing stays lean. */
  @ApiMetadata() metadata: Record<string, string>;
  @ApiProperty({ type: [ProductImageView], description: 'By displayOrder' }) images: ProductImageView[];
  @ApiProperty({ type: [ProductVariantView], description: 'Active variants' })
  variants: ProductVariantView[];
}

/**
 * A page of the listing: the API's `{ items, total, page, limit }` plus keyset pagination and the
 * total's precision (documented by ApiProductPageResponse).
 */
export interface ProductPage {
  items: ProductCard[];
  total: number;
  page: number;
  limit: number;
  /** true: at least `total` products match (counting stopped at TOTAL_CAP). */
  totalCapped: boolean;
  /** Another page follows this one. */
  hasMore: boolean;
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

type DetailRow = NonNullable<ProductDetailRow['product']>;

/**
 * Plain functions rather than class-transformer: these run for every product of every page, and the
 * rows already have the right shape apart from money (minor units → strings).
 */
export function toProductCard(row: ProductCardRow): ProductCard {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    basePrice: formatMoney(row.basePrice),
    priceRange: { min: formatMoney(row.minPrice), max: formatMoney(row.maxPrice) },
    category: row.category,
    tags: row.tags,
    image: row.image,
    inStock: row.inStock,
  };
}

export function toProductDetail(row: DetailRow): ProductDetail {
  return {
    ...toProductCard(row),
    description: row.description,
    metaTitle: row.metaTitle,
    metaDescription: row.metaDescription,
    featured: row.featured,
    metadata: row.metadata,
    images: row.images,
    variants: row.variants.map((variant) => ({
      id: variant.id,
      sku: variant.sku,
      name: variant.name,
      attributes: variant.attributes,
      price: formatMoney(variant.price),
      available: variant.available,
      imageUrl: variant.imageUrl,
    })),
  };
}

/**
 * Nests the flat, ordered category list. Siblings keep the list's order (displayOrder, then name). A
 * category whose parent is not in the list (inactive) is hidden with it: hiding a category hides its
 * subtree, the same rule the `category` filter follows.
 */
export function toCategoryTree(categories: CategoryTreeRow['categories']): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>();
  for (const category of categories) {
    nodes.set(category.id, { id: category.id, name: category.name, slug: category.slug, children: [] });
  }
  const roots: CategoryNode[] = [];
  for (const category of categories) {
    const node = nodes.get(category.id) as CategoryNode;
    if (category.parentId === null) roots.push(node);
    else nodes.get(category.parentId)?.children.push(node);
  }
  return roots;
}
