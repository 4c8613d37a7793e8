/**
 * GENERATED FILE, do not edit: the types of the API from openapi.json (the committed OpenAPI document).
 * Regenerate with `npm run client:generate` (openapi-typescript --default-non-nullable false, then Prettier).
 * CI fails when this file differs from what openapi.json generates.
 */

export interface paths {
  '/api/admin/audit-logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search the audit log
     * @description Newest first; every filter is optional.
     */
    get: operations['AuditLogs_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search profiles
     * @description Newest first; every role unless filtered.
     */
    get: operations['AdminCustomers_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/customers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a profile with its addresses */
    get: operations['AdminCustomers_detail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/inventory/{variantId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get the stock of a variant */
    get: operations['InventoryAdmin_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Set or adjust the stock of a variant
     * @description Send quantity (the new count) or adjust (±N), not both, and/or lowStockThreshold. The count never goes below what pending orders hold.
     */
    patch: operations['InventoryAdmin_update'];
    trace?: never;
  };
  '/api/admin/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Invite an admin
     * @description super_admin only. The token is shown once and is valid for 7 days.
     */
    post: operations['AdminInvitations_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/orders/{id}/payments/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm that a manual payment arrived: the order becomes paid */
    post: operations['OrdersAdmin_confirmPayment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/orders/{id}/refund': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refund a paid order in full or in part, through its payment provider */
    post: operations['OrdersAdmin_refund'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/orders/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Move an order along its state machine (cancelling a paid order refunds it) */
    patch: operations['OrdersAdmin_changeStatus'];
    trace?: never;
  };
  '/api/admin/stores': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List every store, active or not (admin) */
    get: operations['AdminStores_list'];
    put?: never;
    /** Create a store (super admin) */
    post: operations['AdminStores_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a store (admin) */
    get: operations['AdminStores_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a store (super admin) */
    patch: operations['AdminStores_update'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the store’s categories (flat, by displayOrder) */
    get: operations['Categories_list'];
    put?: never;
    /** Create a category */
    post: operations['Categories_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/categories/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a category */
    get: operations['Categories_get'];
    put?: never;
    post?: never;
    /** Delete a category (its children and products lose it as parent/category) */
    delete: operations['Categories_remove'];
    options?: never;
    head?: never;
    /** Change a category (also move it under another parent) */
    patch: operations['Categories_update'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the store’s customers with their order totals (latest buyers first) */
    get: operations['StoreCustomers_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/customers/{profileId}/orders-summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a customer’s orders in this store, in the legacy snake_case shape */
    get: operations['StoreCustomers_ordersSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/discounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the discount codes of a store
     * @description Newest first. An unknown store gives an empty page.
     */
    get: operations['Discounts_list'];
    put?: never;
    /** Create a discount code */
    post: operations['Discounts_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/discounts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a discount code */
    get: operations['Discounts_get'];
    put?: never;
    post?: never;
    /**
     * Delete a discount code
     * @description Orders that used it keep the code; they no longer point at the discount.
     */
    delete: operations['Discounts_remove'];
    options?: never;
    head?: never;
    /** Update a discount code */
    patch: operations['Discounts_update'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/inventory': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the stock of a store
     * @description By SKU.
     */
    get: operations['InventoryAdmin_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the store’s orders, filtered by status, customer and date */
    get: operations['OrdersAdmin_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the store’s products, active or not, with a name search */
    get: operations['Products_list'];
    put?: never;
    /** Create a product */
    post: operations['Products_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/products/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a product with its tags */
    get: operations['Products_get'];
    put?: never;
    post?: never;
    /** Delete a product with its variants, images and stock */
    delete: operations['Products_remove'];
    options?: never;
    head?: never;
    /** Change a product (tagIds replaces its tags) */
    patch: operations['Products_update'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/products/{productId}/images': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a product’s images (by displayOrder) */
    get: operations['ProductImages_list'];
    put?: never;
    /** Add an image (by URL) to a product */
    post: operations['ProductImages_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/products/{productId}/images/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a product image */
    get: operations['ProductImages_get'];
    put?: never;
    post?: never;
    /** Remove an image from a product */
    delete: operations['ProductImages_remove'];
    options?: never;
    head?: never;
    /** Change a product image */
    patch: operations['ProductImages_update'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/products/{productId}/variants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a product’s variants with their stock */
    get: operations['Variants_list'];
    put?: never;
    /** Create a variant (SKU generated when absent) with its initial stock */
    post: operations['Variants_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/products/{productId}/variants/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a variant with its stock */
    get: operations['Variants_get'];
    put?: never;
    post?: never;
    /** Delete a variant with its stock */
    delete: operations['Variants_remove'];
    options?: never;
    head?: never;
    /** Change a variant (stock is changed through the inventory routes) */
    patch: operations['Variants_update'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the store’s tags (by name) */
    get: operations['Tags_list'];
    put?: never;
    /** Create a tag */
    post: operations['Tags_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/tags/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a tag */
    get: operations['Tags_get'];
    put?: never;
    post?: never;
    /** Delete a tag (it is removed from its products) */
    delete: operations['Tags_remove'];
    options?: never;
    head?: never;
    /** Rename a tag or change its slug */
    patch: operations['Tags_update'];
    trace?: never;
  };
  '/api/auth/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept an admin invitation
     * @description Creates the admin account for the invited email, or promotes the existing profile (its password becomes the one given and its other sessions end).
     */
    post: operations['Auth_acceptInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in with email and password */
    post: operations['Auth_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log out
     * @description Revokes the refresh token’s family (this device), or every session of the caller without a token. Idempotent. Access tokens stay valid until they expire.
     */
    post: operations['Auth_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Exchange a refresh token for a new token pair
     * @description The refresh token is single use: presenting a used one again ends its session.
     */
    post: operations['Auth_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a customer account */
    post: operations['Auth_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Check liveness and database reachability
     * @description For load balancers and orchestrators: 200 when the database answers within 2 s, else 503.
     */
    get: operations['Health_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get my profile */
    get: operations['Me_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Update my profile
     * @description Only fullName and phone; role, email or any other field is refused (400).
     */
    patch: operations['Me_updateMe'];
    trace?: never;
  };
  '/api/me/addresses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List my addresses */
    get: operations['Me_listAddresses'];
    put?: never;
    /**
     * Add an address
     * @description The first address becomes the default; isDefault: true replaces the current default.
     */
    post: operations['Me_createAddress'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/addresses/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete one of my addresses
     * @description Deleting the default makes the newest remaining address the default.
     */
    delete: operations['Me_deleteAddress'];
    options?: never;
    head?: never;
    /** Update one of my addresses */
    patch: operations['Me_updateAddress'];
    trace?: never;
  };
  '/api/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List your orders, newest first */
    get: operations['Orders_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one of your orders (admins: any order) */
    get: operations['Orders_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel your unpaid pending order (its stock and discount use are given back) */
    post: operations['Orders_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/payments/stripe/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Receive a Stripe event (payment succeeded or failed, charge refunded) */
    post: operations['StripeWebhook_handle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the active stores */
    get: operations['PublicStores_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores/{storeSlug}/cart': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get the cart, priced now (a guest without a session gets a new one) */
    get: operations['Cart_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores/{storeSlug}/cart/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a variant to the cart (the same variant again adds up) */
    post: operations['Cart_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores/{storeSlug}/cart/items/{itemId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a line from the cart */
    delete: operations['Cart_remove'];
    options?: never;
    head?: never;
    /** Set the quantity of a cart line */
    patch: operations['Cart_update'];
    trace?: never;
  };
  '/api/stores/{storeSlug}/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get the store’s active category tree (by displayOrder) */
    get: operations['Storefront_categories'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores/{storeSlug}/checkout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Place an order from the cart and open its payment */
    post: operations['Checkout_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores/{storeSlug}/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List active products, filtered, sorted and paged */
    get: operations['Storefront_products'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores/{storeSlug}/products/{productSlug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an active product with its images and active variants */
    get: operations['Storefront_product'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AcceptInvitationDto: {
      fullName?: string | null;
      /** Format: password */
      password: string;
      /** @description The token from the invitation */
      token: string;
    };
    AddCartItemDto: {
      quantity: number;
      /** Format: uuid */
      variantId: string;
    };
    AddressView: {
      addressLine1: string;
      addressLine2: string | null;
      city: string;
      /** @example US */
      country: string;
      /** Format: date-time */
      createdAt: string;
      fullName: string;
      /** Format: uuid */
      id: string;
      isDefault: boolean;
      phone: string;
      postalCode: string;
      state: string;
      /** Format: date-time */
      updatedAt: string;
    };
    AuditLogView: {
      /** @example auth.login */
      action: string;
      /** Format: date-time */
      createdAt: string;
      /** @description Changed fields { field: { before, after } } etc. */
      details: {
        [key: string]: unknown;
      } | null;
      /** Format: uuid */
      entityId: string | null;
      entityType: string | null;
      /** Format: uuid */
      id: string;
      ipAddress: string | null;
      userAgent: string | null;
      /** Format: uuid */
      userId: string | null;
    };
    AuthSession: {
      /** @description JWT (HS256), valid 15 minutes: `Authorization: Bearer <accessToken>` */
      accessToken: string;
      /** @description Opaque, valid 30 days, single use: rotated by POST /api/auth/refresh */
      refreshToken: string;
      user: components['schemas']['ProfileView'];
    };
    CartItemResponse: {
      /** @description Units that can be bought now (0 when the item is no longer sold) */
      available: number;
      /** Format: uuid */
      id: string;
      /** @example 39.98 */
      lineTotal: string;
      productName: string;
      quantity: number;
      /** @description Empty when the variant is no longer sold */
      sku: string;
      /**
       * @description Current price ("0.00" when the variant is no longer sold)
       * @example 19.99
       */
      unitPrice: string;
      /** Format: uuid */
      variantId: string;
      variantName: string;
    };
    CartResponse: {
      /** @example USD */
      currency: string;
      /**
       * Format: uuid
       * @description null until the first item is added
       */
      id: string | null;
      items: components['schemas']['CartItemResponse'][];
      /** @description Present for guests only (absent when the cart was found by token): send it back as the X-Cart-Session header */
      sessionId?: string;
      /**
       * @description Lines still sold, at current prices
       * @example 39.98
       */
      subtotal: string;
    };
    CategoryNode: {
      /** @description Active sub-categories, by displayOrder */
      children: components['schemas']['CategoryNode'][];
      /** Format: uuid */
      id: string;
      name: string;
      slug: string;
    };
    CategoryResponse: {
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      displayOrder: number;
      /** Format: uuid */
      id: string;
      /** Format: uri */
      imageUrl: string | null;
      isActive: boolean;
      name: string;
      /** Format: uuid */
      parentId: string | null;
      slug: string;
      /** Format: uuid */
      storeId: string;
      /** Format: date-time */
      updatedAt: string;
    };
    CheckoutDto: {
      /**
       * @description A discount code of the store
       * @example SAVE10
       */
      discountCode?: string;
      /** @description For the store, kept on the order */
      notes?: string;
      /**
       * Format: uuid
       * @description One of the customer’s addresses
       */
      shippingAddressId: string;
    };
    CheckoutPaymentResponse: {
      /** @description Stripe only (absent for manual): confirm the PaymentIntent with it in the browser */
      clientSecret?: string;
      /**
       * @description The payment provider the store uses
       * @enum {string}
       */
      provider: 'stripe' | 'manual';
      /**
       * @description A new order’s payment is always pending
       * @enum {string}
       */
      status: 'pending';
    };
    CheckoutResponse: {
      order: components['schemas']['OrderResponse'];
      payment: components['schemas']['CheckoutPaymentResponse'];
    };
    CreateAddressDto: {
      addressLine1: string;
      addressLine2?: string | null;
      city: string;
      /**
       * @description ISO 3166-1 alpha-2 (2 letters, any case: stored upper-case)
       * @example US
       */
      country: string;
      fullName: string;
      /** @description Make it the default address (the first address always is) */
      isDefault?: boolean;
      phone: string;
      postalCode: string;
      /** @description State, province or region (may be empty where there is none) */
      state: string;
    };
    CreateCategoryDto: {
      description?: string | null;
      /** @default 0 */
      displayOrder?: number;
      /**
       * Format: uri
       * @description An absolute http(s) URL
       */
      imageUrl?: string | null;
      isActive?: boolean;
      /** @example T-Shirts */
      name: string;
      /**
       * Format: uuid
       * @description A category of the same store; null for the root
       */
      parentId?: string | null;
      /**
       * @description Unique per store; generated from the name when absent
       * @example t-shirts
       */
      slug?: string;
    };
    CreateDiscountDto: {
      /**
       * @description Unique per store, matched case-insensitively
       * @example SAVE10
       */
      code: string;
      /**
       * Format: date-time
       * @description Exclusive, after startsAt; null: never expires
       */
      expiresAt?: string | null;
      /** @description true when created without it */
      isActive?: boolean;
      /** @description How many orders may use the code; null: unlimited (default) */
      maxUses?: number | null;
      /**
       * @description Smallest subtotal the code applies to (default 0). A decimal string or number with at most two decimals.
       * @example 50.00
       */
      minPurchaseAmount?: string | number;
      /**
       * Format: date-time
       * @description null: valid at once
       */
      startsAt?: string | null;
      /** @enum {string} */
      type: 'percentage' | 'fixed';
      /**
       * @description percentage: the percent off (0.01 to 100); fixed: the amount off in the store currency (at least 0.01). A decimal string or number with at most two decimals.
       * @example 10.00
       */
      value: string | number;
    };
    CreateImageDto: {
      altText?: string | null;
      /** @default 0 */
      displayOrder?: number;
      /**
       * Format: uri
       * @description An absolute http(s) URL
       * @example https://cdn.example.com/tee-front.jpg
       */
      url: string;
    };
    CreateInvitationDto: {
      /**
       * Format: email
       * @example new.admin@example.com
       */
      email: string;
    };
    CreateProductDto: {
      /** @description At least 0; a variant costs basePrice + priceAdjustment */
      basePrice: string | number;
      /**
       * Format: uuid
       * @description A category of the same store
       */
      categoryId?: string | null;
      description?: string | null;
      isActive?: boolean;
      isFeatured?: boolean;
      metaDescription?: string | null;
      metaTitle?: string | null;
      /** @example Classic Cotton Tee */
      name: string;
      /** @description Unique per store; generated from the name when absent */
      slug?: string;
      /** @description Tags of the same store; replaces the product’s tags */
      tagIds?: string[];
    };
    CreateStoreDto: {
      /**
       * @description ISO 4217 code, upper case
       * @default USD
       * @example USD
       */
      currency?: string;
      isActive?: boolean;
      /** @example Acme Outfitters */
      name: string;
      /**
       * @description Flat shipping per order
       * @example 5.00
       */
      shippingFlat?: string | number;
      /**
       * @description Unique; generated from the name when absent
       * @example acme
       */
      slug?: string;
      /** @description Fraction 0..1 with at most four decimals ("0.0825" = 8.25 %), a string or a number */
      taxRate?: string | number;
    };
    CreateTagDto: {
      /** @example Summer */
      name: string;
      /**
       * @description Unique per store; generated from the name when absent
       * @example summer
       */
      slug?: string;
    };
    CreateVariantDto: {
      /**
       * @description Flat object of short strings; keys are 1-50 letters, digits, "_" or "-"
       * @example {
       *       "color": "black",
       *       "size": "L"
       *     }
       */
      attributes?: {
        [key: string]: string;
      };
      /**
       * Format: uri
       * @description An absolute http(s) URL
       */
      imageUrl?: string | null;
      /**
       * @description Stock the new variant starts with
       * @default 0
       */
      initialQuantity?: number;
      isActive?: boolean;
      /** @default 10 */
      lowStockThreshold?: number;
      /**
       * @description Defaults to the attribute values
       * @example Large / Black
       */
      name?: string;
      /**
       * @description A decimal string or number with at most two decimals; basePrice + priceAdjustment must stay ≥ 0
       * @default 0.00
       */
      priceAdjustment?: string | number;
      /**
       * @description Unique per store; generated as PROD-{category}-{product}-{attributes} when absent
       * @example PROD-TSHIRT-A3F2-LRG-BLK
       */
      sku?: string;
    };
    CustomerDetail: {
      addresses: components['schemas']['AddressView'][];
      /** Format: date-time */
      createdAt: string;
      /** @example ada@example.com */
      email: string;
      emailVerified: boolean;
      /** @example Ada Lovelace */
      fullName: string | null;
      /** Format: uuid */
      id: string;
      /** @example +44 20 7946 0000 */
      phone: string | null;
      /** @enum {string} */
      role: 'customer' | 'admin' | 'super_admin';
    };
    DiscountResponse: {
      /** @example SAVE10 */
      code: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string | null;
      /** Format: uuid */
      id: string;
      isActive: boolean;
      /** @description null: unlimited */
      maxUses: number | null;
      /**
       * @description Smallest subtotal the code applies to
       * @example 0.00
       */
      minPurchaseAmount: string;
      /** Format: date-time */
      startsAt: string | null;
      /** Format: uuid */
      storeId: string;
      timesUsed: number;
      /** @enum {string} */
      type: 'percentage' | 'fixed';
      /** Format: date-time */
      updatedAt: string;
      /**
       * @description percentage: the percent off ("10.50" = 10.5 %); fixed: the amount off in the store currency
       * @example 10.00
       */
      value: string;
    };
    ErrorResponse: {
      /**
       * @description Stable UPPER_SNAKE code to branch on
       * @example INSUFFICIENT_STOCK
       */
      code: string;
      /** @description Machine-readable context, e.g. the lines that are short of stock */
      details?: Record<string, never>;
      /**
       * @description The HTTP reason phrase
       * @example Conflict
       */
      error: string;
      /** @example Not enough stock for one or more items */
      message: string;
      /** @example 409 */
      statusCode: number;
    };
    HealthDown: {
      /**
       * @example down
       * @enum {string}
       */
      db: 'down';
      /**
       * @example error
       * @enum {string}
       */
      status: 'error';
    };
    HealthUp: {
      /**
       * @example up
       * @enum {string}
       */
      db: 'up';
      /**
       * @example ok
       * @enum {string}
       */
      status: 'ok';
    };
    ImageResponse: {
      altText: string | null;
      /** Format: date-time */
      createdAt: string;
      displayOrder: number;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      productId: string;
      /** Format: uri */
      url: string;
    };
    InventoryItemResponse: {
      /** @description quantity − reserved */
      available: number;
      lowStockThreshold: number;
      /** Format: uuid */
      productId: string;
      productName: string;
      quantity: number;
      /** @description Held by pending orders */
      reserved: number;
      sku: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      variantId: string;
      variantName: string;
    };
    InvitationCreated: {
      /** Format: email */
      email: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: uuid */
      id: string;
      /** @description Shown once: only its hash is stored */
      token: string;
    };
    LegacyCustomerOrderSummaryResponse: {
      /** Format: date-time */
      created_at: string;
      /** @example USD */
      currency: string;
      /** Format: uuid */
      order_id: string;
      order_number: string;
      /** @enum {string} */
      payment_status: 'unpaid' | 'paid' | 'refunded' | 'failed';
      /** @enum {string} */
      status: 'pending' | 'paid' | 'processing' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';
      /** @example 19.99 */
      total: string;
    };
    LoginDto: {
      /**
       * Format: email
       * @example ada@example.com
       */
      email: string;
      /** Format: password */
      password: string;
    };
    LogoutDto: {
      /** @description Revokes this token’s family (this device). Without it, every session of the caller ends. */
      refreshToken?: string;
    };
    OrderItemResponse: {
      /** @description As it was when the order was placed */
      productName: string;
      quantity: number;
      sku: string;
      /** @example 39.98 */
      totalPrice: string;
      /** @example 19.99 */
      unitPrice: string;
      /** Format: uuid */
      variantId: string;
      variantName: string;
    };
    OrderResponse: {
      /** Format: date-time */
      createdAt: string;
      /** @example USD */
      currency: string;
      /**
       * Format: uuid
       * @description The ordering customer’s profile id
       */
      customerId: string;
      /** @example 0.00 */
      discountAmount: string;
      discountCode: string | null;
      /** Format: uuid */
      id: string;
      items: components['schemas']['OrderItemResponse'][];
      notes: string | null;
      /** @example 20261100042 */
      orderNumber: string;
      /** @enum {string} */
      paymentStatus: 'unpaid' | 'paid' | 'refunded' | 'failed';
      /** @description The address it ships to; null when the order has none */
      shippingAddress: components['schemas']['ShippingAddressResponse'] | null;
      /** @example 5.00 */
      shippingAmount: string;
      /** @enum {string} */
      status: 'pending' | 'paid' | 'processing' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';
      /** Format: uuid */
      storeId: string;
      /** @example 39.98 */
      subtotal: string;
      /** @example 3.30 */
      taxAmount: string;
      /** @example 48.28 */
      total: string;
      /** Format: date-time */
      updatedAt: string;
    };
    PriceRange: {
      /**
       * @description Dearest active variant
       * @example 19.99
       */
      max: string;
      /**
       * @description Cheapest active variant
       * @example 19.99
       */
      min: string;
    };
    ProductCard: {
      /** @example 19.99 */
      basePrice: string;
      /** @description null when uncategorised */
      category: components['schemas']['ProductCardCategory'] | null;
      /** Format: uuid */
      id: string;
      /**
       * Format: uri
       * @description The first image’s URL
       */
      image: string | null;
      /** @description Some active variant has stock available */
      inStock: boolean;
      name: string;
      priceRange: components['schemas']['PriceRange'];
      slug: string;
      /** @description Tag slugs */
      tags: string[];
    };
    ProductCardCategory: {
      name: string;
      slug: string;
    };
    ProductDetail: {
      /** @example 19.99 */
      basePrice: string;
      /** @description null when uncategorised */
      category: components['schemas']['ProductCardCategory'] | null;
      description: string | null;
      featured: boolean;
      /** Format: uuid */
      id: string;
      /**
       * Format: uri
       * @description The first image’s URL
       */
      image: string | null;
      /** @description By displayOrder */
      images: components['schemas']['ProductImageView'][];
      /** @description Some active variant has stock available */
      inStock: boolean;
      metaDescription: string | null;
      metaTitle: string | null;
      name: string;
      priceRange: components['schemas']['PriceRange'];
      slug: string;
      /** @description Tag slugs */
      tags: string[];
      /** @description Active variants */
      variants: components['schemas']['ProductVariantView'][];
    };
    ProductImageView: {
      altText: string | null;
      /** Format: uri */
      url: string;
    };
    ProductResponse: {
      /** @example 19.99 */
      basePrice: string;
      /** Format: uuid */
      categoryId: string | null;
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      /** Format: uuid */
      id: string;
      isActive: boolean;
      isFeatured: boolean;
      metaDescription: string | null;
      metaTitle: string | null;
      name: string;
      slug: string;
      /** Format: uuid */
      storeId: string;
      tags: components['schemas']['ProductTagResponse'][];
      /** Format: date-time */
      updatedAt: string;
    };
    ProductTagResponse: {
      /** Format: uuid */
      id: string;
      name: string;
      slug: string;
    };
    ProductVariantView: {
      /**
       * @example {
       *       "color": "black",
       *       "size": "L"
       *     }
       */
      attributes: {
        [key: string]: string;
      };
      /** @description Units that can be bought now */
      available: number;
      /** Format: uuid */
      id: string;
      /** Format: uri */
      imageUrl: string | null;
      name: string;
      /**
       * @description basePrice + the variant’s adjustment
       * @example 19.99
       */
      price: string;
      sku: string;
    };
    ProfileView: {
      /** Format: date-time */
      createdAt: string;
      /** @example ada@example.com */
      email: string;
      emailVerified: boolean;
      /** @example Ada Lovelace */
      fullName: string | null;
      /** Format: uuid */
      id: string;
      /** @example +44 20 7946 0000 */
      phone: string | null;
      /** @enum {string} */
      role: 'customer' | 'admin' | 'super_admin';
    };
    PublicStoreResponse: {
      /** @example USD */
      currency: string;
      /** Format: uuid */
      id: string;
      name: string;
      slug: string;
    };
    RefreshDto: {
      /** @description The refresh token of the last login or refresh */
      refreshToken: string;
    };
    RefundOrderDto: {
      /**
       * @description At least 0.01, at most what is left to refund; omitted: everything not refunded yet
       * @example 10.00
       */
      amount?: string | number;
      /** @description Put the ordered quantities back in stock (full refunds only) */
      restock?: boolean;
    };
    RegisterDto: {
      /**
       * Format: email
       * @example ada@example.com
       */
      email: string;
      fullName?: string | null;
      /** Format: password */
      password: string;
      phone?: string | null;
    };
    ShippingAddressResponse: {
      addressLine1: string;
      addressLine2: string | null;
      city: string;
      country: string;
      fullName: string;
      /** Format: uuid */
      id: string;
      phone: string;
      postalCode: string;
      state: string;
    };
    StoreCustomerOrdersResponse: {
      /** @description Oldest first */
      orders: components['schemas']['LegacyCustomerOrderSummaryResponse'][];
      /** Format: uuid */
      profile_id: string;
      /** Format: uuid */
      store_customer_id: string;
      /** Format: uuid */
      store_id: string;
    };
    StoreCustomerResponse: {
      /**
       * Format: date-time
       * @description When the profile became a customer of this store
       */
      customerSince: string;
      email: string;
      fullName: string | null;
      /** Format: date-time */
      lastOrderAt: string | null;
      ordersCount: number;
      /** Format: uuid */
      profileId: string;
      /**
       * @description Paid orders, net of refunds
       * @example 129.90
       */
      totalSpent: string;
    };
    StoreResponse: {
      /** Format: date-time */
      createdAt: string;
      /** @example USD */
      currency: string;
      /** Format: uuid */
      id: string;
      isActive: boolean;
      name: string;
      /** @example 5.00 */
      shippingFlat: string;
      slug: string;
      /**
       * @description Fraction 0..1 with four decimals
       * @example 0.0825
       */
      taxRate: string;
      /** Format: date-time */
      updatedAt: string;
    };
    TagResponse: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      name: string;
      slug: string;
      /** Format: uuid */
      storeId: string;
      /** Format: date-time */
      updatedAt: string;
    };
    UpdateAddressDto: {
      addressLine1?: string;
      addressLine2?: string | null;
      city?: string;
      /**
       * @description ISO 3166-1 alpha-2 (2 letters, any case: stored upper-case)
       * @example US
       */
      country?: string;
      fullName?: string;
      /** @description true makes it the default (the previous default is unset); false is refused on the default */
      isDefault?: boolean;
      phone?: string;
      postalCode?: string;
      state?: string;
    };
    UpdateCartItemDto: {
      quantity: number;
    };
    UpdateCategoryDto: {
      description?: string | null;
      /** @default 0 */
      displayOrder?: number;
      /**
       * Format: uri
       * @description An absolute http(s) URL
       */
      imageUrl?: string | null;
      isActive?: boolean;
      /** @example T-Shirts */
      name?: string;
      /**
       * Format: uuid
       * @description A category of the same store; null for the root
       */
      parentId?: string | null;
      /**
       * @description Unique per store; generated from the name when absent
       * @example t-shirts
       */
      slug?: string;
    };
    UpdateDiscountDto: {
      /**
       * @description Unique per store, matched case-insensitively
       * @example SAVE10
       */
      code?: string;
      /**
       * Format: date-time
       * @description Exclusive, after startsAt; null: never expires
       */
      expiresAt?: string | null;
      /** @description true when created without it */
      isActive?: boolean;
      /** @description How many orders may use the code; null: unlimited (default) */
      maxUses?: number | null;
      /**
       * @description Smallest subtotal the code applies to (default 0). A decimal string or number with at most two decimals.
       * @example 50.00
       */
      minPurchaseAmount?: string | number;
      /**
       * Format: date-time
       * @description null: valid at once
       */
      startsAt?: string | null;
      /** @enum {string} */
      type?: 'percentage' | 'fixed';
      /**
       * @description percentage: the percent off (0.01 to 100); fixed: the amount off in the store currency (at least 0.01). A decimal string or number with at most two decimals.
       * @example 10.00
       */
      value?: string | number;
    };
    UpdateImageDto: {
      altText?: string | null;
      /** @default 0 */
      displayOrder?: number;
      /**
       * Format: uri
       * @description An absolute http(s) URL
       * @example https://cdn.example.com/tee-front.jpg
       */
      url?: string;
    };
    UpdateInventoryDto: {
      /**
       * @description Change to the stock count, e.g. 5 or -3 (not 0)
       * @example -3
       */
      adjust?: number;
      lowStockThreshold?: number;
      /** @description New stock count; never below reserved */
      quantity?: number;
    };
    UpdateMeDto: {
      fullName?: string | null;
      phone?: string | null;
    };
    UpdateOrderStatusDto: {
      /**
       * @description Along the order state machine; cancelling a paid order refunds it in full
       * @enum {string}
       */
      status: 'processing' | 'shipped' | 'delivered' | 'cancelled';
    };
    UpdateProductDto: {
      /** @description At least 0; a variant costs basePrice + priceAdjustment */
      basePrice?: string | number;
      /**
       * Format: uuid
       * @description A category of the same store
       */
      categoryId?: string | null;
      description?: string | null;
      isActive?: boolean;
      isFeatured?: boolean;
      metaDescription?: string | null;
      metaTitle?: string | null;
      /** @example Classic Cotton Tee */
      name?: string;
      /** @description Unique per store; generated from the name when absent */
      slug?: string;
      /** @description Tags of the same store; replaces the product’s tags */
      tagIds?: string[];
    };
    UpdateStoreDto: {
      /**
       * @description ISO 4217 code, upper case
       * @default USD
       * @example USD
       */
      currency?: string;
      isActive?: boolean;
      /** @example Acme Outfitters */
      name?: string;
      /**
       * @description Flat shipping per order
       * @example 5.00
       */
      shippingFlat?: string | number;
      /**
       * @description Unique; generated from the name when absent
       * @example acme
       */
      slug?: string;
      /** @description Fraction 0..1 with at most four decimals ("0.0825" = 8.25 %), a string or a number */
      taxRate?: string | number;
    };
    UpdateTagDto: {
      /** @example Summer */
      name?: string;
      /**
       * @description Unique per store; generated from the name when absent
       * @example summer
       */
      slug?: string;
    };
    UpdateVariantDto: {
      /**
       * @description Flat object of short strings; keys are 1-50 letters, digits, "_" or "-"
       * @example {
       *       "color": "black",
       *       "size": "L"
       *     }
       */
      attributes?: {
        [key: string]: string;
      };
      /**
       * Format: uri
       * @description An absolute http(s) URL
       */
      imageUrl?: string | null;
      isActive?: boolean;
      /**
       * @description Defaults to the attribute values
       * @example Large / Black
       */
      name?: string;
      /**
       * @description A decimal string or number with at most two decimals; basePrice + priceAdjustment must stay ≥ 0
       * @default 0.00
       */
      priceAdjustment?: string | number;
      /**
       * @description Unique per store; generated as PROD-{category}-{product}-{attributes} when absent
       * @example PROD-TSHIRT-A3F2-LRG-BLK
       */
      sku?: string;
    };
    VariantResponse: {
      /**
       * @example {
       *       "color": "black",
       *       "size": "L"
       *     }
       */
      attributes: {
        [key: string]: string;
      };
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /** Format: uri */
      imageUrl: string | null;
      /** @description null when the variant has no stock row */
      inventory: components['schemas']['VariantStockResponse'] | null;
      isActive: boolean;
      name: string;
      /**
       * @description basePrice + priceAdjustment
       * @example 17.99
       */
      price: string;
      /** @example -2.00 */
      priceAdjustment: string;
      /** Format: uuid */
      productId: string;
      sku: string;
      /** Format: uuid */
      storeId: string;
      /** Format: date-time */
      updatedAt: string;
    };
    VariantStockResponse: {
      /** @description quantity - reserved */
      available: number;
      lowStockThreshold: number;
      quantity: number;
      /** @description Held by pending orders */
      reserved: number;
    };
    WebhookAckResponse: {
      /**
       * @description What the event did; `duplicate`: received before, nothing happened now
       * @enum {string}
       */
      outcome:
        | 'duplicate'
        | 'ignored'
        | 'unmatched'
        | 'paid'
        | 'already_applied'
        | 'amount_mismatch'
        | 'reinstated'
        | 'refund_required'
        | 'cancelled'
        | 'late_failure_ignored'
        | 'refunded';
      /** @enum {boolean} */
      received: true;
    };
  };
  responses: never;
  parameters: {
    /** @description Guest cart id, as handed out in a cart response (`sessionId`). Optional: a signed-in customer is found by token; sent on register or login, the guest cart merges into the customer’s cart. */
    CartSession: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AuditLogs_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        /** @description Who acted (or, for a failed login, whose account) */
        userId?: string;
        entityType?: string;
        entityId?: string;
        action?: string;
        /** @description Inclusive lower bound (ISO 8601) */
        from?: string;
        /** @description Exclusive upper bound (ISO 8601) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['AuditLogView'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description VALIDATION_FAILED (e.g. from after to) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AdminCustomers_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        /** @description Text in the email or the name (case-insensitive) */
        q?: string;
        /** @description Only profiles with this role (default: all) */
        role?: 'customer' | 'admin' | 'super_admin';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ProfileView'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AdminCustomers_detail: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A profile id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerDetail'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description CUSTOMER_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  InventoryAdmin_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A product variant */
        variantId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InventoryItemResponse'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description VARIANT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  InventoryAdmin_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description A product variant */
        variantId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateInventoryDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InventoryItemResponse'];
        };
      };
      /** @description VALIDATION_FAILED (e.g. quantity and adjust together, or nothing to change) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description VARIANT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BELOW_RESERVED: details give quantity, reserved and requested */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AdminInvitations_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateInvitationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvitationCreated'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description FORBIDDEN: super_admin only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ALREADY_ADMIN: the email belongs to an admin already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  OrdersAdmin_confirmPayment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The paid order */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderResponse'];
        };
      };
      /** @description INVALID_ID (id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORDER_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVALID_TRANSITION (not an unpaid pending order, e.g. expired and cancelled), or PAYMENT_PROVIDER_MISMATCH (the order is paid through Stripe) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  OrdersAdmin_refund: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefundOrderDto'];
      };
    };
    responses: {
      /** @description The order after the refund */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderResponse'];
        };
      };
      /** @description VALIDATION_FAILED (also: restock with a partial refund), or INVALID_ID (id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORDER_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVALID_TRANSITION (the order is not paid), or REFUND_EXCEEDS_PAYMENT (details: {remaining}) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PAYMENT_PROVIDER_ERROR: the provider did not accept the refund; nothing was refunded */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  OrdersAdmin_changeStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateOrderStatusDto'];
      };
    };
    responses: {
      /** @description The order after the change */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderResponse'];
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORDER_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVALID_TRANSITION (details: {from, to}), or REFUND_EXCEEDS_PAYMENT (cancelling a paid order whose refund is in flight) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PAYMENT_PROVIDER_ERROR: cancelling a paid order, the provider refused the refund */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AdminStores_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['StoreResponse'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description VALIDATION_FAILED (page, limit) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AdminStores_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateStoreDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoreResponse'];
        };
      };
      /** @description VALIDATION_FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description FORBIDDEN: only a super_admin creates stores */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description SLUG_TAKEN */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AdminStores_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoreResponse'];
        };
      };
      /** @description INVALID_ID (storeId is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AdminStores_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateStoreDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoreResponse'];
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (storeId is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description FORBIDDEN: only a super_admin changes stores */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description SLUG_TAKEN */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Categories_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
      };
      header?: never;
      path: {
        storeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['CategoryResponse'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Categories_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCategoryDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryResponse'];
        };
      };
      /** @description VALIDATION_FAILED, INVALID_ID, or REFERENCE_NOT_FOUND (parentId is not a category of this store) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description SLUG_TAKEN */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Categories_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryResponse'];
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description CATEGORY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Categories_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description CATEGORY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Categories_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCategoryDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryResponse'];
        };
      };
      /** @description VALIDATION_FAILED, INVALID_ID, or REFERENCE_NOT_FOUND (parentId is not a category of this store) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description CATEGORY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description SLUG_TAKEN, or CATEGORY_CYCLE (parentId is the category itself or one of its descendants) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  StoreCustomers_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
      };
      header?: never;
      path: {
        storeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['StoreCustomerResponse'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description VALIDATION_FAILED (page, limit), or INVALID_ID (storeId is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  StoreCustomers_ordersSummary: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        profileId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoreCustomerOrdersResponse'];
        };
      };
      /** @description INVALID_ID (storeId or profileId is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND, or CUSTOMER_NOT_FOUND (the profile is not a customer of this store) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Discounts_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        /** @description Part of the code, case-insensitive */
        q?: string;
        /** @description Only active (true) or inactive (false) codes */
        isActive?: boolean;
      };
      header?: never;
      path: {
        storeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['DiscountResponse'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Discounts_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateDiscountDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DiscountResponse'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description DISCOUNT_CODE_TAKEN */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Discounts_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A discount of the store */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DiscountResponse'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description DISCOUNT_NOT_FOUND (also for another store’s discount) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Discounts_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A discount of the store */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description DISCOUNT_NOT_FOUND (also for another store’s discount) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Discounts_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A discount of the store */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateDiscountDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DiscountResponse'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description DISCOUNT_NOT_FOUND (also for another store’s discount) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description DISCOUNT_CODE_TAKEN or MAX_USES_BELOW_TIMES_USED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  InventoryAdmin_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        /** @description true: only rows with quantity ≤ lowStockThreshold */
        lowStock?: boolean;
      };
      header?: never;
      path: {
        storeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['InventoryItemResponse'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  OrdersAdmin_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        status?: 'pending' | 'paid' | 'processing' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';
        /** @description Orders of this customer (profile id) */
        customerId?: string;
        /** @description Created at or after */
        from?: string;
        /** @description Created before */
        to?: string;
      };
      header?: never;
      path: {
        storeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['OrderResponse'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description VALIDATION_FAILED (a filter, page or limit), or INVALID_ID (storeId is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Products_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        /** @description Part of the name or slug, case-insensitive */
        q?: string;
        categoryId?: string;
      };
      header?: never;
      path: {
        storeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ProductResponse'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Products_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProductDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductResponse'];
        };
      };
      /** @description VALIDATION_FAILED, INVALID_ID, or REFERENCE_NOT_FOUND (categoryId or tagIds not of this store) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description SLUG_TAKEN */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Products_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductResponse'];
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRODUCT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Products_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRODUCT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRODUCT_IN_USE (on an order: deactivate it instead) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Products_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProductDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductResponse'];
        };
      };
      /** @description VALIDATION_FAILED, INVALID_ID, REFERENCE_NOT_FOUND (categoryId or tagIds not of this store), or NEGATIVE_VARIANT_PRICE (the new basePrice would make a variant’s price negative) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRODUCT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description SLUG_TAKEN */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProductImages_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
      };
      header?: never;
      path: {
        storeId: string;
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ImageResponse'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRODUCT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProductImages_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        productId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateImageDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImageResponse'];
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRODUCT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProductImages_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        productId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImageResponse'];
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRODUCT_NOT_FOUND or IMAGE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProductImages_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        productId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRODUCT_NOT_FOUND or IMAGE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProductImages_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        productId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateImageDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImageResponse'];
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRODUCT_NOT_FOUND or IMAGE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Variants_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
      };
      header?: never;
      path: {
        storeId: string;
        productId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['VariantResponse'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRODUCT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Variants_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        productId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateVariantDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VariantResponse'];
        };
      };
      /** @description VALIDATION_FAILED, INVALID_ID, or NEGATIVE_VARIANT_PRICE (basePrice + priceAdjustment < 0) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRODUCT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description SKU_TAKEN */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Variants_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        productId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VariantResponse'];
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRODUCT_NOT_FOUND or VARIANT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Variants_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        productId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description VARIANT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description VARIANT_IN_USE (on an order: deactivate it instead) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Variants_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        productId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateVariantDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VariantResponse'];
        };
      };
      /** @description VALIDATION_FAILED, INVALID_ID, or NEGATIVE_VARIANT_PRICE (basePrice + priceAdjustment < 0) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRODUCT_NOT_FOUND or VARIANT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description SKU_TAKEN */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Tags_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
      };
      header?: never;
      path: {
        storeId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['TagResponse'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Tags_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTagDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TagResponse'];
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description SLUG_TAKEN */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Tags_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TagResponse'];
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description TAG_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Tags_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description TAG_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Tags_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTagDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TagResponse'];
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_ID (a path id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The caller’s role may not do this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description TAG_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description SLUG_TAKEN */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Auth_acceptInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcceptInvitationDto'];
      };
    };
    responses: {
      /** @description The admin, logged in */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthSession'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVITATION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description CONCURRENT_UPDATE: the account changed meanwhile; retry */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVITATION_USED or INVITATION_EXPIRED */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Auth_login: {
    parameters: {
      query?: never;
      header?: {
        /** @description Guest cart id, as handed out in a cart response (`sessionId`). Optional: a signed-in customer is found by token; sent on register or login, the guest cart merges into the customer’s cart. */
        'X-Cart-Session'?: components['parameters']['CartSession'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      /** @description Logged in */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthSession'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVALID_CREDENTIALS (same answer for an unknown email and a wrong password) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description TOO_MANY_REQUESTS: too many attempts from this IP or for this email */
      429: {
        headers: {
          /** @description Seconds until the next attempt may succeed */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Auth_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LogoutDto'];
      };
    };
    responses: {
      /** @description Logged out */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Auth_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshDto'];
      };
    };
    responses: {
      /** @description A new token pair */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthSession'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVALID_REFRESH_TOKEN (unknown, expired or revoked) or REFRESH_TOKEN_REUSED (the session is ended) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Auth_register: {
    parameters: {
      query?: never;
      header?: {
        /** @description Guest cart id, as handed out in a cart response (`sessionId`). Optional: a signed-in customer is found by token; sent on register or login, the guest cart merges into the customer’s cart. */
        'X-Cart-Session'?: components['parameters']['CartSession'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterDto'];
      };
    };
    responses: {
      /** @description Registered and logged in */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthSession'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description EMAIL_TAKEN */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description TOO_MANY_REQUESTS: too many attempts from this IP or for this email */
      429: {
        headers: {
          /** @description Seconds until the next attempt may succeed */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Health_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Up, and the database answers */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthUp'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description UNAUTHORIZED: an Authorization header was sent and its token is invalid */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database is unreachable or slow: `{status: "error", db: "down"}`. (A request that sends a bearer token needs the database to check it first, and then gets the ErrorResponse DATABASE_UNAVAILABLE instead.) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthDown'] | components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Me_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProfileView'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PROFILE_NOT_FOUND: the account was deleted meanwhile */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Me_updateMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProfileView'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PROFILE_NOT_FOUND: the account was deleted meanwhile */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Me_listAddresses: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default first, then newest */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AddressView'][];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Me_createAddress: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAddressDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AddressView'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description CONCURRENT_UPDATE: the addresses changed meanwhile; retry */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Me_deleteAddress: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description An address of the caller */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ADDRESS_NOT_FOUND (also for another customer’s address) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ADDRESS_IN_USE (an order ships to it) or CONCURRENT_UPDATE */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Me_updateAddress: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description An address of the caller */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateAddressDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AddressView'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ADDRESS_NOT_FOUND (also for another customer’s address) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description DEFAULT_ADDRESS_REQUIRED (isDefault: false on the default) or CONCURRENT_UPDATE */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Orders_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['OrderResponse'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description VALIDATION_FAILED (page, limit) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Orders_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderResponse'];
        };
      };
      /** @description INVALID_ID (id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORDER_NOT_FOUND (unknown, or not yours) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Orders_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The cancelled order */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrderResponse'];
        };
      };
      /** @description INVALID_ID (id is not a UUID) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORDER_NOT_FOUND (unknown, or not yours) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVALID_TRANSITION: only an unpaid pending order can be cancelled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  StripeWebhook_handle: {
    parameters: {
      query?: never;
      header: {
        /** @description Stripe’s signature of the raw body (with STRIPE_WEBHOOK_SECRET) */
        'Stripe-Signature': string;
      };
      path?: never;
      cookie?: never;
    };
    /** @description The Stripe event exactly as Stripe sends it. The signature is verified on the raw bytes of the body, so it must reach the API unchanged (no re-serialising proxy). */
    requestBody: {
      content: {
        'application/json': {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Received (also a duplicate or an ignored type) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookAckResponse'];
        };
      };
      /** @description INVALID_SIGNATURE (Stripe-Signature missing or not matching the body, or no body), WEBHOOK_NOT_CONFIGURED (STRIPE_WEBHOOK_SECRET is not set), or malformed JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description An Authorization header was sent and is not a valid access token (UNAUTHORIZED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PublicStores_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublicStoreResponse'][];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description An Authorization header was sent and is not a valid access token (UNAUTHORIZED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Cart_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description Guest cart id, as handed out in a cart response (`sessionId`). Optional: a signed-in customer is found by token; sent on register or login, the guest cart merges into the customer’s cart. */
        'X-Cart-Session'?: components['parameters']['CartSession'];
      };
      path: {
        /** @description The store’s slug, e.g. `demo` */
        storeSlug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CartResponse'];
        };
      };
      /** @description INVALID_CART_SESSION (X-Cart-Session is not 16-128 characters of [A-Za-z0-9_-]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description An Authorization header was sent and is not a valid access token (UNAUTHORIZED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND (unknown or inactive store) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Cart_add: {
    parameters: {
      query?: never;
      header?: {
        /** @description Guest cart id, as handed out in a cart response (`sessionId`). Optional: a signed-in customer is found by token; sent on register or login, the guest cart merges into the customer’s cart. */
        'X-Cart-Session'?: components['parameters']['CartSession'];
      };
      path: {
        /** @description The store’s slug, e.g. `demo` */
        storeSlug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddCartItemDto'];
      };
    };
    responses: {
      /** @description The whole cart after the change */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CartResponse'];
        };
      };
      /** @description VALIDATION_FAILED, or INVALID_CART_SESSION */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description An Authorization header was sent and is not a valid access token (UNAUTHORIZED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND, or VARIANT_NOT_FOUND (not an active variant of this store) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INSUFFICIENT_STOCK: the line would exceed what is available; details: [{variantId, requested, available}] */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Cart_remove: {
    parameters: {
      query?: never;
      header?: {
        /** @description Guest cart id, as handed out in a cart response (`sessionId`). Optional: a signed-in customer is found by token; sent on register or login, the guest cart merges into the customer’s cart. */
        'X-Cart-Session'?: components['parameters']['CartSession'];
      };
      path: {
        /** @description The store’s slug, e.g. `demo` */
        storeSlug: string;
        itemId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description INVALID_ID (itemId is not a UUID), or INVALID_CART_SESSION */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description An Authorization header was sent and is not a valid access token (UNAUTHORIZED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND, or CART_ITEM_NOT_FOUND (not a line of your cart) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Cart_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description Guest cart id, as handed out in a cart response (`sessionId`). Optional: a signed-in customer is found by token; sent on register or login, the guest cart merges into the customer’s cart. */
        'X-Cart-Session'?: components['parameters']['CartSession'];
      };
      path: {
        /** @description The store’s slug, e.g. `demo` */
        storeSlug: string;
        itemId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCartItemDto'];
      };
    };
    responses: {
      /** @description The whole cart after the change */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CartResponse'];
        };
      };
      /** @description VALIDATION_FAILED, INVALID_ID (itemId is not a UUID), or INVALID_CART_SESSION */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description An Authorization header was sent and is not a valid access token (UNAUTHORIZED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND, CART_ITEM_NOT_FOUND (not a line of your cart), or VARIANT_NOT_FOUND (no longer sold) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INSUFFICIENT_STOCK; details: [{variantId, requested, available}] */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Storefront_categories: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The store’s slug, e.g. `demo` */
        storeSlug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The root categories, each with its children */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CategoryNode'][];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description An Authorization header was sent and is not a valid access token (UNAUTHORIZED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND (unknown or inactive store) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Checkout_create: {
    parameters: {
      query?: never;
      header: {
        /** @description Chosen by the client, one per checkout attempt: the same key with the same body replays the first answer (201 or 502), with another body it is 422. Missing: 400 IDEMPOTENCY_KEY_REQUIRED. */
        'Idempotency-Key': string;
      };
      path: {
        /** @description The store’s slug, e.g. `demo` */
        storeSlug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CheckoutDto'];
      };
    };
    responses: {
      /** @description The pending order (stock held) and its payment */
      201: {
        headers: {
          /** @description `true` when this is the stored answer of an earlier request with the same key */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckoutResponse'];
        };
      };
      /** @description VALIDATION_FAILED, IDEMPOTENCY_KEY_REQUIRED, or IDEMPOTENCY_KEY_INVALID (not 8-255 characters of [A-Za-z0-9_-:.]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description No, invalid or expired access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND, or ADDRESS_NOT_FOUND (shippingAddressId is not one of your addresses) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INSUFFICIENT_STOCK (details: [{variantId, requested, available}]), CART_EMPTY, DISCOUNT_INVALID (details: {reason}), or IDEMPOTENCY_IN_PROGRESS (a request with this key is still running) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Request body too large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the key was used with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PAYMENT_PROVIDER_ERROR: the provider failed or timed out; the order was cancelled and nothing is held (details: {provider, orderId}) */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Storefront_products: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        /** @description Category slug; includes its active sub-categories */
        category?: string;
        /** @description Tag slug */
        tag?: string;
        /** @description Words in the name or description (prefix match); without a letter or digit it filters nothing */
        q?: string;
        /** @description Some active variant costs at least this, e.g. "10.00" */
        minPrice?: string;
        /** @description Some active variant costs at most this (not below minPrice), e.g. "49.99" */
        maxPrice?: string;
        /** @description `true`: featured products only */
        featured?: 'true' | 'false';
        /** @description `price` ascending, `-price` descending */
        sort?: 'newest' | 'price' | '-price' | 'name';
        /** @description Variant attribute filters: each key is sent as its own parameter `attr.<key>=<value>`, e.g. `attr.color=red&attr.size=L` (up to 5; one variant must match them all). Keys: 1-50 letters, digits, "_" or "-"; values: 1-100 characters. The parameter names match `x-parameter-name-pattern`. */
        attr?: {
          [key: string]: string;
        };
      };
      header?: never;
      path: {
        /** @description The store’s slug, e.g. `demo` */
        storeSlug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ProductCard'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description VALIDATION_FAILED: a bad or unknown parameter; details lists each, by field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description An Authorization header was sent and is not a valid access token (UNAUTHORIZED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND (unknown or inactive store) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Storefront_product: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The store’s slug, e.g. `demo` */
        storeSlug: string;
        /** @description The product’s slug */
        productSlug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductDetail'];
        };
      };
      /** @description Invalid input (code names the rule) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description An Authorization header was sent and is not a valid access token (UNAUTHORIZED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND or PRODUCT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description The database cannot be reached (DATABASE_UNAVAILABLE) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
}
