import { AppException } from '../common/errors';
import { OrderPaymentStatus, OrderStatus } from './order.types';

/**
 * Every allowed order state change, and who may make it. Declarative, like Vendure's order process:
 * code asks `assertTransition(from, to)` / `assertMove(order, move)` instead of scattering status checks.
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

/**
 * The payment status: unpaid → paid → refunded, unpaid → failed. The one way back, failed → paid, is
 * the `reinstate` / `acceptLatePayment` moves below (the provider took the money after all).
 */
export const PAYMENT_TRANSITIONS: Readonly<Record<OrderPaymentStatus, readonly OrderPaymentStatus[]>> = {
  unpaid: ['paid', 'failed'],
  paid: ['refunded'],
  refunded: [],
  failed: ['paid'],
};

/** Targets an admin may set with PATCH /admin/orders/:id/status ('paid' and 'refunded' have their own routes). */
export const ADMIN_STATUS_TARGETS: readonly OrderStatus[] = [
  'processing',
  'shipped',
  'delivered',
  'cancelled',
];

/** Both states of an order (an Order entity is one). */
export interface OrderState {
  status: OrderStatus;
  paymentStatus: OrderPaymentStatus;
}

/** The named conditions a move requires. */
export const ORDER_GUARDS = {
  /** Placed, its stock held, its payment not arrived yet. */
  awaitingPayment: (o: OrderState) => o.status === 'pending' && o.paymentStatus === 'unpaid',
  /** Cancelled (expired, customer, failed payment) before any money arrived. */
  cancelledBeforePayment: (o: OrderState) =>
    o.status === 'cancelled' && (o.paymentStatus === 'unpaid' || o.paymentStatus === 'failed'),
  /** The money arrived and was not given back in full. */
  paid: (o: OrderState) => o.paymentStatus === 'paid',
  /** Paid, nothing shipped yet: the first fulfilment starts the work (src/fulfilment). */
  awaitingFulfilment: (o: OrderState) => o.status === 'paid' && o.paymentStatus === 'paid',
  /** Being fulfilled (or set to processing by an admin), still paid: the last units can ship. */
  fulfilling: (o: OrderState) => o.status === 'processing' && o.paymentStatus === 'paid',
  /** Every unit shipped: the fulfilments' deliveries can complete it. */
  inTransit: (o: OrderState) => o.status === 'shipped',
  /** With the buyer (shipped or delivered): everything coming back makes it refunded. */
  withBuyer: (o: OrderState) => o.status === 'shipped' || o.status === 'delivered',
} as const;
export type OrderGuard = keyof typeof ORDER_GUARDS;

interface OrderMove {
  guard: OrderGuard;
  /** What the move sets; a status left out stays as it is. */
  to: Partial<OrderState>;
  /** The 409 message when the guard refuses (after the status machine had its say). */
  refusal: (o: OrderState) => string;
}

/**
 * The moves that involve the payment, each with its named guard. `reinstate` is the one move outside
 * ORDER_TRANSITIONS (cancelled → paid): a payment arrived for a cancelled order whose stock could be
 * sold again. `acceptLatePayment` is the same payment when it could not: the order stays cancelled,
 * paid, and is refunded.
 */
export const ORDER_MOVES = {
  pay: {
    guard: 'awaitingPayment',
    to: { status: 'paid', paymentStatus: 'paid' },
    refusal: (o) => `An order with payment ${o.paymentStatus} cannot be paid`,
  },
  cancelUnpaid: {
    guard: 'awaitingPayment',
    to: { status: 'cancelled' },
    refusal: () => 'Only an unpaid pending order can be cancelled',
  },
  failPayment: {
    guard: 'awaitingPayment',
    to: { status: 'cancelled', paymentStatus: 'failed' },
    refusal: (o) => `An order with payment ${o.paymentStatus} cannot fail`,
  },
  reinstate: {
    guard: 'cancelledBeforePayment',
    to: { status: 'paid', paymentStatus: 'paid' },
    refusal: () => 'Only an order cancelled before its payment can be reinstated',
  },
  acceptLatePayment: {
    guard: 'cancelledBeforePayment',
    to: { paymentStatus: 'paid' },
    refusal: () => 'Only an order cancelled before its payment can take a late payment',
  },
  refund: {
    guard: 'paid',
    to: { paymentStatus: 'refunded' },
    refusal: (o) => `An order with payment ${o.paymentStatus} cannot be refunded`,
  },
  // Fulfilment and returns (src/fulfilment, through OrderFulfilmentMoves). A first fulfilment that
  // ships everything makes both of the first two moves, in one transaction.
  startFulfilment: {
    guard: 'awaitingFulfilment',
    to: { status: 'processing' },
    refusal: (o) => `An order that is ${o.status} (payment ${o.paymentStatus}) cannot be fulfilled`,
  },
  shipAll: {
    guard: 'fulfilling',
    to: { status: 'shipped' },
    refusal: (o) => `An order that is ${o.status} (payment ${o.paymentStatus}) cannot be shipped`,
  },
  deliver: {
    guard: 'inTransit',
    to: { status: 'delivered' },
    refusal: (o) => `An order that is ${o.status} cannot be delivered`,
  },
  returnAll: {
    guard: 'withBuyer',
    to: { status: 'refunded' },
    refusal: (o) => `An order that is ${o.status} cannot have everything returned`,
  },
} as const satisfies Record<string, OrderMove>;
export type OrderMoveName = keyof typeof ORDER_MOVES;

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

/** Whether the move's guard lets it happen to `order` now. */
export function canMove(order: OrderState, move: OrderMoveName): boolean {
  return ORDER_GUARDS[ORDER_MOVES[move].guard](order);
}

/**
 * 409 INVALID_TRANSITION unless the move's guard holds. A move that changes the status first asks the
 * status machine, so the answer names the status when that is what forbids it.
 */
export function assertMove(order: OrderState, move: OrderMoveName): void {
  if (canMove(order, move)) return;
  const { to, refusal } = ORDER_MOVES[move] as OrderMove;
  if (to.status && to.status !== order.status && move !== 'reinstate') {
    assertTransition(order.status, to.status);
  }
  throw new AppException(409, 'INVALID_TRANSITION', refusal(order));
}

/** The states after `move` (the caller checked it). */
export function afterMove(order: OrderState, move: OrderMoveName): OrderState {
  return { ...order, ...(ORDER_MOVES[move] as OrderMove).to };
}
