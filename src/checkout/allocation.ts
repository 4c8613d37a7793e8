import { Money } from '../common/money';

/**
 * Splits `amount` over `weights` in proportion, in whole multiples of `unit` (1 = a cent; 100 = a whole
 * unit of a currency without minor digits), so that the shares add up to `amount` exactly: each share is
 * first rounded down, then the units left over go one each to the largest remainders (ties: the earlier
 * weight). `amount` must be a multiple of `unit` and at most the sum of the weights; every share is then
 * at most its weight. All weights 0: every share is 0 (and `amount` must be 0).
 */
export function allocateByLargestRemainder(
  amount: Money,
  weights: readonly Money[],
  unit: Money = 1,
): Money[] {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount % unit !== 0) {
    throw new RangeError(`Cannot allocate ${amount} in units of ${unit}`);
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (amount > total) throw new RangeError(`Cannot allocate ${amount} over weights totalling ${total}`);
  if (amount === 0 || total === 0) return weights.map(() => 0);
  const units = amount / unit;
  // BigInt: units × weight can pass 2^53 for large orders; the result is exact whatever the size.
  const bigUnits = BigInt(units);
  const bigTotal = BigInt(total);
  const shares = weights.map((w) => {
    const product = bigUnits * BigInt(w);
    return { base: Number(product / bigTotal), remainder: product % bigTotal };
  });
  let left = units - shares.reduce((sum, s) => sum + s.base, 0);
  const order = shares
    .map((s, index) => ({ index, remainder: s.remainder }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const result = shares.map((s) => s.base);
  for (const { index } of order) {
    if (left === 0) break;
    result[index] += 1;
    left -= 1;
  }
  return result.map((u) => u * unit);
}
