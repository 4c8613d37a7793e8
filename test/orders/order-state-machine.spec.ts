/**
 * The order state machine's tables: the payment-status moves with their named guards, and the one
 * move outside ORDER_TRANSITIONS (`reinstate`). Pure functions, no database.
 */
import { AppException } from '../../src/common/errors';
import {
  afterMove,
  assertMove,
  canMove,
  canTransition,
  ORDER_MOVES,
  ORDER_TRANSITIONS,
  OrderMoveName,
  PAYMENT_TRANSITIONS,
} from '../../src/orders/order-state-machine';
import { ORDER_PAYMENT_STATUSES, ORDER_STATUSES } from '../../src/orders/order.types';

const every = ORDER_STATUSES.flatMap((status) =>
  ORDER_PAYMENT_STATUSES.map((paymentStatus) => ({ status, paymentStatus })),
);

function refusal(fn: () => void): { code: string; message: string } | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof AppException)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('order state machine', () => {
  it('declares every status and payment status', () => {
    expect(Object.keys(ORDER_TRANSITIONS).sort()).toEqual([...ORDER_STATUSES].sort());
    expect(Object.keys(PAYMENT_TRANSITIONS).sort()).toEqual([...ORDER_PAYMENT_STATUSES].sort());
  });

  it('lets each move happen exactly where its named guard says', () => {
    const allowed = (move: OrderMoveName) =>
      every.filter((o) => canMove(o, move)).map((o) => `${o.status}/${o.paymentStatus}`);
    expect(allowed('pay')).toEqual(['pending/unpaid']);
    expect(allowed('cancelUnpaid')).toEqual(['pending/unpaid']);
    expect(allowed('failPayment')).toEqual(['pending/unpaid']);
    expect(allowed('reinstate')).toEqual(['cancelled/unpaid', 'cancelled/failed']);
    expect(allowed('acceptLatePayment')).toEqual(['cancelled/unpaid', 'cancelled/failed']);
    expect(allowed('refund').every((s) => s.endsWith('/paid'))).toBe(true);
  });

  it('moves the payment status only along PAYMENT_TRANSITIONS, and the status along ORDER_TRANSITIONS but for reinstate', () => {
    for (const move of Object.keys(ORDER_MOVES) as OrderMoveName[]) {
      for (const order of every.filter((o) => canMove(o, move))) {
        const after = afterMove(order, move);
        if (after.paymentStatus !== order.paymentStatus) {
          expect(PAYMENT_TRANSITIONS[order.paymentStatus]).toContain(after.paymentStatus);
        }
        if (after.status !== order.status && move !== 'reinstate') {
          expect(canTransition(order.status, after.status)).toBe(true);
        }
      }
    }
    expect(
      canTransition(
        'cancelled',
        afterMove({ status: 'cancelled', paymentStatus: 'failed' }, 'reinstate').status,
      ),
    ).toBe(false);
  });

  it('refuses with 409 INVALID_TRANSITION, naming the status when that is what forbids it', () => {
    expect(refusal(() => assertMove({ status: 'shipped', paymentStatus: 'paid' }, 'cancelUnpaid'))).toEqual({
      code: 'INVALID_TRANSITION',
      message: 'An order cannot go from shipped to cancelled',
    });
    expect(refusal(() => assertMove({ status: 'pending', paymentStatus: 'failed' }, 'pay'))).toEqual({
      code: 'INVALID_TRANSITION',
      message: 'An order with payment failed cannot be paid',
    });
    expect(refusal(() => assertMove({ status: 'cancelled', paymentStatus: 'unpaid' }, 'refund'))).toEqual({
      code: 'INVALID_TRANSITION',
      message: 'An order with payment unpaid cannot be refunded',
    });
    expect(refusal(() => assertMove({ status: 'paid', paymentStatus: 'paid' }, 'reinstate'))?.code).toBe(
      'INVALID_TRANSITION',
    );
    expect(refusal(() => assertMove({ status: 'pending', paymentStatus: 'unpaid' }, 'pay'))).toBeNull();
  });
});
