/** A stock hold's lifecycle, exactly as allowed by `chk_inventory_reservations_status`. */
export const RESERVATION_STATUSES = ['active', 'committed', 'released'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
