import { DataSource } from 'typeorm';
import { Category } from '../catalog/entities/category.entity';
import { ProductImage } from '../catalog/entities/product-image.entity';
import { ProductTag } from '../catalog/entities/product-tag.entity';
import { ProductVariant } from '../catalog/entities/product-variant.entity';
import { Product } from '../catalog/entities/product.entity';
import { Tag } from '../catalog/entities/tag.entity';
import { generateSku } from '../catalog/sku';
import { parseMoney } from '../common/money';
import { slugify } from '../common/slug';
import { inTransaction } from '../database/transactions';
import { Inventory } from '../inventory/entities/inventory.entity';
import { Store } from '../stores/entities/store.entity';
import { DEMO_CATEGORIES, DEMO_PRODUCTS, DEMO_STORE, DEMO_TAGS } from './demo-catalog';

export interface DemoSeedResult {
  storeId: string;
  products: number;
  variants: number;
}

/**
 * Fills the demo store (one transaction: all or nothing). Returns null without touching anything when
 * any store exists already, so it only ever seeds an empty database.
 */
export async function seedDemoStore(dataSource: DataSource): Promise<DemoSeedResult | null> {
  // Safe to re-run: every counter and map starts afresh in the closure.
  return inTransaction(dataSource, async (tx) => {
    // Serialise concurrent first starts of several instances on one database.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('demo-seed'))`);
    if ((await tx.getRepository(Store).count()) > 0) return null;

    const store = await tx.getRepository(Store).save(
      tx.getRepository(Store).create({
        slug: DEMO_STORE.slug,
        name: DEMO_STORE.name,
        currency: DEMO_STORE.currency,
        taxRate: DEMO_STORE.taxRate,
        shippingFlat: parseMoney(DEMO_STORE.shippingFlat),
      }),
    );

    const categories = new Map<string, Category>();
    let order = 0;
    for (const parent of DEMO_CATEGORIES) {
      const saved = await tx.getRepository(Category).save(
        tx.getRepository(Category).create({
          storeId: store.id,
          name: parent.name,
          slug: slugify(parent.name),
          displayOrder: order++,
        }),
      );
      categories.set(parent.name, saved);
      let childOrder = 0;
      for (const child of parent.children) {
        categories.set(
          child,
          await tx.getRepository(Category).save(
            tx.getRepository(Category).create({
              storeId: store.id,
              name: child,
              slug: slugify(child),
              parentId: saved.id,
              displayOrder: childOrder++,
            }),
          ),
        );
      }
    }

    const tags = new Map<string, Tag>();
    for (const name of DEMO_TAGS) {
      tags.set(
        name,
        await tx
          .getRepository(Tag)
          .save(tx.getRepository(Tag).create({ storeId: store.id, name, slug: slugify(name) })),
      );
    }

    let variantCount = 0;
    for (const [index, demo] of DEMO_PRODUCTS.entries()) {
      const category = categories.get(demo.category);
      if (!category) throw new Error(`Demo product ${demo.name} names an unknown category ${demo.category}`);
      const slug = slugify(demo.name);
      const product = await tx.getRepository(Product).save(
        tx.getRepository(Product).create({
          storeId: store.id,
          name: demo.name,
          slug,
          description: demo.description,
          categoryId: category.id,
          basePrice: parseMoney(demo.basePrice),
          isFeatured: demo.featured ?? false,
          metaTitle: `${demo.name} | ${DEMO_STORE.name}`,
          // Spread creation times so "newest" sorting is meaningful.
          createdAt: new Date(Date.UTC(2026, 0, 1 + index)),
        }),
      );
      await tx.getRepository(ProductImage).insert(
        [0, 1].map((n) => ({
          productId: product.id,
          imageUrl: `https://images.example.com/demo/${slug}-${n + 1}.jpg`,
          altText: n === 0 ? demo.name : `${demo.name}, detail`,
          displayOrder: n,
        })),
      );
      if (demo.tags.length > 0) {
        await tx.getRepository(ProductTag).insert(
          demo.tags.map((name) => {
            const tag = tags.get(name);
            if (!tag) throw new Error(`Demo product ${demo.name} names an unknown tag ${name}`);
            return { productId: product.id, tagId: tag.id };
          }),
        );
      }
      for (const variant of demo.variants) {
        const saved = await tx.getRepository(ProductVariant).save(
          tx.getRepository(ProductVariant).create({
            storeId: store.id,
            productId: product.id,
            sku: generateSku(category.name, product.id, variant.attributes),
            name: variant.name,
            attributes: variant.attributes,
            priceAdjustment: parseMoney(variant.priceAdjustment ?? '0'),
          }),
        );
        await tx
          .getRepository(Inventory)
          .insert({ variantId: saved.id, quantity: variant.stock, lowStockThreshold: 5 });
        variantCount++;
      }
    }
    return { storeId: store.id, products: DEMO_PRODUCTS.length, variants: variantCount };
  });
}
