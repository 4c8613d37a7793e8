/** Property tests of the tax arithmetic (fast-check): bounded rounding drift, exact inclusive split. */
import fc from 'fast-check';
import { computeTax, exclusiveTax, inclusiveTax } from '../../src/tax/tax-computation';
import { TAX_CLASSES } from '../../src/tax/tax.types';

const rate = fc.integer({ min: 0, max: 10_000 });
const amount = fc.integer({ min: 0, max: 99_999_999_99 });
const lineAmounts = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 });

describe('tax properties', () => {
  it('per-line taxes differ from the tax of the sum by at most n/2 minor units', () => {
    fc.assert(
      fc.property(lineAmounts, rate, fc.boolean(), (amounts, r, inclusive) => {
        const tax = inclusive ? inclusiveTax : exclusiveTax;
        const perLine = amounts.reduce((sum, a) => sum + tax(a, r), 0);
        const ofSum = tax(
          amounts.reduce((sum, a) => sum + a, 0),
          r,
        );
        return Math.abs(perLine - ofSum) <= amounts.length / 2;
      }),
      { numRuns: 2000 },
    );
  });

  it('exclusive: the tax is the exact product rounded half up (−5000 < tax·10000 − amount·r ≤ 5000)', () => {
    fc.assert(
      fc.property(amount, rate, (a, r) => {
        const error = exclusiveTax(a, r) * 10_000 - a * r;
        return error > -5_000 && error <= 5_000;
      }),
      { numRuns: 5000 },
    );
  });

  it('inclusive: net + tax is the gross exactly, and the net is the gross / (1 + r) rounded half up', () => {
    fc.assert(
      fc.property(amount, rate, (gross, r) => {
        const tax = inclusiveTax(gross, r);
        const net = gross - tax;
        const divisor = 10_000 + r;
        // net·(1 + r) within half a unit of the gross: −d/2 < net·d − gross·10000 ≤ d/2.
        const error = 2 * (net * divisor - gross * 10_000);
        return net + tax === gross && tax >= 0 && net >= 0 && error > -divisor && error <= divisor;
      }),
      { numRuns: 5000 },
    );
  });

  it('computeTax: taxTotal is the sum of the lines and shipping; taxAdded 0 when inclusive', () => {
    const line = fc.record({
      amount: fc.integer({ min: 0, max: 10_000_000 }),
      taxClass: fc.constantFrom(...TAX_CLASSES),
    });
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 20 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.record({ standard: rate, reduced: rate, zero: rate }),
        fc.boolean(),
        fc.boolean(),
        (lines, shipping, rates, pricesIncludeTax, taxShipping) => {
          const result = computeTax({ rates, pricesIncludeTax, taxShipping }, lines, shipping);
          const sum = result.lines.reduce((s, l) => s + l.taxAmount, 0) + result.shippingTax;
          return (
            result.lines.length === lines.length &&
            result.taxTotal === sum &&
            result.taxAdded === (pricesIncludeTax ? 0 : sum) &&
            (taxShipping || result.shippingTax === 0) &&
            result.lines.every((l, i) => (lines[i].taxClass === 'zero' ? l.taxAmount === 0 : true))
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
