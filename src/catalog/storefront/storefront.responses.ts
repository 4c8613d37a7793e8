import { formatMoney } from '../../common/money';
import { CategoryTreeRow, ProductCardRow, ProductDetailRow } from '../storefront-sql';

/** The public JSON shapes (API.md "Stores and catalog (public)"). Money is a "19.99" string. */
export interface CategoryNode {
  id: string;
  name: string;
  slug: string;
  children: CategoryNode[];
}

export interface ProductCard {
  id: string;
  slug: string;
  name: string;
  basePrice: string;
  priceRange: { min: string; max: string };
  category: { slug: string; name: string } | null;
  tags: string[];
  image: string | null;
  inStock: boolean;
}

export interface ProductDetail extends ProductCard {
  description: string | null;
  metaTitle: string | null;
  metaDescription: string | null;
  featured: boolean;
  images: Array<{ url: string; altText: string | null }>;
  variants: Array<{
    id: string;
    sku: string;
    name: string;
    attributes: Record<string, string>;
    price: string;
    available: number;
    imageUrl: string | null;
  }>;
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
