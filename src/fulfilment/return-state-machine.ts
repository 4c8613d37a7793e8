import { AppException } from '../common/errors';
import { ReturnStatus } from './fulfilment.types';

/**
 * Every allowed return state change, as a table (like the order's, src/orders/order-state-machine.ts):
 *
 *   requested → approved | rejected          (an admin decides)
 *   approved → receiving → refunded          (the goods arrived; `receiving` while the refund is at the provider)
 *   receiving → approved                     (the provider refused the refund: nothing was refunded)
 */
export const RETURN_TRANSITIONS: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  requested: ['approved', 'rejected'],
  approved: ['receiving'],
  receiving: ['refunded', 'approved'],
  rejected: [],
  refunded: [],
};

/** The named moves of a return, each one edge of the table. */
export const RETURN_MOVES = {
  approve: { from: 'requested', to: 'approved' },
  reject: { from: 'requested', to: 'rejected' },
  startReceiving: { from: 'approved', to: 'receiving' },
  completeReceiving: { from: 'receiving', to: 'refunded' },
  abandonReceiving: { from: 'receiving', to: 'approved' },
} as const satisfies Record<string, { from: ReturnStatus; to: ReturnStatus }>;
export type ReturnMoveName = keyof typeof RETURN_MOVES;

/** 409 INVALID_TRANSITION unless `move` starts from `status`; returns the status after it. */
export function assertReturnMove(status: ReturnStatus, move: ReturnMoveName): ReturnStatus {
  const { from, to } = RETURN_MOVES[move];
  if (status !== from || !RETURN_TRANSITIONS[from].includes(to)) {
    throw new AppException(409, 'INVALID_TRANSITION', `A return that is ${status} cannot go to ${to}`, {
      from: status,
      to,
      allowed: RETURN_TRANSITIONS[status],
    });
  }
  return to;
}
