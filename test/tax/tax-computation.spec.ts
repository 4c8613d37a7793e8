/** The tax arithmetic (src/tax/tax-computation.ts): known cases, in integer minor units. */
import { computeTax, exclusiveTax, inclusiveTax, TaxContext } from '../../src/tax/tax-computation';
import { formatRate, parseRate, rateFromFraction } from '../../src/tax/tax-rate-format';
import { normaliseRegion, pickRates, RateCandidate } from '../../src/tax/tax-rate-resolution';

const DE: TaxContext = {
  rates: { standard: 1900, reduced: 700, zero: 0 },
  pricesIncludeTax: false,
  taxShipping: false,
};

describe('tax rates as hundredths of a percent', () => {
  it('reads and writes percentages and the store fraction in one unit', () => {
    expect(parseRate('19.00')).toBe(1900);
    expect(parseRate('7')).toBe(700);
    expect(parseRate('8.5')).toBe(850);
    expect(parseRate('100.00')).toBe(10_000);
    expect(() => parseRate('19.001')).toThrow(RangeError);
    expect(() => parseRate('-1')).toThrow(RangeError);
    expect(formatRate(1900)).toBe('19.00');
    expect(formatRate(5)).toBe('0.05');
    expect(rateFromFraction('0.0825')).toBe(825);
    expect(rateFromFraction('1.0000')).toBe(10_000);
    expect(rateFromFraction('0')).toBe(0);
  });
});

describe('exclusive tax (prices exclude tax)', () => {
  it('rounds half up per line, exactly at .5', () => {
    expect(exclusiveTax(1000, 825)).toBe(83); // 82.5 → 83
    expect(exclusiveTax(1050, 1000)).toBe(105); // exact
    expect(exclusiveTax(5, 1000)).toBe(1); // 0.5 → 1
    expect(exclusiveTax(4, 1000)).toBe(0); // 0.4 → 0
    expect(exclusiveTax(2925, 825)).toBe(241); // 241.3125 → 241
    expect(exclusiveTax(100_500, 100)).toBe(1005); // where 1.005 * 100 goes wrong in floats
    expect(exclusiveTax(0, 1900)).toBe(0);
    expect(exclusiveTax(999_999_999_999, 10_000)).toBe(999_999_999_999); // 100 %: no precision lost
  });

  it('refuses what is not an integer amount or rate in range', () => {
    expect(() => exclusiveTax(-1, 1900)).toThrow(RangeError);
    expect(() => exclusiveTax(10.5, 1900)).toThrow(RangeError);
    expect(() => exclusiveTax(100, 10_001)).toThrow(RangeError);
    expect(() => exclusiveTax(1_000_000_000_001, 1900)).toThrow(RangeError);
  });
});

describe('inclusive tax (prices include tax)', () => {
  it('extracts tax = gross − round_half_up(gross / (1 + r))', () => {
    expect(inclusiveTax(11_900, 1900)).toBe(1900); // 119.00 at 19 % → net 100.00
    expect(inclusiveTax(999, 1900)).toBe(160); // 8.3949… → net 839, tax 160
    expect(inclusiveTax(1000, 1900)).toBe(160); // 840.336… → net 840, tax 160
    expect(inclusiveTax(107, 700)).toBe(7); // net exactly 100
    expect(inclusiveTax(0, 1900)).toBe(0);
    expect(inclusiveTax(500, 0)).toBe(0);
  });

  it('rounds the net half up at exactly .5', () => {
    // 2.5 / 1.25 = 2 exactly: no rounding. 3 / 1.25 = 2.4 → 2 (tax 1). 3.125/1.25 is not an integer input,
    // so take rate 100 % (1 + r = 2): gross 5 → net 2.5 → 3, tax 2; gross 3 → net 1.5 → 2, tax 1.
    expect(inclusiveTax(250, 2500)).toBe(50);
    expect(inclusiveTax(3, 2500)).toBe(1);
    expect(inclusiveTax(5, 10_000)).toBe(2);
    expect(inclusiveTax(3, 10_000)).toBe(1);
    expect(inclusiveTax(1, 10_000)).toBe(0); // net 0.5 → 1
  });
});

describe('computeTax', () => {
  it('taxes each line at its class’s rate and sums lines and shipping', () => {
    const result = computeTax(
      DE,
      [
        { amount: 1999, taxClass: 'standard' }, // 379.81 → 380
        { amount: 1050, taxClass: 'reduced' }, // 73.5 → 74
        { amount: 5000, taxClass: 'zero' },
      ],
      499,
    );
    expect(result).toEqual({
      lines: [
        { taxRate: 1900, taxAmount: 380 },
        { taxRate: 700, taxAmount: 74 },
        { taxRate: 0, taxAmount: 0 },
      ],
      shippingTaxRate: 0,
      shippingTax: 0,
      taxTotal: 454,
      taxAdded: 454,
    });
  });

  it('rounds per line, not on the sum (documented example)', () => {
    // Three lines of 0.05 at 10 %: 0.5 cent each → 1 cent each = 3 cents; on the sum it would be 1.5 → 2.
    const result = computeTax(
      { ...DE, rates: { standard: 1000, reduced: 1000, zero: 0 } },
      [
        { amount: 5, taxClass: 'standard' },
        { amount: 5, taxClass: 'standard' },
        { amount: 5, taxClass: 'standard' },
      ],
      0,
    );
    expect(result.lines.map((l) => l.taxAmount)).toEqual([1, 1, 1]);
    expect(result.taxTotal).toBe(3);
    expect(exclusiveTax(15, 1000)).toBe(2);
  });

  it('taxes shipping at the standard rate only when the store says so, in the prices’ form', () => {
    const lines = [{ amount: 1000, taxClass: 'reduced' as const }];
    expect(computeTax(DE, lines, 500).shippingTax).toBe(0);
    const taxed = computeTax({ ...DE, taxShipping: true }, lines, 500);
    expect(taxed).toMatchObject({ shippingTaxRate: 1900, shippingTax: 95, taxTotal: 70 + 95, taxAdded: 165 });
    const inclusive = computeTax({ ...DE, taxShipping: true, pricesIncludeTax: true }, lines, 595);
    // 5.95 incl. 19 % → net 5.00, tax 0.95; 10.00 incl. 7 % → net 9.35 (934.57… → 935), tax 0.65.
    expect(inclusive).toMatchObject({ shippingTax: 95, taxTotal: 65 + 95, taxAdded: 0 });
    expect(inclusive.lines).toEqual([{ taxRate: 700, taxAmount: 65 }]);
  });

  it('inclusive and exclusive differ on the same amount', () => {
    const lines = [{ amount: 10_000, taxClass: 'standard' as const }];
    expect(computeTax(DE, lines, 0).taxTotal).toBe(1900);
    expect(computeTax({ ...DE, pricesIncludeTax: true }, lines, 0).taxTotal).toBe(1597); // 100 − 84.03
  });

  it('the zero class pays nothing even if a rate sneaks in', () => {
    const result = computeTax(
      { ...DE, rates: { standard: 1900, reduced: 700, zero: 500 } },
      [{ amount: 1000, taxClass: 'zero' }],
      0,
    );
    expect(result.lines).toEqual([{ taxRate: 0, taxAmount: 0 }]);
  });
});

describe('the worked example of docs/shipping-and-tax.md', () => {
  const lines = [
    { amount: 2997, taxClass: 'standard' as const },
    { amount: 1249, taxClass: 'reduced' as const },
    { amount: 50, taxClass: 'standard' as const },
    { amount: 50, taxClass: 'standard' as const },
  ];
  const context: TaxContext = { ...DE, taxShipping: true };

  it('prices excluding tax: 7.69 tax, total 56.05', () => {
    const result = computeTax(context, lines, 490);
    expect(result.lines.map((l) => l.taxAmount)).toEqual([569, 87, 10, 10]);
    expect(result).toMatchObject({ shippingTax: 93, taxTotal: 769, taxAdded: 769 });
    expect(4346 + 490 + result.taxAdded).toBe(5605);
    expect(exclusiveTax(2997 + 50 + 50, 1900)).toBe(588);
  });

  it('prices including tax: 6.55 tax inside a total of 48.36', () => {
    const result = computeTax({ ...context, pricesIncludeTax: true }, lines, 490);
    expect(result.lines.map((l) => l.taxAmount)).toEqual([479, 82, 8, 8]);
    expect(result).toMatchObject({ shippingTax: 78, taxTotal: 655, taxAdded: 0 });
  });
});

describe('pickRates: region, else country, else the store’s rate', () => {
  const rows: RateCandidate[] = [
    { taxClass: 'standard', region: null, rate: 600 }, // US-wide
    { taxClass: 'standard', region: 'CA', rate: 725 },
    { taxClass: 'reduced', region: null, rate: 300 },
  ];

  it('prefers the region’s row, matched trimmed and case-insensitively', () => {
    expect(pickRates(rows, ' ca ', 825)).toEqual({ standard: 725, reduced: 300, zero: 0 });
  });

  it('falls back to the country’s row for another or no region', () => {
    expect(pickRates(rows, 'NY', 825)).toEqual({ standard: 600, reduced: 300, zero: 0 });
    expect(pickRates(rows, '', 825)).toEqual({ standard: 600, reduced: 300, zero: 0 });
    expect(pickRates(rows, null, 825)).toEqual({ standard: 600, reduced: 300, zero: 0 });
  });

  it('falls back to the store’s rate per class when the country has no row of it', () => {
    expect(pickRates([{ taxClass: 'standard', region: 'CA', rate: 725 }], 'TX', 825)).toEqual({
      standard: 825,
      reduced: 825,
      zero: 0,
    });
    expect(pickRates([], 'CA', 0)).toEqual({ standard: 0, reduced: 0, zero: 0 });
  });

  it('normalises regions the way they are stored', () => {
    expect(normaliseRegion('  by ')).toBe('BY');
    expect(normaliseRegion('   ')).toBeNull();
    expect(normaliseRegion(undefined)).toBeNull();
  });
});
