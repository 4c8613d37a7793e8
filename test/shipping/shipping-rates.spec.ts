/** The pure pricing of shipping methods and the rules a method's rate fields must follow. */
import { AppException } from '../../src/common/errors';
import { resolveRate } from '../../src/shipping/shipping-method-rules';
import { RatedMethod, shippingRate, tierOrderProblem } from '../../src/shipping/shipping-rates';

const flat: RatedMethod = { rateType: 'flat', amount: 700, freeOver: null, weightTiers: null };
const freeOver: RatedMethod = { rateType: 'free_over', amount: 600, freeOver: 5000, weightTiers: null };
const weight: RatedMethod = {
  rateType: 'weight',
  amount: 50,
  freeOver: null,
  weightTiers: [
    { upToGrams: 1000, amount: 400 },
    { upToGrams: 2000, amount: 800 },
  ],
};

describe('shippingRate', () => {
  it('flat is its amount whatever the cart', () => {
    expect(shippingRate(flat, { subtotalMinor: 0, totalWeightGrams: 0 })).toBe(700);
    expect(shippingRate(flat, { subtotalMinor: 10 ** 9, totalWeightGrams: 10 ** 9 })).toBe(700);
  });

  it.each([
    [0, 600],
    [4999, 600],
    [5000, 0],
    [5001, 0],
  ])('free_over at a subtotal of %i costs %i (inclusive bound)', (subtotalMinor, expected) => {
    expect(shippingRate(freeOver, { subtotalMinor, totalWeightGrams: 0 })).toBe(expected);
  });

  it.each([
    [0, 450],
    [1000, 450],
    [1001, 850],
    [2000, 850],
    [2001, null],
  ])('weight at %i g costs %p (fee + the first tier not exceeded)', (totalWeightGrams, expected) => {
    expect(shippingRate(weight, { subtotalMinor: 0, totalWeightGrams })).toBe(expected);
  });
});

describe('tierOrderProblem', () => {
  const tiers = (...bounds: number[]) => bounds.map((upToGrams) => ({ upToGrams, amount: 1 }));
  it('accepts strictly ascending bounds, refuses repeats and descents', () => {
    expect(tierOrderProblem(tiers(1))).toBeNull();
    expect(tierOrderProblem(tiers(1, 2, 3))).toBeNull();
    expect(tierOrderProblem(tiers(1, 1))).toMatch(/ascending/);
    expect(tierOrderProblem(tiers(1, 3, 2))).toMatch(/tier 2/);
  });
});

describe('resolveRate', () => {
  const fieldOf = (work: () => unknown): string | undefined => {
    try {
      work();
    } catch (error) {
      const body = (error as AppException).getResponse() as { details: Array<{ field: string }> };
      return body.details[0].field;
    }
    return undefined;
  };

  it('fills the defaults of a new method and clears the fields of a former type', () => {
    expect(resolveRate(null, { rateType: 'weight', weightTiers: weight.weightTiers })).toEqual({
      ...weight,
      amount: 0,
    });
    expect(resolveRate(freeOver, { rateType: 'flat' })).toEqual({ ...flat, amount: 600 });
    expect(resolveRate(weight, { rateType: 'free_over', freeOver: 100 })).toEqual({
      rateType: 'free_over',
      amount: 50,
      freeOver: 100,
      weightTiers: null,
    });
    expect(resolveRate(freeOver, {})).toEqual(freeOver);
  });

  it('names the field that is missing or does not belong', () => {
    expect(fieldOf(() => resolveRate(null, {}))).toBe('rateType');
    expect(fieldOf(() => resolveRate(null, { rateType: 'flat' }))).toBe('amount');
    expect(fieldOf(() => resolveRate(null, { rateType: 'free_over', amount: 1 }))).toBe('freeOver');
    expect(fieldOf(() => resolveRate(freeOver, { freeOver: null }))).toBe('freeOver');
    expect(fieldOf(() => resolveRate(flat, { rateType: 'weight' }))).toBe('weightTiers');
    expect(fieldOf(() => resolveRate(flat, { freeOver: 10 }))).toBe('freeOver');
    expect(fieldOf(() => resolveRate(flat, { weightTiers: weight.weightTiers }))).toBe('weightTiers');
    expect(
      fieldOf(() =>
        resolveRate(weight, {
          weightTiers: [
            { upToGrams: 5, amount: 1 },
            { upToGrams: 5, amount: 2 },
          ],
        }),
      ),
    ).toBe('weightTiers');
    expect(fieldOf(() => resolveRate(flat, { freeOver: null }))).toBeUndefined();
  });
});
