import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 0001 — the legacy baseline: the store-scoped schema exactly as it ran before the integrity cleanup.
 *
 * Known defects, fixed by the migrations that follow (and the reason this one must stay as it is):
 * - catalog `store_id` columns (categories, tags, products, product_variants) have no foreign key,
 *   and neither do product_variants.product_id and order_items.order_id/product_id/variant_id (0002);
 * - slugs are not unique per store and order_items has no indexes (0003);
 * - SKUs, discount codes and emails are unique globally and case-sensitively instead of per store (0005);
 * - `store_customers.orders` duplicates the orders as a JSONB array of summaries (0004).
 *
 * A database that already has this shape adopts the project by recording this migration as applied
 * (see docs/migrations.md); a new database runs it.
 */
export class LegacyBaseline1000000000001 implements MigrationInterface {
  name = 'LegacyBaseline1000000000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION update_updated_at_column() RETURNS TRIGGER AS $$
      BEGIN
        NEW.updated_at = NOW();
        RETURN NEW;
      END;
      $$ LANGUAGE plpgsql`);

    await q.query(`
      CREATE TABLE stores (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        slug TEXT NOT NULL,
        name TEXT NOT NULL,
        currency CHAR(3) NOT NULL DEFAULT 'USD',
        tax_rate DECIMAL(5, 4) NOT NULL DEFAULT 0,
        shipping_flat DECIMAL(10, 2) NOT NULL DEFAULT 0,
        is_active BOOLEAN NOT NULL DEFAULT TRUE,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT stores_pkey PRIMARY KEY (id),
        CONSTRAINT chk_stores_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT chk_stores_tax_rate CHECK (tax_rate >= 0 AND tax_rate <= 1),
        CONSTRAINT chk_stores_shipping_flat CHECK (shipping_flat >= 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_stores_slug ON stores (slug)`);

    await q.query(`
      CREATE TABLE profiles (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        email TEXT NOT NULL,
        full_name TEXT,
        phone TEXT,
        role TEXT NOT NULL DEFAULT 'customer',
        email_verified BOOLEAN NOT NULL DEFAULT FALSE,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT profiles_pkey PRIMARY KEY (id),
        CONSTRAINT profiles_email_key UNIQUE (email),
        CONSTRAINT chk_profiles_role CHECK (role IN ('customer', 'admin', 'super_admin'))
      )`);
    await q.query(`CREATE INDEX idx_profiles_role ON profiles (role)`);
    await q.query(`CREATE INDEX idx_profiles_email ON profiles (email)`);

    await q.query(`
      CREATE TABLE addresses (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        user_id UUID NOT NULL,
        full_name TEXT NOT NULL,
        phone TEXT NOT NULL,
        address_line1 TEXT NOT NULL,
        address_line2 TEXT,
        city TEXT NOT NULL,
        state TEXT NOT NULL,
        postal_code TEXT NOT NULL,
        country TEXT NOT NULL DEFAULT 'US',
        is_default BOOLEAN NOT NULL DEFAULT FALSE,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT addresses_pkey PRIMARY KEY (id),
        CONSTRAINT fk_addresses_user FOREIGN KEY (user_id) REFERENCES profiles (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX idx_addresses_user ON addresses (user_id)`);
    await q.query(`CREATE INDEX idx_addresses_default ON addresses (user_id, is_default)`);

    // Catalog: store_id without a foreign key, slugs without uniqueness (the defects 0002/0003 fix).
    await q.query(`
      CREATE TABLE categories (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        store_id UUID NOT NULL,
        name TEXT NOT NULL,
        slug TEXT NOT NULL,
        description TEXT,
        parent_id UUID,
        image_url TEXT,
        is_active BOOLEAN NOT NULL DEFAULT TRUE,
        display_order INTEGER NOT NULL DEFAULT 0,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT categories_pkey PRIMARY KEY (id),
        CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX idx_categories_parent ON categories (parent_id)`);
    await q.query(`CREATE INDEX idx_categories_slug ON categories (slug)`);
    await q.query(`CREATE INDEX idx_categories_active ON categories (is_active)`);

    await q.query(`
      CREATE TABLE tags (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        store_id UUID NOT NULL,
        name TEXT NOT NULL,
        slug TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT tags_pkey PRIMARY KEY (id)
      )`);

    await q.query(`
      CREATE TABLE products (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        store_id UUID NOT NULL,
        name TEXT NOT NULL,
        slug TEXT NOT NULL,
        description TEXT,
        category_id UUID,
        base_price DECIMAL(10, 2) NOT NULL,
        is_active BOOLEAN NOT NULL DEFAULT TRUE,
        is_featured BOOLEAN NOT NULL DEFAULT FALSE,
        meta_title TEXT,
        meta_description TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT products_pkey PRIMARY KEY (id),
        CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE SET NULL,
        CONSTRAINT chk_products_base_price CHECK (base_price >= 0)
      )`);
    await q.query(`CREATE INDEX idx_products_category ON products (category_id)`);
    await q.query(`CREATE INDEX idx_products_slug ON products (slug)`);
    await q.query(`CREATE INDEX idx_products_active ON products (is_active)`);
    await q.query(`CREATE INDEX idx_products_featured ON products (is_featured)`);

    await q.query(`
      CREATE TABLE product_tags (
        product_id UUID NOT NULL,
        tag_id UUID NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT product_tags_pkey PRIMARY KEY (product_id, tag_id),
        CONSTRAINT fk_product_tags_product FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE,
        CONSTRAINT fk_product_tags_tag FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX idx_product_tags_tag ON product_tags (tag_id)`);

    await q.query(`
      CREATE TABLE product_images (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        product_id UUID NOT NULL,
        image_url TEXT NOT NULL,
        alt_text TEXT,
        display_order INTEGER NOT NULL DEFAULT 0,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT product_images_pkey PRIMARY KEY (id),
        CONSTRAINT fk_product_images_product FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX idx_product_images_product ON product_images (product_id)`);

    await q.query(`
      CREATE TABLE product_variants (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        store_id UUID NOT NULL,
        product_id UUID NOT NULL,
        sku TEXT NOT NULL,
        name TEXT NOT NULL,
        attributes JSONB NOT NULL DEFAULT '{}',
        price_adjustment DECIMAL(10, 2) NOT NULL DEFAULT 0,
        image_url TEXT,
        is_active BOOLEAN NOT NULL DEFAULT TRUE,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT product_variants_pkey PRIMARY KEY (id),
        CONSTRAINT product_variants_sku_key UNIQUE (sku)
      )`);
    await q.query(`CREATE INDEX idx_product_variants_product ON product_variants (product_id)`);
    await q.query(`CREATE INDEX idx_product_variants_sku ON product_variants (sku)`);
    await q.query(`CREATE INDEX idx_product_variants_active ON product_variants (is_active)`);
    await q.query(`CREATE INDEX idx_product_variants_attributes ON product_variants USING GIN (attributes)`);

    await q.query(`
      CREATE TABLE inventory (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        variant_id UUID NOT NULL,
        quantity INTEGER NOT NULL DEFAULT 0,
        reserved INTEGER NOT NULL DEFAULT 0,
        low_stock_threshold INTEGER NOT NULL DEFAULT 10,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT inventory_pkey PRIMARY KEY (id),
        CONSTRAINT uq_inventory_variant_id UNIQUE (variant_id),
        CONSTRAINT fk_inventory_variant FOREIGN KEY (variant_id) REFERENCES product_variants (id) ON DELETE CASCADE,
        CONSTRAINT chk_inventory_quantity CHECK (quantity >= 0),
        CONSTRAINT chk_inventory_reserved CHECK (reserved >= 0)
      )`);
    await q.query(`CREATE INDEX idx_inventory_variant ON inventory (variant_id)`);
    await q.query(
      `CREATE INDEX idx_inventory_low_stock ON inventory (quantity) WHERE quantity <= low_stock_threshold`,
    );

    await q.query(`
      CREATE TABLE carts (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        store_id UUID NOT NULL,
        user_id UUID,
        session_id TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT carts_pkey PRIMARY KEY (id),
        CONSTRAINT fk_carts_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
        CONSTRAINT fk_carts_user FOREIGN KEY (user_id) REFERENCES profiles (id) ON DELETE CASCADE,
        CONSTRAINT chk_carts_owner CHECK (user_id IS NOT NULL OR session_id IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_carts_store_user ON carts (store_id, user_id)`);
    await q.query(`CREATE UNIQUE INDEX uq_carts_store_session ON carts (store_id, session_id)`);
    await q.query(`CREATE INDEX idx_carts_user ON carts (user_id)`);
    await q.query(`CREATE INDEX idx_carts_session ON carts (session_id)`);

    await q.query(`
      CREATE TABLE cart_items (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        cart_id UUID NOT NULL,
        variant_id UUID NOT NULL,
        quantity INTEGER NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT cart_items_pkey PRIMARY KEY (id),
        CONSTRAINT fk_cart_items_cart FOREIGN KEY (cart_id) REFERENCES carts (id) ON DELETE CASCADE,
        CONSTRAINT fk_cart_items_variant FOREIGN KEY (variant_id) REFERENCES product_variants (id) ON DELETE CASCADE,
        CONSTRAINT chk_cart_items_quantity CHECK (quantity > 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_cart_items_cart_variant ON cart_items (cart_id, variant_id)`);
    await q.query(`CREATE INDEX idx_cart_items_cart ON cart_items (cart_id)`);
    await q.query(`CREATE INDEX idx_cart_items_variant ON cart_items (variant_id)`);

    await q.query(`
      CREATE TABLE discounts (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        store_id UUID NOT NULL,
        code TEXT NOT NULL,
        type TEXT NOT NULL,
        value DECIMAL(10, 2) NOT NULL,
        min_purchase_amount DECIMAL(10, 2) NOT NULL DEFAULT 0,
        max_uses INTEGER,
        times_used INTEGER NOT NULL DEFAULT 0,
        is_active BOOLEAN NOT NULL DEFAULT TRUE,
        starts_at TIMESTAMPTZ,
        expires_at TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT discounts_pkey PRIMARY KEY (id),
        CONSTRAINT discounts_code_key UNIQUE (code),
        CONSTRAINT fk_discounts_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
        CONSTRAINT chk_discounts_type CHECK (type IN ('percentage', 'fixed')),
        CONSTRAINT chk_discounts_value CHECK (value > 0),
        CONSTRAINT chk_discounts_percentage CHECK (type <> 'percentage' OR value <= 100),
        CONSTRAINT chk_discounts_min_purchase CHECK (min_purchase_amount >= 0),
        CONSTRAINT chk_discounts_uses CHECK (
          times_used >= 0 AND (max_uses IS NULL OR (max_uses > 0 AND times_used <= max_uses))
        ),
        CONSTRAINT chk_discounts_window CHECK (starts_at IS NULL OR expires_at IS NULL OR starts_at < expires_at)
      )`);
    await q.query(`CREATE INDEX idx_discounts_code ON discounts (code)`);
    await q.query(`CREATE INDEX idx_discounts_active ON discounts (is_active)`);

    await q.query(`
      CREATE TABLE orders (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        store_id UUID NOT NULL,
        user_id UUID NOT NULL,
        order_number TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        currency CHAR(3) NOT NULL DEFAULT 'USD',
        subtotal DECIMAL(10, 2) NOT NULL,
        discount_amount DECIMAL(10, 2) NOT NULL DEFAULT 0,
        tax_amount DECIMAL(10, 2) NOT NULL DEFAULT 0,
        shipping_amount DECIMAL(10, 2) NOT NULL DEFAULT 0,
        total DECIMAL(10, 2) NOT NULL,
        shipping_address_id UUID,
        discount_id UUID,
        discount_code TEXT,
        payment_status TEXT NOT NULL DEFAULT 'unpaid',
        payment_method TEXT,
        payment_intent_id TEXT,
        notes TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT orders_pkey PRIMARY KEY (id),
        CONSTRAINT fk_orders_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE RESTRICT,
        CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES profiles (id) ON DELETE RESTRICT,
        CONSTRAINT fk_orders_shipping_address FOREIGN KEY (shipping_address_id)
          REFERENCES addresses (id) ON DELETE RESTRICT,
        CONSTRAINT fk_orders_discount FOREIGN KEY (discount_id) REFERENCES discounts (id) ON DELETE SET NULL,
        CONSTRAINT chk_orders_status CHECK (
          status IN ('pending', 'paid', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded')
        ),
        CONSTRAINT chk_orders_payment_status CHECK (payment_status IN ('unpaid', 'paid', 'refunded', 'failed')),
        CONSTRAINT chk_orders_amounts CHECK (
          subtotal >= 0 AND discount_amount >= 0 AND tax_amount >= 0 AND shipping_amount >= 0 AND total >= 0
        )
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_orders_order_number ON orders (order_number)`);
    await q.query(`CREATE INDEX idx_orders_user ON orders (user_id)`);
    await q.query(`CREATE INDEX idx_orders_number ON orders (order_number)`);
    await q.query(`CREATE INDEX idx_orders_status ON orders (status)`);
    await q.query(`CREATE INDEX idx_orders_created ON orders (created_at DESC)`);
    await q.query(`CREATE INDEX idx_orders_store_created ON orders (store_id, created_at)`);

    // order_items: no foreign keys and no indexes in the legacy shape (0002 and 0003 add them).
    await q.query(`
      CREATE TABLE order_items (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        order_id UUID NOT NULL,
        product_id UUID NOT NULL,
        variant_id UUID NOT NULL,
        product_name TEXT NOT NULL,
        variant_name TEXT NOT NULL,
        sku TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        unit_price DECIMAL(10, 2) NOT NULL,
        total_price DECIMAL(10, 2) NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT order_items_pkey PRIMARY KEY (id),
        CONSTRAINT chk_order_items_quantity CHECK (quantity > 0),
        CONSTRAINT chk_order_items_prices CHECK (unit_price >= 0 AND total_price >= 0)
      )`);

    // The legacy duplicate of each customer's orders (0004 replaces it with a view over `orders`).
    await q.query(`
      CREATE TABLE store_customers (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        store_id UUID NOT NULL,
        profile_id UUID NOT NULL,
        orders JSONB NOT NULL DEFAULT '[]',
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT store_customers_pkey PRIMARY KEY (id),
        CONSTRAINT fk_store_customers_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
        CONSTRAINT fk_store_customers_profile FOREIGN KEY (profile_id) REFERENCES profiles (id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_store_customers_store_profile ON store_customers (store_id, profile_id)`,
    );
    await q.query(`CREATE INDEX idx_store_customers_profile ON store_customers (profile_id)`);

    await q.query(`
      CREATE TABLE logs (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        store_id UUID,
        user_id UUID,
        action TEXT NOT NULL,
        entity_type TEXT,
        entity_id UUID,
        details JSONB,
        ip_address INET,
        user_agent TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT logs_pkey PRIMARY KEY (id),
        CONSTRAINT fk_logs_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE SET NULL,
        CONSTRAINT fk_logs_user FOREIGN KEY (user_id) REFERENCES profiles (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX idx_logs_user ON logs (user_id)`);
    await q.query(`CREATE INDEX idx_logs_entity ON logs (entity_type, entity_id)`);
    await q.query(`CREATE INDEX idx_logs_created ON logs (created_at DESC)`);
    await q.query(`CREATE INDEX idx_logs_store ON logs (store_id)`);

    await q.query(`
      CREATE TABLE admin_invitations (
        id UUID NOT NULL DEFAULT gen_random_uuid(),
        email TEXT NOT NULL,
        token TEXT NOT NULL,
        created_by UUID NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        used_at TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
        CONSTRAINT admin_invitations_pkey PRIMARY KEY (id),
        CONSTRAINT fk_admin_invitations_created_by FOREIGN KEY (created_by) REFERENCES profiles (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_admin_invitations_token ON admin_invitations (token)`);
    await q.query(`CREATE INDEX idx_admin_invitations_email ON admin_invitations (email)`);

    for (const table of UPDATED_AT_TABLES) {
      await q.query(
        `CREATE TRIGGER trg_${table}_updated_at BEFORE UPDATE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'admin_invitations',
      'logs',
      'store_customers',
      'order_items',
      'orders',
      'discounts',
      'cart_items',
      'carts',
      'inventory',
      'product_variants',
      'product_images',
      'product_tags',
      'products',
      'tags',
      'categories',
      'addresses',
      'profiles',
      'stores',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS update_updated_at_column()`);
  }
}

/** Tables whose `updated_at` the database keeps right, even for raw SQL updates. */
const UPDATED_AT_TABLES = [
  'stores',
  'profiles',
  'addresses',
  'categories',
  'tags',
  'products',
  'product_variants',
  'inventory',
  'carts',
  'cart_items',
  'discounts',
  'orders',
  'store_customers',
];
