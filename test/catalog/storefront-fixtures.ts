/**
 * A small, fully known catalog for the storefront tests, written with plain SQL (the admin API belongs
 * to another module and is not what these tests are about).
 */
import { ClientBase } from 'pg';

export async function insertStore(sql: ClientBase, slug: string, isActive = true): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO stores (slug, name, is_active) VALUES ($1, $2, $3) RETURNING id`,
    [slug, `Store ${slug}`, isActive],
  );
  return rows[0].id;
}

export async function insertCategory(
  sql: ClientBase,
  storeId: string,
  slug: string,
  options: { name?: string; parentId?: string | null; displayOrder?: number; isActive?: boolean } = {},
): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO categories (store_id, name, slug, parent_id, display_order, is_active)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      storeId,
      options.name ?? slug.charAt(0).toUpperCase() + slug.slice(1),
      slug,
      options.parentId ?? null,
      options.displayOrder ?? 0,
      options.isActive ?? true,
    ],
  );
  return rows[0].id;
}

export async function insertTag(sql: ClientBase, storeId: string, slug: string): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO tags (store_id, name, slug) VALUES ($1, $2, $3) RETURNING id`,
    [storeId, slug, slug],
  );
  return rows[0].id;
}

export interface VariantSpec {
  sku: string;
  attributes: Record<string, string>;
  /** Decimal string, e.g. "2.50" or "-5.00". */
  adjustment?: string;
  quantity?: number;
  reserved?: number;
  isActive?: boolean;
  imageUrl?: string;
}

export interface ProductSpec {
  slug: string;
  name: string;
  basePrice: string;
  description?: string;
  categoryId?: string | null;
  isActive?: boolean;
  isFeatured?: boolean;
  /** Days before now: controls the default newest-first order. */
  ageDays: number;
  tagIds?: string[];
  images?: Array<{ url: string; altText?: string; displayOrder: number }>;
  variants?: VariantSpec[];
}

export async function insertProduct(sql: ClientBase, storeId: string, spec: ProductSpec): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO products (store_id, name, slug, description, category_id, base_price, is_active, is_featured,
                           created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - make_interval(days => $9)) RETURNING id`,
    [
      storeId,
      spec.name,
      spec.slug,
      spec.description ?? null,
      spec.categoryId ?? null,
      spec.basePrice,
      spec.isActive ?? true,
      spec.isFeatured ?? false,
      spec.ageDays,
    ],
  );
  const productId = rows[0].id;
  for (const tagId of spec.tagIds ?? []) {
    await sql.query(`INSERT INTO product_tags (product_id, tag_id) VALUES ($1, $2)`, [productId, tagId]);
  }
  for (const image of spec.images ?? []) {
    await sql.query(
      `INSERT INTO product_images (product_id, image_url, alt_text, display_order) VALUES ($1, $2, $3, $4)`,
      [productId, image.url, image.altText ?? null, image.displayOrder],
    );
  }
  for (const [index, variant] of (spec.variants ?? []).entries()) {
    const { rows: variantRows } = await sql.query<{ id: string }>(
      `INSERT INTO product_variants (store_id, product_id, sku, name, attributes, price_adjustment, is_active,
                                     image_url, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(secs => $9)) RETURNING id`,
      [
        storeId,
        productId,
        variant.sku,
        Object.values(variant.attributes).join(' / '),
        JSON.stringify(variant.attributes),
        variant.adjustment ?? '0',
        variant.isActive ?? true,
        variant.imageUrl ?? null,
        index,
      ],
    );
    await sql.query(`INSERT INTO inventory (variant_id, quantity, reserved) VALUES ($1, $2, $3)`, [
      variantRows[0].id,
      variant.quantity ?? 0,
      variant.reserved ?? 0,
    ]);
  }
  return productId;
}
