import { LegacyBaseline1000000000001 } from './0001-legacy-baseline';
import { StoreForeignKeys1000000000002 } from './0002-store-foreign-keys';
import { PerStoreSlugsAndOrderItemIndexes1000000000003 } from './0003-per-store-slugs-and-order-item-indexes';
import { StoreCustomerOrdersView1000000000004 } from './0004-store-customer-orders-view';
import { PerStoreUniqueKeys1000000000005 } from './0005-per-store-unique-keys';
import { AuthTables1000000000006 } from './0006-auth-tables';
import { InventoryReservations1000000000007 } from './0007-inventory-reservations';
import { Payments1000000000008 } from './0008-payments';
import { CustomerAddresses1000000000009 } from './0009-customer-addresses';
import { CatalogSearch1000000000010 } from './0010-catalog-search';
import { ProductPriceSort1000000000011 } from './0011-product-price-sort';
import { DomainEvents1000000000012 } from './0012-domain-events';
import { Metadata1000000000013 } from './0013-metadata';
import { Webhooks1000000000014 } from './0014-webhooks';
import { Loyalty1000000000015 } from './0015-loyalty';
import { AccountTokens1000000000016 } from './0016-account-tokens';
import { Mail1000000000017 } from './0017-mail';
import { GuestCheckout1000000000018 } from './0018-guest-checkout';
import { Shipping1000000000019 } from './0019-shipping';
import { Tax1000000000020 } from './0020-tax';
import { FulfilmentsReturns1000000000021 } from './0021-fulfilments-returns';
import { StoreStaff1000000000022 } from './0022-store-staff';
import { RowLevelSecurity1000000000023 } from './0023-row-level-security';
import { CatalogKeysetIndexes1000000000024 } from './0024-catalog-keyset-indexes';
import { JobQueue1000000000025 } from './0025-job-queue';
import { ProductSearchVector1000000000026 } from './0026-product-search-vector';
import { FlatRlsHelpers1000000000027 } from './0027-flat-rls-helpers';
import { SplitCatalogBackOfficePolicies1000000000028 } from './0028-split-catalog-back-office-policies';
import { CatalogPublicReadFunction1000000000029 } from './0029-catalog-public-read-function';
import { HoldInventory1000000000030 } from './0030-hold-inventory';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the app, the CLI (ormconfig.ts)
 * and the tests all run exactly the same set, from TypeScript or from compiled JavaScript.
 */
export const ALL_MIGRATIONS = [
  LegacyBaseline1000000000001,
  StoreForeignKeys1000000000002,
  PerStoreSlugsAndOrderItemIndexes1000000000003,
  StoreCustomerOrdersView1000000000004,
  PerStoreUniqueKeys1000000000005,
  AuthTables1000000000006,
  InventoryReservations1000000000007,
  Payments1000000000008,
  CustomerAddresses1000000000009,
  CatalogSearch1000000000010,
  ProductPriceSort1000000000011,
  DomainEvents1000000000012,
  Metadata1000000000013,
  Webhooks1000000000014,
  Loyalty1000000000015,
  AccountTokens1000000000016,
  Mail1000000000017,
  GuestCheckout1000000000018,
  Shipping1000000000019,
  Tax1000000000020,
  FulfilmentsReturns1000000000021,
  StoreStaff1000000000022,
  RowLevelSecurity1000000000023,
  CatalogKeysetIndexes1000000000024,
  JobQueue1000000000025,
  ProductSearchVector1000000000026,
  FlatRlsHelpers1000000000027,
  SplitCatalogBackOfficePolicies1000000000028,
  CatalogPublicReadFunction1000000000029,
  HoldInventory1000000000030,
];

/** The legacy baseline alone: what an existing database already has (see docs/migrations.md). */
export const LEGACY_BASELINE = LegacyBaseline1000000000001;
