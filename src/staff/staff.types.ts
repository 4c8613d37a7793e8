export { STORE_ROLES, StoreMembershipView, StoreRole } from '../auth/role-permissions';
