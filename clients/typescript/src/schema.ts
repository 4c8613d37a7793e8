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
     * @description Newest first; every filter is optional. A super admin sees every row. Another admin sees the rows of the stores where their role holds `audit.read` (owner); rows without a store (auth events, platform actions such as stores and invitations) are super admin only. No such store: an empty page.
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
     * @description Newest first; every role unless filtered. A super admin sees every profile. Another admin sees only the customers (profiles with an order) of the stores where their role holds `customers.read` (owner, manager); with no such store the list is empty (200, not 403).
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
    /**
     * Get a profile with its addresses
     * @description Any role; addresses default first, then newest. A super admin sees every profile. Another admin sees only the customers (profiles with an order) of the stores where their role holds `customers.read` (owner, manager); with no such store the list is empty (200, not 403). A profile outside what the caller may see is 404 CUSTOMER_NOT_FOUND, like an unknown id.
     */
    get: operations['AdminCustomers_detail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/events/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Domain event dispatch: lag and failures
     * @description super_admin only. Pending events and deliveries, the age of the oldest pending event, and the deliveries that failed for good, per subscriber (whole outbox, every instance).
     */
    get: operations['EventsAdmin_stats'];
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
    /**
     * Get the stock of a variant
     * @description quantity, what pending orders hold (reserved) and what is left (available).
     */
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
  '/api/admin/orders/{id}': {
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
    /**
     * Update an order’s metadata
     * @description Admin. Merges `metadata` into the order’s: keys sent with a string are set, keys sent as null removed, others kept (two concurrent updates of different keys both survive). Nothing else of the order changes here: its status moves through PATCH …/status. Audited when a key changed.
     */
    patch: operations['OrdersAdmin_updateMetadata'];
    trace?: never;
  };
  '/api/admin/orders/{id}/fulfillments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Fulfil some of an order’s units
     * @description Admin. A paid or processing order only. Counts earlier fulfilments: more units than ordered is a 409. The order becomes `processing` while partly shipped and `shipped` when every unit is (then `order.shipped` carries this carrier and tracking number). Audited.
     */
    post: operations['FulfilmentsAdmin_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/orders/{id}/fulfillments/{fulfillmentId}': {
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
    /**
     * Update a fulfilment’s tracking, or mark it delivered
     * @description Admin. Tracking fields (null clears one) and/or `{status: "delivered"}`; the order is `delivered` once every fulfilment is and every unit shipped (then `order.delivered`). Audited.
     */
    patch: operations['FulfilmentsAdmin_update'];
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
    /**
     * Confirm a manual payment
     * @description Admin. The manual provider’s payment arrived: the held stock is committed and the order becomes paid. Audited.
     */
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
    /**
     * Refund an order
     * @description Admin. A paid order, in full (default) or in part, through its payment provider; `restock` puts the quantities back (full refunds only). Audited.
     */
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
    /**
     * Change an order’s status
     * @description Admin. Along the state machine (processing, shipped, delivered, cancelled); cancelling a paid order refunds it in full through its provider and restocks. Audited.
     */
    patch: operations['OrdersAdmin_changeStatus'];
    trace?: never;
  };
  '/api/admin/returns/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a return
     * @description Admin. `requested → approved`. Audited.
     */
    post: operations['ReturnsAdmin_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/returns/{id}/receive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Receive a return: refund and restock
     * @description Admin. An approved return’s goods arrived: refunds exactly the received lines (their price, tax and share of the discount, per unit, the line’s last unit taking the rounding remainder) through the payment provider with idempotency key `return:<id>`, restocks the lines marked `restock`, and the return becomes `refunded` (`return.received`, `order.refunded`). The order is `refunded` once every unit came back. Receiving twice refunds once (the second is a 409). Audited.
     */
    post: operations['ReturnsAdmin_receive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/returns/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject a return
     * @description Admin. `requested → rejected`; its units may be asked for again. Audited.
     */
    post: operations['ReturnsAdmin_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the stores you work in
     * @description Admin: the stores you are a member of (a super admin: every store). Active or not, oldest first.
     */
    get: operations['AdminStores_list'];
    put?: never;
    /**
     * Create a store
     * @description Super admin only. The slug is generated from the name when absent. Audited.
     */
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
    /**
     * Get a store
     * @description Admin. Active or not.
     */
    get: operations['AdminStores_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a store
     * @description Super admin only. Audited.
     */
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
    /**
     * List the store’s categories
     * @description Admin. A flat list, active or not, by displayOrder then name; nest them with parentId.
     */
    get: operations['Categories_list'];
    put?: never;
    /**
     * Create a category
     * @description Admin. The slug is generated from the name when absent; parentId must be a category of the same store. Audited.
     */
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
    /**
     * Get a category
     * @description Admin. A category of this store, active or not.
     */
    get: operations['Categories_get'];
    put?: never;
    post?: never;
    /**
     * Delete a category
     * @description Admin. Its children become roots and its products lose their category. Audited.
     */
    delete: operations['Categories_remove'];
    options?: never;
    head?: never;
    /**
     * Change a category
     * @description Admin. Also moves it under another parent (never under itself or a descendant). Audited.
     */
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
    /**
     * List the store’s customers
     * @description Admin. With their order count, what they spent (paid orders net of refunds) and their last order, latest buyers first.
     */
    get: operations['StoreCustomers_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/customers/{profileId}': {
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
    /**
     * Update a store customer’s metadata
     * @description Admin. Merges `metadata` into the store customer’s: keys sent with a string are set, keys sent as null removed, others kept (two concurrent updates of different keys both survive). Audited when a key changed.
     */
    patch: operations['StoreCustomers_updateMetadata'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/customers/{profileId}/loyalty': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a store customer’s loyalty points
     * @description Admin. The customer’s balance in the store and their newest ledger entries.
     */
    get: operations['LoyaltyAdmin_ofCustomer'];
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
    /**
     * Get a store customer’s orders summary
     * @description Admin. The former `store_customers.orders` JSON, in its legacy snake_case shape, computed from the orders.
     */
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
     * @description Newest first.
     */
    get: operations['Discounts_list'];
    put?: never;
    /**
     * Create a discount code
     * @description Codes are unique per store, case-insensitively. value is the percent off (at most 100) for percentage, the amount off for fixed.
     */
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
    /**
     * Get a discount code
     * @description Another store’s discount is a 404.
     */
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
    /**
     * Update a discount code
     * @description Only the fields sent change; maxUses cannot go below the uses already made.
     */
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
    /**
     * List the store’s orders
     * @description Admin. Newest first, filtered by status, customer and creation date.
     */
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
    /**
     * List the store’s products
     * @description Admin. Active or not, with tags; `q` searches name and slug, `categoryId` filters.
     */
    get: operations['Products_list'];
    put?: never;
    /**
     * Create a product
     * @description Admin. The slug is generated from the name when absent; categoryId and tagIds must be of the same store; `metadata` keys sent as null are left out. Audited.
     */
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
    /**
     * Get a product
     * @description Admin. A product of this store with its tags.
     */
    get: operations['Products_get'];
    put?: never;
    post?: never;
    /**
     * Delete a product
     * @description Admin. Its variants, images, tag links and stock go with it; a product on an order cannot be deleted (deactivate it instead). Audited.
     */
    delete: operations['Products_remove'];
    options?: never;
    head?: never;
    /**
     * Change a product
     * @description Admin. `tagIds` replaces the product’s tags; a basePrice that would make a variant’s price negative is refused; `metadata` is merged (keys sent are set, keys sent as null are removed, others are kept). Audited (changed metadata keys included).
     */
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
    /**
     * List a product’s images
     * @description Admin. By displayOrder, then age.
     */
    get: operations['ProductImages_list'];
    put?: never;
    /**
     * Add an image to a product
     * @description Admin. By http(s) URL; no upload. Audited.
     */
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
    /**
     * Get a product image
     * @description Admin. An image of a product of this store.
     */
    get: operations['ProductImages_get'];
    put?: never;
    post?: never;
    /**
     * Remove an image from a product
     * @description Admin. Audited.
     */
    delete: operations['ProductImages_remove'];
    options?: never;
    head?: never;
    /**
     * Change a product image
     * @description Admin. URL, alt text or display order. Audited.
     */
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
    /**
     * List a product’s variants
     * @description Admin. Active or not, each with its price and stock.
     */
    get: operations['Variants_list'];
    put?: never;
    /**
     * Create a variant
     * @description Admin. The SKU is generated when absent; the variant starts with `initialQuantity` in stock; `metadata` keys sent as null are left out. Audited.
     */
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
    /**
     * Get a variant
     * @description Admin. With its price and stock.
     */
    get: operations['Variants_get'];
    put?: never;
    post?: never;
    /**
     * Delete a variant
     * @description Admin. Its stock row and cart lines go with it; a variant on an order cannot be deleted (deactivate it instead). Audited.
     */
    delete: operations['Variants_remove'];
    options?: never;
    head?: never;
    /**
     * Change a variant
     * @description Admin. Stock is changed through PATCH /admin/inventory/{variantId}, not here. `metadata` is merged: keys sent are set, keys sent as null are removed, others are kept. Audited (changed metadata keys included).
     */
    patch: operations['Variants_update'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the store’s returns
     * @description Admin. Newest first, by status.
     */
    get: operations['ReturnsAdmin_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/shipping-methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the shipping methods of a store
     * @description By name; inactive ones too.
     */
    get: operations['ShippingMethods_list'];
    put?: never;
    /**
     * Create a shipping method
     * @description flat: amount. free_over: amount, free from freeOver (inclusive) on the subtotal after discounts. weight: amount (a fee, default 0) + the first tier whose upToGrams the cart weight does not exceed; heavier than the last tier → not offered. 400 VALIDATION_FAILED when a field the type needs is missing, one it does not have is sent, or tiers are not strictly ascending.
     */
    post: operations['ShippingMethods_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/shipping-methods/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a shipping method
     * @description Another store’s method is a 404.
     */
    get: operations['ShippingMethods_get'];
    put?: never;
    post?: never;
    /**
     * Delete a shipping method
     * @description Orders keep the shipping they were charged.
     */
    delete: operations['ShippingMethods_remove'];
    options?: never;
    head?: never;
    /**
     * Update a shipping method
     * @description Only the fields sent change; changing rateType clears the former type’s field. flat: amount. free_over: amount, free from freeOver (inclusive) on the subtotal after discounts. weight: amount (a fee, default 0) + the first tier whose upToGrams the cart weight does not exceed; heavier than the last tier → not offered. 400 VALIDATION_FAILED when a field the type needs is missing, one it does not have is sent, or tiers are not strictly ascending.
     */
    patch: operations['ShippingMethods_update'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/shipping-zones': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the shipping zones of a store
     * @description By name.
     */
    get: operations['ShippingZones_list'];
    put?: never;
    /**
     * Create a shipping zone
     * @description A set of destination countries; zones may overlap (a country in two zones gets the methods of both).
     */
    post: operations['ShippingZones_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/shipping-zones/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a shipping zone
     * @description Another store’s zone is a 404.
     */
    get: operations['ShippingZones_get'];
    put?: never;
    post?: never;
    /**
     * Delete a shipping zone
     * @description Its shipping methods are deleted with it; orders keep the shipping they were charged.
     */
    delete: operations['ShippingZones_remove'];
    options?: never;
    head?: never;
    /**
     * Update a shipping zone
     * @description Only the fields sent change; countries replaces the list.
     */
    patch: operations['ShippingZones_update'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/staff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the staff of a store
     * @description Owner or super admin. Oldest member first.
     */
    get: operations['Staff_list'];
    put?: never;
    /**
     * Add an admin to the store, or invite an email
     * @description Owner or super admin. An existing admin becomes a member at once (kind membership); any other email gets an invitation (kind invitation, accepted with POST /auth/invitations/accept), and accepting it makes the account a member with this role. Audited.
     */
    post: operations['Staff_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/staff/{profileId}': {
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
     * Remove a member
     * @description Owner or super admin. An admin left in no store loses every session (refresh tokens revoked; access tokens find no store from then on). The last owner cannot be removed. Audited.
     */
    delete: operations['Staff_remove'];
    options?: never;
    head?: never;
    /**
     * Change a member’s role
     * @description Owner or super admin. The last owner cannot be demoted. Audited.
     */
    patch: operations['Staff_update'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the store’s tags
     * @description Admin. By name.
     */
    get: operations['Tags_list'];
    put?: never;
    /**
     * Create a tag
     * @description Admin. The slug is generated from the name when absent. Audited.
     */
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
    /**
     * Get a tag
     * @description Admin. A tag of this store.
     */
    get: operations['Tags_get'];
    put?: never;
    post?: never;
    /**
     * Delete a tag
     * @description Admin. It is removed from its products. Audited.
     */
    delete: operations['Tags_remove'];
    options?: never;
    head?: never;
    /**
     * Change a tag
     * @description Admin. Its name or slug. Audited.
     */
    patch: operations['Tags_update'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/tax-rates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the tax rates of a store
     * @description By country, the country-wide rate before its regions, then by class.
     */
    get: operations['TaxRates_list'];
    put?: never;
    /**
     * Create a tax rate
     * @description The rate the products of `taxClass` pay when shipped to `country` (or to `region` of it). At checkout a region’s rate wins over the country’s, which wins over the store’s `taxRate`. Audited.
     */
    post: operations['TaxRates_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/tax-rates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a tax rate
     * @description Another store’s rate is a 404.
     */
    get: operations['TaxRates_get'];
    put?: never;
    post?: never;
    /**
     * Delete a tax rate
     * @description The destination falls back to the country’s rate, then the store’s. Orders keep theirs. Audited.
     */
    delete: operations['TaxRates_remove'];
    options?: never;
    head?: never;
    /**
     * Update a tax rate
     * @description Only the fields sent change; region null makes it the whole country’s. Orders keep the rate they were charged. Audited.
     */
    patch: operations['TaxRates_update'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the webhook endpoints of a store
     * @description Oldest first, inactive ones included. The signing secrets are never shown here.
     */
    get: operations['Webhooks_list'];
    put?: never;
    /**
     * Create a webhook endpoint
     * @description The response carries the signing secret, this once. Each event of the chosen types is POSTed as JSON `{type, timestamp, data}` with the Standard Webhooks headers `webhook-id` (the event id, the same on every retry), `webhook-timestamp` (unix seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, keyed with the base64-decoded part of the secret after `whsec_`). A non-2xx answer or none within 10 s is retried with exponential backoff and jitter, up to WEBHOOK_MAX_ATTEMPTS sends; repeated failures disable the endpoint.
     */
    post: operations['Webhooks_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a webhook endpoint
     * @description Without its secret.
     */
    get: operations['Webhooks_get'];
    put?: never;
    post?: never;
    /**
     * Delete a webhook endpoint
     * @description Its delivery log goes with it; nothing more is sent to it.
     */
    delete: operations['Webhooks_remove'];
    options?: never;
    head?: never;
    /**
     * Update a webhook endpoint
     * @description Only the fields sent change; a new url is checked like at creation. isActive: true turns a disabled endpoint back on (its failure count reset; its waiting deliveries go out again). The secret does not change.
     */
    patch: operations['Webhooks_update'];
    trace?: never;
  };
  '/api/admin/stores/{storeId}/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The delivery log of a webhook endpoint
     * @description Its latest deliveries (test pings included), newest first, at most `limit`.
     */
    get: operations['Webhooks_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/stores/{storeId}/webhooks/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a test ping to a webhook endpoint
     * @description Queues an event of type `ping` (data `{endpointId, storeId}`) and answers at once with its delivery: it goes out in the background like every delivery (signed, retried, in the delivery log), so follow it there. 409 WEBHOOK_INACTIVE for an endpoint that is not active.
     */
    post: operations['Webhooks_test'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
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
     * @description Creates the admin account for the invited email with `password`, or, when the email already has an account, promotes it: `password` must then be that account’s current password, which never changes; its other sessions end. Throttled per IP.
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
    /**
     * Log in with email and password
     * @description With X-Cart-Session, the guest carts of that session merge into the customer’s (best effort). Throttled per IP and per email.
     */
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
  '/api/auth/logout-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log out everywhere
     * @description Revokes every refresh token of the caller. Access tokens stay valid until they expire.
     */
    post: operations['Accounts_logoutAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password/forgot': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Email me a password reset link
     * @description Always 202 with the same body, in about the same time, whether or not the email has an account (no enumeration). If it has, a reset link (valid 30 minutes, single use) is mailed. Accounts imported without a password set one this way. Throttled per IP and per email.
     */
    post: operations['Accounts_forgotPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a new password with a reset link
     * @description Sets the password, marks the email verified, ends every other session and outstanding reset link, and logs in.
     */
    post: operations['Accounts_resetPassword'];
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
    /**
     * Create a customer account
     * @description Registers and logs in. With X-Cart-Session, the guest carts of that session merge into the customer’s (best effort). Throttled per IP and per email.
     */
    post: operations['Auth_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/verify-email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify an email address
     * @description Consumes the token of a verification link, or of an email-change link: the account then has the new address, verified.
     */
    post: operations['Accounts_verifyEmail'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/verify-email/request': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Email me a verification link
     * @description Mails a link (valid 24 h, single use) to the caller’s address; nothing is sent when it is verified already. Throttled per IP and per email.
     */
    post: operations['Accounts_requestVerification'];
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
  '/api/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness probe
     * @description Always 200 while the process can answer HTTP; touches no database, so a database outage does not get healthy processes restarted.
     */
    get: operations['Probes_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness probe
     * @description 200 when the database answers within 2 s, every migration of this build is applied and the process is not shutting down; else 503 with the reason (take the instance out of rotation).
     */
    get: operations['Probes_ready'];
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
    /**
     * Get my profile
     * @description The profile of the token’s user.
     */
    get: operations['Me_me'];
    put?: never;
    post?: never;
    /**
     * Close my account
     * @description Needs the password. Anonymises the profile (email, name, phone, password) and the addresses, ends every session; orders are kept. The email is free for a new registration afterwards.
     */
    delete: operations['Me_deleteMe'];
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
    /**
     * List my addresses
     * @description Default first, then newest.
     */
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
     * @description Deleting the default makes the newest remaining address the default. Orders that shipped to it keep their own copy of the address.
     */
    delete: operations['Me_deleteAddress'];
    options?: never;
    head?: never;
    /**
     * Update one of my addresses
     * @description Only the fields sent change; isDefault: true makes it the default (the old one is unset).
     */
    patch: operations['Me_updateAddress'];
    trace?: never;
  };
  '/api/me/email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change my email
     * @description Needs the current password. The new address gets a verification link (24 h); the email changes when it is used (POST /api/auth/verify-email). Throttled per IP and per email.
     */
    post: operations['Me_changeEmail'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change my password
     * @description Needs the current password. Every other session ends (this device’s stays when its refreshToken is sent), and so do outstanding reset links.
     */
    post: operations['Me_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics
     * @description Prometheus text format (prom-client): `http_requests_total` and `http_request_duration_seconds` by method, route pattern and status; database pool; checkout, webhook and email outcomes; active stock reservations; outbox depth and failed deliveries; process metrics. With WEB_CONCURRENCY the numbers are summed over all workers. When METRICS_TOKEN is set it wants `Authorization: Bearer <METRICS_TOKEN>` (not a user token). Names and labels: docs/operations.md, "Metrics and probes".
     */
    get: operations['Metrics_scrape'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List my orders
     * @description The signed-in user’s orders, newest first.
     */
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
    /**
     * Get an order
     * @description The caller’s own order (bearer token), or a guest’s order (`X-Order-Token`); admins may read any order, and see its `metadata` (the admin view). Another buyer’s order, or a wrong order token, is a 404.
     */
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
    /**
     * Cancel my order
     * @description The buyer’s own order (bearer token, or a guest’s `X-Order-Token`), only while unpaid and pending: its stock holds and discount use are given back, a Stripe PaymentIntent is withdrawn. Audited.
     */
    post: operations['Orders_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orders/{id}/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask to return some units
     * @description The order’s buyer (bearer token, or a guest’s `X-Order-Token`; admins are not buyers). A shipped or delivered order, within RETURN_WINDOW_DAYS (30) of its last delivery (of its last shipment while nothing was delivered). Counts earlier returns that were not rejected. The store approves or rejects it, then receives the goods and refunds them. Audited; `return.requested`.
     */
    post: operations['Returns_create'];
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
    /**
     * Receive a Stripe webhook event
     * @description Called by Stripe; authenticated by Stripe-Signature, not a token. Applies payment_intent.succeeded, payment_intent.payment_failed and charge.refunded once per event id; other types are acknowledged and ignored.
     */
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
    /**
     * List the active stores
     * @description Public. By name.
     */
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
    /**
     * Get the cart
     * @description Public, token optional. The customer’s cart (by token) or the guest’s (by X-Cart-Session), priced now; a guest without a session gets a new `sessionId`.
     */
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
    /**
     * Add a variant to the cart
     * @description Public, token optional. The same variant again adds up; the stock is checked, not held (checkout holds it).
     */
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
    /**
     * Remove a line from the cart
     * @description Public, token optional.
     */
    delete: operations['Cart_remove'];
    options?: never;
    head?: never;
    /**
     * Set the quantity of a cart line
     * @description Public, token optional. The stock is checked, not held.
     */
    patch: operations['Cart_update'];
    trace?: never;
  };
  '/api/stores/{storeSlug}/cart/shipping-options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Shipping options for the cart
     * @description Public, token optional; the cart is found like the cart routes find it (token, else X-Cart-Session; none: an empty cart). Every active method whose zone lists the country, priced for the cart now, cheapest first; a method that cannot carry the cart’s weight is left out, and a country no zone lists gets []. free_over compares the cart subtotal here (no discount code yet); checkout compares the subtotal after its discount. A store without methods answers [] and keeps its flat fee.
     */
    get: operations['ShippingOptions_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores/{storeSlug}/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the store’s category tree
     * @description Public. Active categories only, nested, siblings by displayOrder; an inactive category hides its subtree.
     */
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
    /**
     * Check out the cart
     * @description Turns the cart into a pending order: prices now, applies the discount, ships with the chosen method, taxes by destination, holds the stock (until RESERVATION_TTL_MINUTES), empties the cart, then opens the payment (Stripe: `clientSecret` to confirm in the browser). Idempotent by Idempotency-Key. A customer (bearer token) sends `shippingAddressId` or `shippingAddress`; a guest (no token, `X-Cart-Session`) sends `email` and `shippingAddress`, and gets `orderToken` (for `X-Order-Token`). The order keeps its own copy of the address.
     */
    post: operations['Checkout_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stores/{storeSlug}/me/loyalty': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get my loyalty points in a store
     * @description The caller’s balance and newest ledger entries: 1 point per whole currency unit of a paid order, taken back in proportion on refunds. Zero and no entries before a first paid order.
     */
    get: operations['MyLoyalty_mine'];
    put?: never;
    post?: never;
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
    /**
     * Browse the store’s products
     * @description Public. Active products as cards: filter by category (with sub-categories), tag, words, variant price range, featured and variant attributes (`attr.<key>=<value>`). Paged by `page` (small catalogs) or by `cursor` (`nextCursor` of the previous page: any depth costs what page 1 costs; the cursor wins when both are sent). Filtered totals are exact up to 250 matches, then capped (`totalCapped`).
     */
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
    /**
     * Get a product by slug
     * @description Public. An active product with its images and active variants (price and what is available now).
     */
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
      /**
       * Format: password
       * @description The new admin’s password; when the invited email already has an account, that account’s current password
       */
      password: string;
      /** @description The token from the invitation */
      token: string;
    };
    AccountRequestAccepted: {
      /** @example If the address can receive it, an email is on its way */
      message: string;
    };
    AccountTokenDto: {
      /** @description The token from the emailed link */
      token: string;
    };
    AccountUserResponse: {
      user: components['schemas']['ProfileView'];
    };
    AddCartItemDto: {
      quantity: number;
      /** Format: uuid */
      variantId: string;
    };
    AddStaffDto: {
      /**
       * Format: email
       * @example manager@example.com
       */
      email: string;
      /** @enum {string} */
      role: 'owner' | 'manager' | 'staff';
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
    AdminOrderResponse: {
      /** Format: date-time */
      createdAt: string;
      /** @example USD */
      currency: string;
      /**
       * Format: uuid
       * @description The ordering customer’s profile id; null for a guest’s order
       */
      customerId: string | null;
      /** @example 0.00 */
      discountAmount: string;
      discountCode: string | null;
      /** @description The order detail (GET /orders/:id) only: its shipments, oldest first */
      fulfillments?: components['schemas']['OrderFulfillmentResponse'][];
      /** Format: uuid */
      id: string;
      items: components['schemas']['OrderItemResponse'][];
      /**
       * @description Your own key-value pairs. At most 50 keys of 1-40 characters; values are strings of at most 500 characters.
       * @example {
       *       "erp_id": "A-1042",
       *       "season": "SS26"
       *     }
       */
      metadata: {
        [key: string]: string;
      };
      notes: string | null;
      /** @example 20261100042 */
      orderNumber: string;
      /** @enum {string} */
      paymentStatus: 'unpaid' | 'paid' | 'refunded' | 'failed';
      /** @description The order detail (GET /orders/:id) only: its returns, oldest first */
      returns?: components['schemas']['OrderReturnResponse'][];
      /** @description The address it ships to, as it was at checkout (the order’s own copy); null when the order has none */
      shippingAddress: components['schemas']['ShippingAddressResponse'] | null;
      /** @example 5.00 */
      shippingAmount: string;
      /**
       * Format: uuid
       * @description The shipping method chosen
       */
      shippingMethodId: string | null;
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
    ChangeEmailDto: {
      /**
       * Format: email
       * @example ada.new@example.com
       */
      newEmail: string;
      /**
       * Format: password
       * @description The account’s current password
       */
      password: string;
    };
    ChangePasswordDto: {
      /**
       * Format: password
       * @description The account’s current password
       */
      currentPassword: string;
      /**
       * Format: password
       * @description The new password
       */
      newPassword: string;
      /** @description This device’s refresh token: its session stays open. Without it, every session ends. */
      refreshToken?: string;
    };
    CheckoutDto: {
      /**
       * @description A discount code of the store
       * @example SAVE10
       */
      discountCode?: string;
      /**
       * Format: email
       * @description Guests: required, where the order’s emails go. Customers: not sent (their account’s is used).
       * @example ada@example.com
       */
      email?: string;
      /** @description For the store, kept on the order */
      notes?: string;
      /** @description The address to ship to, copied onto the order. Guests: required. */
      shippingAddress?: components['schemas']['InlineAddressDto'];
      /**
       * Format: uuid
       * @description Customers: one of their addresses (or send `shippingAddress` instead). Not for guests.
       */
      shippingAddressId?: string;
      /**
       * Format: uuid
       * @description A shipping method of the store (`GET /stores/:storeSlug/cart/shipping-options`); required when the store has any
       */
      shippingMethodId?: string;
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
      /** @description Guest checkouts only (absent for a customer): send it as `X-Order-Token` to read or cancel the order. Shown here only; the same Idempotency-Key replays it. */
      orderToken?: string;
      payment: components['schemas']['CheckoutPaymentResponse'];
    };
    CreateAddressDto: {
      addressLine1: string;
      addressLine2?: string | null;
      city: string;
      /**
       * @description An assigned ISO 3166-1 alpha-2 code (any case: stored upper-case)
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
    CreateFulfillmentDto: {
      /** @example UPS */
      carrier?: string | null;
      /** @description Each order item at most once */
      items: components['schemas']['LineQuantityDto'][];
      /** @example 1Z999AA10123456784 */
      trackingNumber?: string | null;
      /** Format: uri */
      trackingUrl?: string | null;
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
      /**
       * @description Merged into the stored metadata: keys sent with a string are set, keys sent as null are removed, keys not sent are kept. At most 50 keys of 1-40 characters; values are strings of at most 500 characters, also after the merge. Any breach → 400 METADATA_INVALID.
       * @example {
       *       "erp_id": "A-1042",
       *       "legacy_code": null
       *     }
       */
      metadata?: {
        [key: string]: string | null;
      };
      /** @example Classic Cotton Tee */
      name: string;
      /** @description Unique per store; generated from the name when absent */
      slug?: string;
      /** @description Tags of the same store; replaces the product’s tags */
      tagIds?: string[];
      /**
       * @description Which of the destination’s tax rates its lines pay (default standard)
       * @default standard
       * @enum {string}
       */
      taxClass?: 'standard' | 'reduced' | 'zero';
    };
    CreateReturnDto: {
      /** @description Each order item at most once */
      items: components['schemas']['LineQuantityDto'][];
      /** @example Too small */
      reason: string;
    };
    CreateShippingMethodDto: {
      /**
       * @description flat: the price; free_over: the price below freeOver (both required); weight: a handling fee added to the tier’s amount (default 0). A decimal string or number with at most two decimals.
       * @example 4.99
       */
      amount?: string | number;
      /**
       * @description free_over only (required there): a subtotal after discounts of at least this ships free (inclusive). At least 0.01.
       * @example 50.00
       */
      freeOver?: (string | null) | (number | null);
      /** @description true when created without it */
      isActive?: boolean;
      /** @example Standard */
      name: string;
      /** @enum {string} */
      rateType: 'flat' | 'free_over' | 'weight';
      /** @description weight only (required there): bands in strictly ascending upToGrams order; a cart heavier than the last bound cannot use the method */
      weightTiers?: components['schemas']['WeightTierDto'][] | null;
      /**
       * Format: uuid
       * @description A shipping zone of this store
       */
      zoneId: string;
    };
    CreateShippingZoneDto: {
      /**
       * @description ISO 3166-1 alpha-2 codes in uppercase (assigned codes only: "XX" or "UK" are refused); stored sorted, repeats dropped
       * @example [
       *       "DE",
       *       "AT",
       *       "CH"
       *     ]
       */
      countries: string[];
      /** @example DACH */
      name: string;
    };
    CreateStoreDto: {
      /**
       * @description ISO 4217 code, upper case, with 0 or 2 minor digits (JPY, EUR, USD…); KWD, BHD and other 3-digit currencies are 400 UNSUPPORTED_CURRENCY
       * @default USD
       * @example USD
       */
      currency?: string;
      isActive?: boolean;
      /** @example Acme Outfitters */
      name: string;
      /**
       * @description Prices and shipping include tax: it is extracted from them, not added (default false)
       * @default false
       */
      pricesIncludeTax?: boolean;
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
      /**
       * @description Shipping is taxed at the destination’s standard rate (default false)
       * @default false
       */
      taxShipping?: boolean;
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
    CreateTaxRateDto: {
      /**
       * @description An assigned ISO 3166-1 alpha-2 code (any case: stored upper-case)
       * @example DE
       */
      country: string;
      /** @description Percent, 0 to 100 with at most two decimals ("19.00" = 19 %); a string or a number. The zero class takes 0 only. */
      rate: string | number;
      /**
       * @description Matched against the shipping address’s `state`, trimmed and case-insensitively (stored upper-case). Absent or null: the whole country.
       * @example BY
       */
      region?: string | null;
      /**
       * @description The products of this class pay this rate
       * @enum {string}
       */
      taxClass: 'standard' | 'reduced' | 'zero';
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
       * @description Merged into the stored metadata: keys sent with a string are set, keys sent as null are removed, keys not sent are kept. At most 50 keys of 1-40 characters; values are strings of at most 500 characters, also after the merge. Any breach → 400 METADATA_INVALID.
       * @example {
       *       "erp_id": "A-1042",
       *       "legacy_code": null
       *     }
       */
      metadata?: {
        [key: string]: string | null;
      };
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
      /**
       * @description Shipping weight of one unit in grams (weight-tier shipping rates add these up)
       * @default 0
       */
      weightGrams?: number;
    };
    CreateWebhookDto: {
      /**
       * @description The event types to send to this endpoint
       * @example [
       *       "order.paid",
       *       "order.refunded"
       *     ]
       */
      events: (
        | 'order.placed'
        | 'order.paid'
        | 'order.cancelled'
        | 'order.shipped'
        | 'order.delivered'
        | 'order.refunded'
        | 'return.requested'
        | 'return.received'
        | 'customer.registered'
        | 'product.created'
        | 'product.updated'
        | 'product.deleted'
        | 'inventory.low_stock'
      )[];
      /** @description true when created without it. false: nothing is sent. */
      isActive?: boolean;
      /**
       * @description http:// or https://. A host that is or resolves to a loopback, private or link-local address is refused (400 WEBHOOK_URL_NOT_ALLOWED) unless the server runs with WEBHOOK_ALLOW_PRIVATE=true.
       * @example https://hooks.example.com/commerce
       */
      url: string;
    };
    CreatedWebhookResponse: {
      /** @description Failed sends since the last success */
      consecutiveFailures: number;
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: date-time
       * @description When repeated failures disabled it; null otherwise (PATCH isActive: true clears it)
       */
      disabledAt: string | null;
      /**
       * @example [
       *       "order.paid"
       *     ]
       */
      events: (
        | 'order.placed'
        | 'order.paid'
        | 'order.cancelled'
        | 'order.shipped'
        | 'order.delivered'
        | 'order.refunded'
        | 'return.requested'
        | 'return.received'
        | 'customer.registered'
        | 'product.created'
        | 'product.updated'
        | 'product.deleted'
        | 'inventory.low_stock'
      )[];
      /** Format: uuid */
      id: string;
      /** @description false: turned off by an admin, or disabled after repeated failures */
      isActive: boolean;
      /**
       * @description The signing secret (`whsec_` + base64 of 32 random bytes), shown this once: store it now. Verify each delivery’s `webhook-signature` with it (Standard Webhooks).
       * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
       */
      secret: string;
      /** Format: uuid */
      storeId: string;
      /** Format: date-time */
      updatedAt: string;
      /** @example https://hooks.example.com/commerce */
      url: string;
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
    DeleteAccountDto: {
      /**
       * Format: password
       * @description The account’s current password
       */
      password: string;
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
      details?:
        | unknown[]
        | {
            [key: string]: unknown;
          };
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
    EventStatsResponse: {
      /**
       * @description Whether this instance runs the dispatcher (EVENTS_DISPATCH)
       * @example true
       */
      dispatching: boolean;
      /** @description Deliveries that used up EVENTS_MAX_ATTEMPTS and are no longer retried, per subscriber */
      failedDeliveries: components['schemas']['FailedDeliveriesView'][];
      /**
       * @description Age of the oldest pending event: the dispatcher’s lag. Null when nothing is pending.
       * @example 0.4
       */
      oldestPendingAgeSeconds: number | null;
      /**
       * @description Deliveries waiting for their (next) run, the running ones included
       * @example 0
       */
      pendingDeliveries: number;
      /**
       * @description Events not yet delivered to every subscriber
       * @example 0
       */
      pendingEvents: number;
      /**
       * @description The after-commit subscribers this instance delivers to, as `type subscriber`
       * @example [
       *       "order.paid LoyaltySubscriber.onOrderPaid"
       *     ]
       */
      subscribers: string[];
    };
    FailedDeliveriesView: {
      /** @example 2 */
      count: number;
      /** @example LoyaltySubscriber.onOrderPaid */
      subscriber: string;
    };
    ForgotPasswordDto: {
      /**
       * Format: email
       * @example ada@example.com
       */
      email: string;
    };
    FulfillmentResponse: {
      /** @example UPS */
      carrier: string | null;
      /** Format: date-time */
      deliveredAt: string | null;
      /** Format: uuid */
      id: string;
      items: components['schemas']['OrderLineQuantityResponse'][];
      /** Format: uuid */
      orderId: string;
      /**
       * @description The order’s status after this change
       * @enum {string}
       */
      orderStatus: 'pending' | 'paid' | 'processing' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';
      /** Format: date-time */
      shippedAt: string;
      /** @enum {string} */
      status: 'shipped' | 'delivered';
      /** @example 1Z999AA10123456784 */
      trackingNumber: string | null;
      /** Format: uri */
      trackingUrl: string | null;
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
    InlineAddressDto: {
      addressLine1: string;
      addressLine2?: string | null;
      city: string;
      /**
       * @description An assigned ISO 3166-1 alpha-2 code (any case: stored upper-case)
       * @example US
       */
      country: string;
      fullName: string;
      phone: string;
      postalCode: string;
      /** @description State, province or region (may be empty where there is none) */
      state: string;
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
    LineQuantityDto: {
      /**
       * Format: uuid
       * @description An order item of this order (items[].id)
       */
      orderItemId: string;
      quantity: number;
    };
    LiveResponse: {
      /**
       * @example ok
       * @enum {string}
       */
      status: 'ok';
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
    LoyaltyBalanceResponse: {
      /**
       * @description Points now: the sum of all entries, never below zero
       * @example 42
       */
      balance: number;
      /** @description The newest 100 ledger entries, newest first */
      entries: components['schemas']['LoyaltyEntryResponse'][];
      /**
       * Format: uuid
       * @description The customer whose points these are
       */
      profileId: string;
      /** Format: uuid */
      storeId: string;
    };
    LoyaltyEntryResponse: {
      /**
       * @description What was paid (order_paid) or refunded (order_refunded)
       * @example 42.50
       */
      amount: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description The order the points are for
       */
      orderId: string;
      /**
       * @description Signed: positive for a credit (order_paid), zero or negative for a take-back (order_refunded)
       * @example 42
       */
      points: number;
      /**
       * @example order_paid
       * @enum {string}
       */
      reason: 'order_paid' | 'order_refunded';
    };
    NotReadyResponse: {
      /**
       * @description `database_down`: no answer within 2 s; `migrations_pending`: this build expects migrations the database lacks; `shutting_down`: draining after SIGTERM (in-flight requests finish)
       * @example shutting_down
       * @enum {string}
       */
      reason: 'database_down' | 'migrations_pending' | 'shutting_down';
      /**
       * @example not_ready
       * @enum {string}
       */
      status: 'not_ready';
    };
    OrderFulfillmentResponse: {
      /** @example UPS */
      carrier: string | null;
      /** Format: date-time */
      deliveredAt: string | null;
      /** Format: uuid */
      id: string;
      items: components['schemas']['OrderLineQuantityResponse'][];
      /** Format: date-time */
      shippedAt: string;
      /** @enum {string} */
      status: 'shipped' | 'delivered';
      /** @example 1Z999AA10123456784 */
      trackingNumber: string | null;
      /** Format: uri */
      trackingUrl: string | null;
    };
    OrderItemResponse: {
      /**
       * @description This line’s share of the order discount (the lines add up to discountAmount)
       * @example 4.00
       */
      discountAmount: string;
      /**
       * Format: uuid
       * @description The order line (orderItemId of fulfilments and returns)
       */
      id: string;
      /** @description As it was when the order was placed */
      productName: string;
      quantity: number;
      sku: string;
      /**
       * @description Tax of this line, rounded half up on its own
       * @example 7.60
       */
      taxAmount: string;
      /**
       * @description Percent
       * @example 19.00
       */
      taxRate: string;
      /** @example 39.98 */
      totalPrice: string;
      /** @example 19.99 */
      unitPrice: string;
      /** Format: uuid */
      variantId: string;
      variantName: string;
    };
    OrderLineQuantityResponse: {
      /**
       * Format: uuid
       * @description The order item (items[].id of the order)
       */
      orderItemId: string;
      quantity: number;
    };
    OrderResponse: {
      /** Format: date-time */
      createdAt: string;
      /** @example USD */
      currency: string;
      /**
       * Format: uuid
       * @description The ordering customer’s profile id; null for a guest’s order
       */
      customerId: string | null;
      /** @example 0.00 */
      discountAmount: string;
      discountCode: string | null;
      /** @description The order detail (GET /orders/:id) only: its shipments, oldest first */
      fulfillments?: components['schemas']['OrderFulfillmentResponse'][];
      /** Format: uuid */
      id: string;
      items: components['schemas']['OrderItemResponse'][];
      /**
       * @description Admin views only (as Stripe shows metadata to API key holders only): present when an admin reads the order, absent from the customer’s own views. Your own key-value pairs. At most 50 keys of 1-40 characters; values are strings of at most 500 characters.
       * @example {
       *       "erp_id": "A-1042",
       *       "season": "SS26"
       *     }
       */
      metadata?: {
        [key: string]: string;
      };
      notes: string | null;
      /** @example 20261100042 */
      orderNumber: string;
      /** @enum {string} */
      paymentStatus: 'unpaid' | 'paid' | 'refunded' | 'failed';
      /** @description The order detail (GET /orders/:id) only: its returns, oldest first */
      returns?: components['schemas']['OrderReturnResponse'][];
      /** @description The address it ships to, as it was at checkout (the order’s own copy); null when the order has none */
      shippingAddress: components['schemas']['ShippingAddressResponse'] | null;
      /** @example 5.00 */
      shippingAmount: string;
      /**
       * Format: uuid
       * @description The shipping method chosen
       */
      shippingMethodId: string | null;
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
    OrderReturnItemResponse: {
      /**
       * Format: uuid
       * @description The order item (items[].id of the order)
       */
      orderItemId: string;
      quantity: number;
      /** @description Units received back; null until received */
      receivedQuantity: number | null;
      /** @description Whether the received units went back in stock */
      restock: boolean | null;
    };
    OrderReturnResponse: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      items: components['schemas']['OrderReturnItemResponse'][];
      reason: string;
      /** Format: date-time */
      receivedAt: string | null;
      /**
       * @description What was refunded for the received lines; null until then
       * @example 19.99
       */
      refundAmount: string | null;
      /** @enum {string} */
      status: 'requested' | 'approved' | 'rejected' | 'receiving' | 'refunded';
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
      /**
       * @description Your own key-value pairs. At most 50 keys of 1-40 characters; values are strings of at most 500 characters.
       * @example {
       *       "erp_id": "A-1042",
       *       "season": "SS26"
       *     }
       */
      metadata: {
        [key: string]: string;
      };
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
      /**
       * @description Your own key-value pairs. At most 50 keys of 1-40 characters; values are strings of at most 500 characters.
       * @example {
       *       "erp_id": "A-1042",
       *       "season": "SS26"
       *     }
       */
      metadata: {
        [key: string]: string;
      };
      name: string;
      slug: string;
      /** Format: uuid */
      storeId: string;
      tags: components['schemas']['ProductTagResponse'][];
      /** @enum {string} */
      taxClass: 'standard' | 'reduced' | 'zero';
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
    ReadyResponse: {
      /**
       * @example ready
       * @enum {string}
       */
      status: 'ready';
    };
    ReceiveReturnDto: {
      /** @description The lines that came back (each at most once, at most what the return asked for); lines left out came back with 0 */
      items: components['schemas']['ReceivedLineDto'][];
    };
    ReceivedLineDto: {
      /**
       * Format: uuid
       * @description An order item of this order (items[].id)
       */
      orderItemId: string;
      quantity: number;
      /** @description Put the received units back in stock */
      restock: boolean;
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
    ResetPasswordDto: {
      /**
       * Format: password
       * @description The new password
       */
      password: string;
      /** @description The token from the emailed link */
      token: string;
    };
    ReturnResponse: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      items: components['schemas']['OrderReturnItemResponse'][];
      /** Format: uuid */
      orderId: string;
      reason: string;
      /** Format: date-time */
      receivedAt: string | null;
      /**
       * @description What was refunded for the received lines; null until then
       * @example 19.99
       */
      refundAmount: string | null;
      /** @enum {string} */
      status: 'requested' | 'approved' | 'rejected' | 'receiving' | 'refunded';
      /** Format: uuid */
      storeId: string;
      /** Format: date-time */
      updatedAt: string;
    };
    ShippingAddressResponse: {
      addressLine1: string;
      addressLine2: string | null;
      city: string;
      country: string;
      fullName: string;
      /**
       * Format: uuid
       * @description The address-book entry it was copied from; null when sent inline or deleted since
       */
      id: string | null;
      phone: string;
      postalCode: string;
      state: string;
    };
    ShippingMethodResponse: {
      /**
       * @description flat / free_over: the price; weight: the fee added to a tier
       * @example 4.99
       */
      amount: string;
      /** Format: date-time */
      createdAt: string;
      /**
       * @description free_over only, else null
       * @example 50.00
       */
      freeOver: string | null;
      /** Format: uuid */
      id: string;
      isActive: boolean;
      /** @example Standard */
      name: string;
      /** @enum {string} */
      rateType: 'flat' | 'free_over' | 'weight';
      /** Format: uuid */
      storeId: string;
      /** Format: date-time */
      updatedAt: string;
      /** @description weight only, else null */
      weightTiers: components['schemas']['WeightTierResponse'][] | null;
      /** Format: uuid */
      zoneId: string;
    };
    ShippingOptionResponse: {
      /** @example 4.99 */
      amount: string;
      /**
       * Format: uuid
       * @description The shippingMethodId to check out with
       */
      id: string;
      /** @example Standard */
      name: string;
    };
    ShippingZoneResponse: {
      /**
       * @description Sorted
       * @example [
       *       "DE",
       *       "AT",
       *       "CH"
       *     ]
       */
      countries: string[];
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /** @example DACH */
      name: string;
      /** Format: uuid */
      storeId: string;
      /** Format: date-time */
      updatedAt: string;
    };
    StaffAddedResponse: {
      invitation: components['schemas']['StaffInvitationResponse'] | null;
      /** @enum {string} */
      kind: 'membership' | 'invitation';
      membership: components['schemas']['StaffMemberResponse'] | null;
    };
    StaffInvitationResponse: {
      /** @example manager@example.com */
      email: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      role: 'owner' | 'manager' | 'staff';
      /** Format: uuid */
      storeId: string;
      /** @description Shown once; single use, valid 7 days. Also mailed to the address. */
      token: string;
    };
    StaffMemberResponse: {
      /** Format: date-time */
      createdAt: string;
      /** @example manager@example.com */
      email: string;
      fullName: string | null;
      /** Format: uuid */
      profileId: string;
      /** @enum {string} */
      role: 'owner' | 'manager' | 'staff';
      /** Format: uuid */
      storeId: string;
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
      /**
       * @description Your own key-value pairs. At most 50 keys of 1-40 characters; values are strings of at most 500 characters.
       * @example {
       *       "erp_id": "A-1042",
       *       "season": "SS26"
       *     }
       */
      metadata: {
        [key: string]: string;
      };
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
      /** @description Prices and shipping include tax */
      pricesIncludeTax: boolean;
      /** @example 5.00 */
      shippingFlat: string;
      slug: string;
      /**
       * @description Fraction 0..1 with four decimals
       * @example 0.0825
       */
      taxRate: string;
      /** @description Shipping is taxed at the standard rate */
      taxShipping: boolean;
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
    TaxRateResponse: {
      /** @example DE */
      country: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /**
       * @description Percent with two decimals
       * @example 19.00
       */
      rate: string;
      /**
       * @description null: the whole country
       * @example BY
       */
      region: string | null;
      /** Format: uuid */
      storeId: string;
      /** @enum {string} */
      taxClass: 'standard' | 'reduced' | 'zero';
      /** Format: date-time */
      updatedAt: string;
    };
    UpdateAddressDto: {
      addressLine1?: string;
      addressLine2?: string | null;
      city?: string;
      /**
       * @description An assigned ISO 3166-1 alpha-2 code (any case: stored upper-case)
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
    UpdateFulfillmentDto: {
      /** @example UPS */
      carrier?: string | null;
      /**
       * @description The shipment arrived
       * @enum {string}
       */
      status?: 'delivered';
      /** @example 1Z999AA10123456784 */
      trackingNumber?: string | null;
      /** Format: uri */
      trackingUrl?: string | null;
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
    UpdateMetadataDto: {
      /**
       * @description Merged into the stored metadata: keys sent with a string are set, keys sent as null are removed, keys not sent are kept. At most 50 keys of 1-40 characters; values are strings of at most 500 characters, also after the merge. Any breach → 400 METADATA_INVALID.
       * @example {
       *       "erp_id": "A-1042",
       *       "legacy_code": null
       *     }
       */
      metadata: {
        [key: string]: string | null;
      };
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
      /**
       * @description Merged into the stored metadata: keys sent with a string are set, keys sent as null are removed, keys not sent are kept. At most 50 keys of 1-40 characters; values are strings of at most 500 characters, also after the merge. Any breach → 400 METADATA_INVALID.
       * @example {
       *       "erp_id": "A-1042",
       *       "legacy_code": null
       *     }
       */
      metadata?: {
        [key: string]: string | null;
      };
      /** @example Classic Cotton Tee */
      name?: string;
      /** @description Unique per store; generated from the name when absent */
      slug?: string;
      /** @description Tags of the same store; replaces the product’s tags */
      tagIds?: string[];
      /**
       * @description Which of the destination’s tax rates its lines pay (default standard)
       * @default standard
       * @enum {string}
       */
      taxClass?: 'standard' | 'reduced' | 'zero';
    };
    UpdateShippingMethodDto: {
      /**
       * @description flat: the price; free_over: the price below freeOver (both required); weight: a handling fee added to the tier’s amount (default 0). A decimal string or number with at most two decimals.
       * @example 4.99
       */
      amount?: string | number;
      /**
       * @description See create
       * @example 50.00
       */
      freeOver?: (string | null) | (number | null);
      /** @description true when created without it */
      isActive?: boolean;
      /** @example Standard */
      name?: string;
      /** @enum {string} */
      rateType?: 'flat' | 'free_over' | 'weight';
      /** @description See create; replaces the whole list */
      weightTiers?: components['schemas']['WeightTierDto'][] | null;
      /**
       * Format: uuid
       * @description A shipping zone of this store
       */
      zoneId?: string;
    };
    UpdateShippingZoneDto: {
      /**
       * @description ISO 3166-1 alpha-2 codes in uppercase (assigned codes only: "XX" or "UK" are refused); stored sorted, repeats dropped
       * @example [
       *       "DE",
       *       "AT",
       *       "CH"
       *     ]
       */
      countries?: string[];
      /** @example DACH */
      name?: string;
    };
    UpdateStaffDto: {
      /** @enum {string} */
      role: 'owner' | 'manager' | 'staff';
    };
    UpdateStoreDto: {
      /**
       * @description ISO 4217 code, upper case, with 0 or 2 minor digits (JPY, EUR, USD…); KWD, BHD and other 3-digit currencies are 400 UNSUPPORTED_CURRENCY
       * @default USD
       * @example USD
       */
      currency?: string;
      isActive?: boolean;
      /** @example Acme Outfitters */
      name?: string;
      /**
       * @description Prices and shipping include tax: it is extracted from them, not added (default false)
       * @default false
       */
      pricesIncludeTax?: boolean;
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
      /**
       * @description Shipping is taxed at the destination’s standard rate (default false)
       * @default false
       */
      taxShipping?: boolean;
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
    UpdateTaxRateDto: {
      /**
       * @description An assigned ISO 3166-1 alpha-2 code (any case: stored upper-case)
       * @example DE
       */
      country?: string;
      /** @description Percent, 0 to 100 with at most two decimals ("19.00" = 19 %); a string or a number. The zero class takes 0 only. */
      rate?: string | number;
      /**
       * @description Matched against the shipping address’s `state`, trimmed and case-insensitively (stored upper-case). Absent or null: the whole country.
       * @example BY
       */
      region?: string | null;
      /**
       * @description The products of this class pay this rate
       * @enum {string}
       */
      taxClass?: 'standard' | 'reduced' | 'zero';
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
       * @description Merged into the stored metadata: keys sent with a string are set, keys sent as null are removed, keys not sent are kept. At most 50 keys of 1-40 characters; values are strings of at most 500 characters, also after the merge. Any breach → 400 METADATA_INVALID.
       * @example {
       *       "erp_id": "A-1042",
       *       "legacy_code": null
       *     }
       */
      metadata?: {
        [key: string]: string | null;
      };
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
      /**
       * @description Shipping weight of one unit in grams (weight-tier shipping rates add these up)
       * @default 0
       */
      weightGrams?: number;
    };
    UpdateWebhookDto: {
      /**
       * @description The event types to send to this endpoint
       * @example [
       *       "order.paid",
       *       "order.refunded"
       *     ]
       */
      events?: (
        | 'order.placed'
        | 'order.paid'
        | 'order.cancelled'
        | 'order.shipped'
        | 'order.delivered'
        | 'order.refunded'
        | 'return.requested'
        | 'return.received'
        | 'customer.registered'
        | 'product.created'
        | 'product.updated'
        | 'product.deleted'
        | 'inventory.low_stock'
      )[];
      /** @description true when created without it. false: nothing is sent. */
      isActive?: boolean;
      /**
       * @description http:// or https://. A host that is or resolves to a loopback, private or link-local address is refused (400 WEBHOOK_URL_NOT_ALLOWED) unless the server runs with WEBHOOK_ALLOW_PRIVATE=true.
       * @example https://hooks.example.com/commerce
       */
      url?: string;
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
      /**
       * @description Your own key-value pairs. At most 50 keys of 1-40 characters; values are strings of at most 500 characters.
       * @example {
       *       "erp_id": "A-1042",
       *       "season": "SS26"
       *     }
       */
      metadata: {
        [key: string]: string;
      };
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
      /** @description Shipping weight of one unit, in grams */
      weightGrams: number;
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
    WebhookDeliveryResponse: {
      /** @description Sends so far */
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deliveredAt: string | null;
      /**
       * Format: uuid
       * @description The event’s id: the `webhook-id` header of every attempt
       */
      eventId: string;
      /**
       * @example order.paid
       * @enum {string}
       */
      eventType:
        | 'order.placed'
        | 'order.paid'
        | 'order.cancelled'
        | 'order.shipped'
        | 'order.delivered'
        | 'order.refunded'
        | 'return.requested'
        | 'return.received'
        | 'customer.registered'
        | 'product.created'
        | 'product.updated'
        | 'product.deleted'
        | 'inventory.low_stock'
        | 'ping';
      /** Format: uuid */
      id: string;
      /** @example HTTP 500 */
      lastError: string | null;
      /** @description HTTP status of the last answer; null before the first send or without an answer (timeout) */
      lastStatusCode: number | null;
      /**
       * Format: date-time
       * @description When the next send is due (pending only); null once succeeded or failed
       */
      nextAttemptAt: string | null;
      /** @enum {string} */
      status: 'pending' | 'succeeded' | 'failed';
    };
    WebhookResponse: {
      /** @description Failed sends since the last success */
      consecutiveFailures: number;
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: date-time
       * @description When repeated failures disabled it; null otherwise (PATCH isActive: true clears it)
       */
      disabledAt: string | null;
      /**
       * @example [
       *       "order.paid"
       *     ]
       */
      events: (
        | 'order.placed'
        | 'order.paid'
        | 'order.cancelled'
        | 'order.shipped'
        | 'order.delivered'
        | 'order.refunded'
        | 'return.requested'
        | 'return.received'
        | 'customer.registered'
        | 'product.created'
        | 'product.updated'
        | 'product.deleted'
        | 'inventory.low_stock'
      )[];
      /** Format: uuid */
      id: string;
      /** @description false: turned off by an admin, or disabled after repeated failures */
      isActive: boolean;
      /** Format: uuid */
      storeId: string;
      /** Format: date-time */
      updatedAt: string;
      /** @example https://hooks.example.com/commerce */
      url: string;
    };
    WeightTierDto: {
      /**
       * @description A decimal string or number with at most two decimals
       * @example 4.99
       */
      amount: string | number;
      /**
       * @description Carts weighing at most this many grams (inclusive) pay this tier
       * @example 1000
       */
      upToGrams: number;
    };
    WeightTierResponse: {
      /** @example 4.99 */
      amount: string;
      /** @example 1000 */
      upToGrams: number;
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
  EventsAdmin_stats: {
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
          'application/json': components['schemas']['EventStatsResponse'];
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
  OrdersAdmin_updateMetadata: {
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
        'application/json': components['schemas']['UpdateMetadataDto'];
      };
    };
    responses: {
      /** @description The order with its merged metadata */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminOrderResponse'];
        };
      };
      /** @description METADATA_INVALID (not an object of strings, a key or value too long, more than 50 keys, also after the merge), VALIDATION_FAILED (metadata missing, an unknown field), or INVALID_ID (id is not a UUID) */
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
  FulfilmentsAdmin_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The order */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateFulfillmentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FulfillmentResponse'];
        };
      };
      /** @description VALIDATION_FAILED (no items, a quantity below 1, an order item twice, a bad tracking URL, an unknown field), UNKNOWN_ORDER_ITEM (not a line of this order; details: {orderItemIds}), or INVALID_ID */
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
      /** @description INVALID_TRANSITION (the order is not paid or processing), or FULFILLMENT_EXCEEDS_ORDER (details: [{orderItemId, ordered, shipped, requested}]) */
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
  FulfilmentsAdmin_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The order */
        id: string;
        fulfillmentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateFulfillmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FulfillmentResponse'];
        };
      };
      /** @description VALIDATION_FAILED (nothing to change, a bad field, an unknown field), or INVALID_ID */
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
      /** @description ORDER_NOT_FOUND, or FULFILLMENT_NOT_FOUND (not a fulfilment of this order) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVALID_TRANSITION (delivered already, or the order is neither processing nor shipped) */
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
          'application/json': components['schemas']['AdminOrderResponse'];
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
          'application/json': components['schemas']['AdminOrderResponse'];
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
          'application/json': components['schemas']['AdminOrderResponse'];
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
  ReturnsAdmin_approve: {
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
          'application/json': components['schemas']['ReturnResponse'];
        };
      };
      /** @description INVALID_ID */
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
      /** @description RETURN_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVALID_TRANSITION (not requested) */
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
  ReturnsAdmin_receive: {
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
        'application/json': components['schemas']['ReceiveReturnDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReturnResponse'];
        };
      };
      /** @description VALIDATION_FAILED (no items, a quantity below 1, a line twice, restock missing), UNKNOWN_ORDER_ITEM (not a line of this return), or INVALID_ID */
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
      /** @description RETURN_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVALID_TRANSITION (not approved, e.g. received already or being received), RETURN_EXCEEDS_ORDER (more units than the return asked for), or REFUND_EXCEEDS_PAYMENT (less is left of the payment, e.g. refunded by an admin meanwhile) */
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
      /** @description PAYMENT_PROVIDER_ERROR: the provider refused the refund; nothing was refunded, the return is approved again */
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
  ReturnsAdmin_reject: {
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
          'application/json': components['schemas']['ReturnResponse'];
        };
      };
      /** @description INVALID_ID */
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
      /** @description RETURN_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVALID_TRANSITION (not requested) */
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
      /** @description VALIDATION_FAILED, or UNSUPPORTED_CURRENCY (an ISO 4217 currency with other than 0 or 2 minor digits, e.g. KWD) */
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
      /** @description VALIDATION_FAILED, INVALID_ID (storeId is not a UUID), or UNSUPPORTED_CURRENCY (an ISO 4217 currency with other than 0 or 2 minor digits, e.g. KWD) */
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
      /** @description SLUG_TAKEN, or CURRENCY_AMOUNTS_CONFLICT (a currency without minor digits, e.g. JPY, while the store holds prices or shipping amounts with cents: details.amounts says which and how many) */
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
  StoreCustomers_updateMetadata: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        profileId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMetadataDto'];
      };
    };
    responses: {
      /** @description The store customer, as the list shows it */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoreCustomerResponse'];
        };
      };
      /** @description METADATA_INVALID (not an object of strings, a key or value too long, more than 50 keys, also after the merge), VALIDATION_FAILED (metadata missing, an unknown field), or INVALID_ID (storeId or profileId is not a UUID) */
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
  LoyaltyAdmin_ofCustomer: {
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
          'application/json': components['schemas']['LoyaltyBalanceResponse'];
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
      /** @description FORBIDDEN: admin or super_admin only */
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
            items: components['schemas']['AdminOrderResponse'][];
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
      /** @description VALIDATION_FAILED, INVALID_ID, REFERENCE_NOT_FOUND (categoryId or tagIds not of this store), or METADATA_INVALID (metadata breaks a limit) */
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
      /** @description VALIDATION_FAILED, INVALID_ID, REFERENCE_NOT_FOUND (categoryId or tagIds not of this store), or NEGATIVE_VARIANT_PRICE (the new basePrice would make a variant’s price negative), or METADATA_INVALID (metadata breaks a limit) */
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
      /** @description VALIDATION_FAILED, INVALID_ID, NEGATIVE_VARIANT_PRICE (basePrice + priceAdjustment < 0), or METADATA_INVALID (metadata breaks a limit) */
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
      /** @description VALIDATION_FAILED, INVALID_ID, NEGATIVE_VARIANT_PRICE (basePrice + priceAdjustment < 0), or METADATA_INVALID (metadata breaks a limit) */
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
  ReturnsAdmin_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        status?: 'requested' | 'approved' | 'rejected' | 'receiving' | 'refunded';
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
            items: components['schemas']['ReturnResponse'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description VALIDATION_FAILED (status, page, limit), or INVALID_ID */
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
  ShippingMethods_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        /** @description Only the methods of this zone */
        zoneId?: string;
        /** @description Only active (true) or inactive (false) methods */
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
            items: components['schemas']['ShippingMethodResponse'][];
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
  ShippingMethods_create: {
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
        'application/json': components['schemas']['CreateShippingMethodDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShippingMethodResponse'];
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
      /** @description SHIPPING_ZONE_NOT_FOUND (unknown, or a zone of another store) */
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
  ShippingMethods_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A shipping method of the store */
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
          'application/json': components['schemas']['ShippingMethodResponse'];
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
      /** @description SHIPPING_METHOD_NOT_FOUND (also for another store’s method) */
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
  ShippingMethods_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A shipping method of the store */
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
      /** @description SHIPPING_METHOD_NOT_FOUND (also for another store’s method) */
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
  ShippingMethods_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A shipping method of the store */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateShippingMethodDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShippingMethodResponse'];
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
      /** @description SHIPPING_METHOD_NOT_FOUND, or SHIPPING_ZONE_NOT_FOUND (zoneId: unknown or of another store) */
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
  ShippingZones_list: {
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
            items: components['schemas']['ShippingZoneResponse'][];
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
  ShippingZones_create: {
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
        'application/json': components['schemas']['CreateShippingZoneDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShippingZoneResponse'];
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
  ShippingZones_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A shipping zone of the store */
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
          'application/json': components['schemas']['ShippingZoneResponse'];
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
      /** @description SHIPPING_ZONE_NOT_FOUND (also for another store’s zone) */
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
  ShippingZones_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A shipping zone of the store */
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
      /** @description SHIPPING_ZONE_NOT_FOUND (also for another store’s zone) */
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
  ShippingZones_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A shipping zone of the store */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateShippingZoneDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShippingZoneResponse'];
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
      /** @description SHIPPING_ZONE_NOT_FOUND (also for another store’s zone) */
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
  Staff_list: {
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
            items: components['schemas']['StaffMemberResponse'][];
            limit: number;
            page: number;
            /** @description Rows matching the filters */
            total: number;
          };
        };
      };
      /** @description VALIDATION_FAILED, INVALID_ID */
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
      /** @description FORBIDDEN: your role in the store is not owner */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND (also a store you are not a member of), STAFF_NOT_FOUND */
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
  Staff_add: {
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
        'application/json': components['schemas']['AddStaffDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StaffAddedResponse'];
        };
      };
      /** @description VALIDATION_FAILED, INVALID_ID */
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
      /** @description FORBIDDEN: your role in the store is not owner */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND (also a store you are not a member of), STAFF_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ALREADY_MEMBER */
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
  Staff_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A member of the store */
        profileId: string;
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
      /** @description VALIDATION_FAILED, INVALID_ID */
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
      /** @description FORBIDDEN: your role in the store is not owner */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND (also a store you are not a member of), STAFF_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description LAST_OWNER: the store’s only owner cannot be removed */
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
  Staff_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A member of the store */
        profileId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateStaffDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StaffMemberResponse'];
        };
      };
      /** @description VALIDATION_FAILED, INVALID_ID */
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
      /** @description FORBIDDEN: your role in the store is not owner */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description STORE_NOT_FOUND (also a store you are not a member of), STAFF_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description LAST_OWNER: the store’s only owner cannot be demoted */
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
  TaxRates_list: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
        /** @description Only this country’s rates */
        country?: string;
        /** @description Only this class */
        taxClass?: 'standard' | 'reduced' | 'zero';
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
            items: components['schemas']['TaxRateResponse'][];
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
  TaxRates_create: {
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
        'application/json': components['schemas']['CreateTaxRateDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaxRateResponse'];
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
      /** @description TAX_RATE_EXISTS: the store has a rate for this country, region and class */
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
  TaxRates_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A tax rate of the store */
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
          'application/json': components['schemas']['TaxRateResponse'];
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
      /** @description TAX_RATE_NOT_FOUND (also for another store’s rate) */
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
  TaxRates_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A tax rate of the store */
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
      /** @description TAX_RATE_NOT_FOUND (also for another store’s rate) */
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
  TaxRates_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A tax rate of the store */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTaxRateDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaxRateResponse'];
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
      /** @description TAX_RATE_NOT_FOUND (also for another store’s rate) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description TAX_RATE_EXISTS: the store has a rate for this country, region and class */
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
  Webhooks_list: {
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
          'application/json': components['schemas']['WebhookResponse'][];
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
  Webhooks_create: {
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
        'application/json': components['schemas']['CreateWebhookDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedWebhookResponse'];
        };
      };
      /** @description VALIDATION_FAILED (unknown event type, …) or WEBHOOK_URL_NOT_ALLOWED (not http(s), or a host that is or resolves to a loopback, private or link-local address) */
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
  Webhooks_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A webhook endpoint of the store */
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
          'application/json': components['schemas']['WebhookResponse'];
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
      /** @description STORE_NOT_FOUND, or WEBHOOK_NOT_FOUND (also for another store’s endpoint) */
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
  Webhooks_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A webhook endpoint of the store */
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
      /** @description STORE_NOT_FOUND, or WEBHOOK_NOT_FOUND (also for another store’s endpoint) */
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
  Webhooks_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A webhook endpoint of the store */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWebhookDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookResponse'];
        };
      };
      /** @description VALIDATION_FAILED (unknown event type, …) or WEBHOOK_URL_NOT_ALLOWED (not http(s), or a host that is or resolves to a loopback, private or link-local address) */
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
      /** @description STORE_NOT_FOUND, or WEBHOOK_NOT_FOUND (also for another store’s endpoint) */
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
  Webhooks_deliveries: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path: {
        storeId: string;
        /** @description A webhook endpoint of the store */
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
          'application/json': components['schemas']['WebhookDeliveryResponse'][];
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
      /** @description STORE_NOT_FOUND, or WEBHOOK_NOT_FOUND (also for another store’s endpoint) */
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
  Webhooks_test: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storeId: string;
        /** @description A webhook endpoint of the store */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ping is queued */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryResponse'];
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
      /** @description STORE_NOT_FOUND, or WEBHOOK_NOT_FOUND (also for another store’s endpoint) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description WEBHOOK_INACTIVE */
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
      /** @description INVALID_CREDENTIALS: the email has an account and this is not its password */
      401: {
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
  Accounts_logoutAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every session ended */
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
  Accounts_forgotPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ForgotPasswordDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountRequestAccepted'];
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
  Accounts_resetPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResetPasswordDto'];
      };
    };
    responses: {
      /** @description Logged in with the new password */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthSession'];
        };
      };
      /** @description TOKEN_INVALID (unknown or forged token), or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description TOKEN_USED or TOKEN_EXPIRED */
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
  Accounts_verifyEmail: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AccountTokenDto'];
      };
    };
    responses: {
      /** @description The profile, emailVerified: true */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountUserResponse'];
        };
      };
      /** @description TOKEN_INVALID (unknown or forged token), or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description EMAIL_TAKEN: the new address got an account meanwhile */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description TOKEN_USED or TOKEN_EXPIRED */
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
  Accounts_requestVerification: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountRequestAccepted'];
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
      /** @description The database is unreachable or slow: `{status: "error", db: "down"}` */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthDown'];
        };
      };
    };
  };
  Probes_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The process is up */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LiveResponse'];
        };
      };
    };
  };
  Probes_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready for traffic */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReadyResponse'];
        };
      };
      /** @description Not ready: `reason` says why */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotReadyResponse'];
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
  Me_deleteMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeleteAccountDto'];
      };
    };
    responses: {
      /** @description Closed */
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
      /** @description INVALID_CREDENTIALS: wrong password (or no/invalid access token) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description CONCURRENT_UPDATE: the password changed meanwhile; retry */
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
      /** @description CONCURRENT_UPDATE */
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
  Me_changeEmail: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeEmailDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountRequestAccepted'];
        };
      };
      /** @description EMAIL_UNCHANGED (already the account’s email), or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVALID_CREDENTIALS: wrong password (or no/invalid access token) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description EMAIL_TAKEN, or CONCURRENT_UPDATE */
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
  Me_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordDto'];
      };
    };
    responses: {
      /** @description Changed */
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
      /** @description INVALID_CREDENTIALS: wrong current password (or no/invalid access token) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description CONCURRENT_UPDATE: the password changed meanwhile; retry */
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
  Metrics_scrape: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The metrics, `text/plain; version=0.0.4` */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description UNAUTHORIZED: METRICS_TOKEN is set and the request does not carry it */
      401: {
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
      header?: {
        /** @description A guest’s order token (`orderToken` of the guest checkout), instead of a bearer token */
        'X-Order-Token'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description With `metadata` when an admin reads it */
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
      /** @description Neither a bearer token nor X-Order-Token was sent, or the bearer token is not valid (UNAUTHORIZED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORDER_NOT_FOUND (unknown, not yours, or a wrong order token) */
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
      header?: {
        /** @description A guest’s order token (`orderToken` of the guest checkout), instead of a bearer token */
        'X-Order-Token'?: string;
      };
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
      /** @description Neither a bearer token nor X-Order-Token was sent, or the bearer token is not valid (UNAUTHORIZED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORDER_NOT_FOUND (unknown, not yours, or a wrong order token) */
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
  Returns_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description A guest’s order token (`orderToken` of the guest checkout), instead of a bearer token */
        'X-Order-Token'?: string;
      };
      path: {
        /** @description The order */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateReturnDto'];
      };
    };
    responses: {
      /** @description The return, `requested` */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReturnResponse'];
        };
      };
      /** @description VALIDATION_FAILED (no items, a quantity below 1, an order item twice, no reason, an unknown field), UNKNOWN_ORDER_ITEM (not a line of this order; details: {orderItemIds}), or INVALID_ID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Neither a bearer token nor X-Order-Token was sent, or the bearer token is not valid (UNAUTHORIZED) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORDER_NOT_FOUND (unknown, not yours, or a wrong order token) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description RETURN_NOT_ALLOWED (not shipped or delivered, or the window closed; details: {reason}), or RETURN_EXCEEDS_ORDER (details: [{orderItemId, ordered, returned, requested}]) */
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
  ShippingOptions_list: {
    parameters: {
      query: {
        /** @description ISO 3166-1 alpha-2, uppercase */
        country: string;
      };
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
          'application/json': components['schemas']['ShippingOptionResponse'][];
        };
      };
      /** @description VALIDATION_FAILED (country missing, not uppercase, or not an ISO 3166-1 alpha-2 code), or INVALID_CART_SESSION */
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
      /** @description VALIDATION_FAILED (also: a guest without email or shippingAddress; a customer with email, or without exactly one of shippingAddressId and shippingAddress; a bad country), INVALID_CART_SESSION, SHIPPING_METHOD_REQUIRED (the store has shipping methods: choose one), IDEMPOTENCY_KEY_REQUIRED, or IDEMPOTENCY_KEY_INVALID (not 8-255 characters of [A-Za-z0-9_-:.]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description UNAUTHORIZED: neither a bearer token nor X-Cart-Session was sent, or the bearer token is not valid */
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
      /** @description INSUFFICIENT_STOCK (details: [{variantId, requested, available}]), CART_EMPTY, DISCOUNT_INVALID (details: {reason}), SHIPPING_UNAVAILABLE (the method is unknown, inactive, does not serve the address’s country or cannot carry the cart; details: {methodId, country}), or IDEMPOTENCY_IN_PROGRESS (a request with this key is still running) */
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
  MyLoyalty_mine: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoyaltyBalanceResponse'];
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
  Storefront_products: {
    parameters: {
      query?: {
        /** @description Page number, for small catalogs: a deep page costs a scan of every product before it. Ignored when `cursor` is sent (the cursor wins). */
        page?: number;
        /** @description Keyset pagination: the `nextCursor` of the previous page, sent with the same `sort` (and, to continue the same list, the same filters and `limit`). Any depth costs what the first page costs, and products added or removed meanwhile never make a product repeat or be skipped. Opaque: a cursor that this API did not return, or one of another `sort`, is 400 `INVALID_CURSOR`. When both `cursor` and `page` are sent, the cursor wins and `page` only echoes in the response. */
        cursor?: string;
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
      /** @description One page of products */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Another page follows this one */
            hasMore: boolean;
            items: components['schemas']['ProductCard'][];
            limit: number;
            /** @description Pass as `cursor` (with the same `sort`) for the next page; null on the last page. Given for page-number requests too, so a client can switch to cursors at any page. */
            nextCursor: string | null;
            /** @description The `page` parameter as sent (default 1); meaningless for items fetched by `cursor` */
            page: number;
            /** @description Products matching the filters. Without filters always exact. With filters, exact up to 250; beyond, counting stops: `total` is 250 and `totalCapped` is true. */
            total: number;
            /** @description true: at least `total` (250) products match; the exact number was not counted */
            totalCapped: boolean;
          };
        };
      };
      /** @description VALIDATION_FAILED: a bad or unknown parameter (details lists each, by field); INVALID_CURSOR: a cursor this API did not return, or one of another sort */
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
