/** Order totals in integer minor units: tax half up on the discounted subtotal, flat shipping untaxed. */
import { orderTotals, rateInBasisPoints, taxOn } from '../../src/checkout/pricing';

describe('checkout pricing', () => {
  it('reads rates with up to four decimals exactly', () => {
    expect(rateInBasisPoints('0')).toBe(0);
    expect(rateInBasisPoints('0.0825')).toBe(825);
    expect(rateInBasisPoints('0.1')).toBe(1000);
    expect(rateInBasisPoints('1.0000')).toBe(10_000);
    expect(() => rateInBasisPoints('0.12345')).toThrow(RangeError);
    expect(() => rateInBasisPoints('-0.1')).toThrow(RangeError);
  });

  it('rounds tax half up to the cent without floating point', () => {
    expect(taxOn(1000, '0.0825')).toBe(83); // 82.5 → 83
    expect(taxOn(2925, '0.0825')).toBe(241); // 241.3125 → 241
    expect(taxOn(1, '0.5')).toBe(1); // 0.5 → 1
    expect(taxOn(0, '0.2')).toBe(0);
    expect(taxOn(-100, '0.2')).toBe(0);
    // A value where float arithmetic (1.005 * 100) goes wrong.
    expect(taxOn(100_500, '0.01')).toBe(1005);
    expect(taxOn(99_999_999, '0.0001')).toBe(10_000);
  });

  it('taxes the discounted subtotal and adds shipping untaxed', () => {
    expect(orderTotals(3250, 325, '0.0825', 499)).toEqual({
      subtotal: 3250,
      discountAmount: 325,
      taxAmount: 241,
      shippingAmount: 499,
      total: 3665,
    });
    // A discount covering the whole subtotal leaves shipping only.
    expect(orderTotals(1000, 1000, '0.2', 500).total).toBe(500);
  });
});
