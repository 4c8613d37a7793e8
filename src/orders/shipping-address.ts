/**
 * The order's own copy of where it ships (`orders.shipping_address`, JSONB), taken at checkout from the
 * address book or from the address sent inline. Later edits or deletions of the address book never
 * reach it.
 */
export interface ShippingAddressSnapshot {
  fullName: string;
  phone: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  state: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
}

/** The snapshot of an address-like object: exactly the snapshot's fields, nothing else it carries. */
export function snapshotOf(
  address: Omit<ShippingAddressSnapshot, 'addressLine2'> & { addressLine2?: string | null },
): ShippingAddressSnapshot {
  return {
    fullName: address.fullName,
    phone: address.phone,
    addressLine1: address.addressLine1,
    addressLine2: address.addressLine2 ?? null,
    city: address.city,
    state: address.state,
    postalCode: address.postalCode,
    country: address.country,
  };
}
