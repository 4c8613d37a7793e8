import { SetMetadata } from '@nestjs/common';

/**
 * What an admin route needs, one declaration per route (`@Allow(Permission.OrdersWrite)`), in the
 * style of Vendure's `@Allow(Permission.X)`. Store roles (API.md, "Store staff") are sets of these;
 * `super_admin` holds every one in every store. A route under `/api/admin` without a declaration is
 * denied (RolesGuard).
 */
export enum Permission {
  CatalogRead = 'catalog.read',
  CatalogWrite = 'catalog.write',
  InventoryAdjust = 'inventory.adjust',
  OrdersRead = 'orders.read',
  OrdersWrite = 'orders.write',
  OrdersRefund = 'orders.refund',
  OrdersFulfil = 'orders.fulfil',
  ReturnsManage = 'returns.manage',
  DiscountsManage = 'discounts.manage',
  CustomersRead = 'customers.read',
  CustomersWrite = 'customers.write',
  StaffManage = 'staff.manage',
  SettingsManage = 'settings.manage',
  WebhooksManage = 'webhooks.manage',
  AuditRead = 'audit.read',
  /** Platform-wide (stores, invitations of admins, the outbox): super admins only. */
  Platform = 'platform',
}

export const PERMISSIONS_KEY = 'permissions';

/** Declares the permission an admin route needs. */
export const Allow = (...permissions: Permission[]): MethodDecorator & ClassDecorator =>
  SetMetadata(PERMISSIONS_KEY, permissions);
