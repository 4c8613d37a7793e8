/** refundForUnits: per-unit shares in whole minor units; any sequence of returns of a line adds up to it. */
import fc from 'fast-check';
import { refundForUnits } from '../../src/fulfilment/line-refund';

describe('refundForUnits', () => {
  it('floors per unit and gives the remainder to the line’s last unit', () => {
    expect(refundForUnits(3089, 3, 0, 2)).toBe(2058);
    expect(refundForUnits(3089, 3, 2, 1)).toBe(1031);
    expect(refundForUnits(3089, 3, 0, 3)).toBe(3089);
    expect(refundForUnits(100, 3, 0, 0)).toBe(0);
    expect(() => refundForUnits(100, 3, 2, 2)).toThrow(RangeError);
  });

  it('adds up to the refundable amount over any split of the line into returns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 10 }),
        (refundable, parts) => {
          const ordered = parts.reduce((a, b) => a + b, 0);
          let returned = 0;
          let total = 0;
          for (const part of parts) {
            const share = refundForUnits(refundable, ordered, returned, part);
            expect(Number.isSafeInteger(share) && share >= 0).toBe(true);
            total += share;
            returned += part;
          }
          expect(total).toBe(refundable);
        },
      ),
    );
  });
});
