import { Permission } from './permissions';

/** An admin's role in one store (`store_memberships.role`, src/staff). */
export const STORE_ROLES = ['owner', 'manager', 'staff'] as const;
export type StoreRole = (typeof STORE_ROLES)[number];

/** One store the caller works in, and as what (set on `request.user` for admins by StoreAccessGuard). */
export interface StoreMembershipView {
  storeId: string;
  role: StoreRole;
}

/** Everything a store has (every permission but the platform's). */
const EVERYTHING_IN_A_STORE = Object.values(Permission).filter((p) => p !== Permission.Platform);

/**
 * What each store role may do: the whole of the role model (API.md, "Store staff"), read by the guard
 * and nowhere else. `super_admin` is not here: it holds every permission in every store.
 */
export const ROLE_PERMISSIONS: Readonly<Record<StoreRole, ReadonlySet<Permission>>> = {
  owner: new Set(EVERYTHING_IN_A_STORE),
  manager: new Set([
    Permission.CatalogRead,
    Permission.CatalogWrite,
    Permission.InventoryAdjust,
    Permission.OrdersRead,
    Permission.OrdersWrite,
    Permission.OrdersRefund,
    Permission.OrdersFulfil,
    Permission.ReturnsManage,
    Permission.DiscountsManage,
    Permission.CustomersRead,
    Permission.CustomersWrite,
  ]),
  staff: new Set([
    Permission.CatalogRead,
    Permission.OrdersRead,
    Permission.OrdersFulfil,
    Permission.InventoryAdjust,
  ]),
};

export function roleAllows(role: StoreRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
