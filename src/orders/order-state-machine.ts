import { AppException } from '../common/errors';
import { OrderStatus } from './order.types';

/**
 * Every allowed order state change, and who may make it. Declarative, like Vendure's order process:
 * code asks `assertTransition(from, to)` instead of scattering status checks.
 *
 *   pending → paid → processing → shipped → delivered
 *   pending → cancelled                      (customer cancel, payment failed, reservation expired)
 *   paid | processing → cancelled            (admin; the payment is refunded)
 *   paid | processing | shipped | delivered → refunded
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['paid', 'cancelled'],
  paid: ['processing', 'cancelled', 'refunded'],
  processing: ['shipped', 'cancelled', 'refunded'],
  shipped: ['delivered', 'refunded'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
};

/** Targets an admin may set with PATCH /admin/orders/:id/status ('paid' and 'refunded' have their own routes). */
export const ADMIN_STATUS_TARGETS: readonly OrderStatus[] = [
  'processing',
  'shipped',
  'delivered',
  'cancelled',
];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw new AppException(409, 'INVALID_TRANSITION', `An order cannot go from ${from} to ${to}`, {
      from,
      to,
      allowed: ORDER_TRANSITIONS[from],
    });
  }
}
