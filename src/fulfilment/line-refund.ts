import { Money } from '../common/money';

/**
 * What `returning` units of one order line refund, when `alreadyReturned` units of it were refunded by
 * earlier returns: the line's refundable amount spread per unit in whole minor units (floor), the
 * line's last unit taking the remainder, so all returns of a line together refund exactly `refundable`.
 */
export function refundForUnits(
  refundable: Money,
  ordered: number,
  alreadyReturned: number,
  returning: number,
): Money {
  if (returning <= 0) return 0;
  if (alreadyReturned + returning > ordered) throw new RangeError('More units returned than ordered');
  const perUnit = Math.floor(refundable / ordered);
  const remainder = refundable - perUnit * ordered;
  return perUnit * returning + (alreadyReturned + returning === ordered ? remainder : 0);
}
