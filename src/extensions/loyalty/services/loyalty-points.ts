import { Money } from '../../../common/money';

/** Points per whole currency unit paid: 1 point per 1.00 of the order's currency, fractions dropped. */
export const POINTS_PER_UNIT = 1;

/** The points an order of `paid` (minor units) earns. */
export function pointsFor(paid: Money): number {
  return Math.floor(paid / 100) * POINTS_PER_UNIT;
}

export interface TakeBackInput {
  /** Points the order earned (its credit entry). */
  credited: number;
  /** What the order's credit was for (minor units). */
  paid: Money;
  /** What has been refunded of the order so far, this refund included (the event's `totalRefunded`). */
  totalRefunded: Money;
  /** The order's payment is now refunded in full. */
  full: boolean;
  /** Points earlier refunds of the order already took back (a positive number). */
  alreadyTaken: number;
  /** The account's balance now. */
  balance: number;
}

/**
 * The points one refund takes back. Computed from the running total, not from this refund alone:
 * the order should have lost `floor(credited × totalRefunded / paid)` points by now (all of them
 * when `full`), and this refund takes the difference to what earlier refunds took. So rounding never
 * drifts (two half refunds of 3 points take back 1 and 2), and refund events delivered out of order
 * still add up (a late, older refund takes nothing). Never more than the balance: points already
 * spent are not turned into a debt, the balance stops at zero.
 */
export function takeBackFor(input: TakeBackInput): number {
  const { credited, paid, totalRefunded, full, alreadyTaken, balance } = input;
  // BigInt: credited × totalRefunded can pass 2^53 for large orders.
  const owed =
    full || paid <= 0 || totalRefunded >= paid
      ? credited
      : Number((BigInt(credited) * BigInt(totalRefunded)) / BigInt(paid));
  return Math.max(0, Math.min(owed - alreadyTaken, balance));
}
