/**
 * The order's money (src/checkout/order-money.ts, the one computation the checkout uses, on the tax
 * module's arithmetic) over random carts, discounts, tax rates and classes, shipping amounts, both tax
 * modes and both kinds of currency, checked by fast-check:
 *
 * - the total identity to the cent: total = subtotal − discount + shipping + tax (prices without tax),
 *   total = subtotal − discount + shipping (prices with tax; the tax is inside);
 * - the lines' discount shares add up to the discount, each within its line;
 * - the lines' refundable amounts (price − share, + tax when it was added) add up to what was paid less
 *   shipping (and shipping's tax when it was added): shipping is refunded only by an admin refund.
 */
import fc from 'fast-check';
import { allocateByLargestRemainder } from '../../src/checkout/allocation';
import { orderMoney, refundableOf } from '../../src/checkout/order-money';
import { TaxContext } from '../../src/tax/tax-computation';
import { TAX_CLASSES } from '../../src/tax/tax.types';

const rate = fc.integer({ min: 0, max: 100_00 });
const taxContext: fc.Arbitrary<TaxContext> = fc.record({
  rates: fc.record({ standard: rate, reduced: rate, zero: fc.constant(0) }),
  pricesIncludeTax: fc.boolean(),
  taxShipping: fc.boolean(),
});

/** A cart, a discount of at most its subtotal, shipping, tax and a currency unit, consistent together. */
const order = fc
  .record({
    unit: fc.constantFrom(1, 100),
    lines: fc.array(
      fc.record({
        unitPrice: fc.integer({ min: 0, max: 50_000 }),
        quantity: fc.integer({ min: 1, max: 20 }),
        taxClass: fc.constantFrom(...TAX_CLASSES),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    discountShare: fc.double({ min: 0, max: 1, noNaN: true }),
    shipping: fc.integer({ min: 0, max: 5_000 }),
    tax: taxContext,
  })
  .map(({ unit, lines, discountShare, shipping, tax }) => {
    // A whole-unit currency has whole-unit prices and shipping (the catalog's amounts).
    const priced = lines.map((l) => ({ ...l, unitPrice: l.unitPrice * unit }));
    const subtotal = priced.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
    return {
      unit,
      lines: priced,
      discount: Math.floor(subtotal * discountShare),
      shipping: shipping * unit,
      tax,
    };
  });

describe('order totals (property)', () => {
  it('total = subtotal − discount + shipping (+ tax when added), to the cent; shares and refunds add up', () => {
    fc.assert(
      fc.property(order, (input) => {
        const money = orderMoney({
          lines: input.lines.map((l) => ({ lineTotal: l.unitPrice * l.quantity, taxClass: l.taxClass })),
          discount: input.discount,
          shipping: input.shipping,
          tax: input.tax,
          unit: input.unit,
        });
        const { pricesIncludeTax } = input.tax;
        const lineTotals = input.lines.map((l) => l.unitPrice * l.quantity);

        // Integers only, every amount a multiple of the currency's unit.
        for (const amount of [
          money.total,
          money.taxAmount,
          money.discountAmount,
          ...money.lines.map((l) => l.taxAmount),
        ]) {
          expect(Number.isSafeInteger(amount)).toBe(true);
          expect(amount % input.unit).toBe(0);
        }
        // The total identity.
        const tax = money.lines.reduce((sum, l) => sum + l.taxAmount, 0) + money.shippingTax;
        expect(money.taxAmount).toBe(tax);
        expect(money.subtotal).toBe(lineTotals.reduce((a, b) => a + b, 0));
        expect(money.total).toBe(
          money.subtotal -
            money.discountAmount +
            money.shippingAmount +
            (pricesIncludeTax ? 0 : money.taxAmount),
        );
        expect(money.discountAmount).toBeLessThanOrEqual(input.discount);
        expect(input.discount - money.discountAmount).toBeLessThan(input.unit);

        // The discount shares.
        expect(money.lines.reduce((sum, l) => sum + l.discountAmount, 0)).toBe(money.discountAmount);
        money.lines.forEach((l, i) => {
          expect(l.discountAmount).toBeGreaterThanOrEqual(0);
          expect(l.discountAmount).toBeLessThanOrEqual(lineTotals[i]);
        });

        // Refunding every line gives back what was paid, less shipping (and its added tax).
        const refunds = money.lines.reduce(
          (sum, l, i) => sum + refundableOf({ totalPrice: lineTotals[i], ...l }, pricesIncludeTax),
          0,
        );
        expect(refunds).toBe(money.total - money.shippingAmount - (pricesIncludeTax ? 0 : money.shippingTax));
      }),
      { numRuns: 2_000 },
    );
  });

  it('largest remainder: exact sums, shares within their weights, proportional within one unit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, share) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const amount = Math.floor(total * share);
          const shares = allocateByLargestRemainder(amount, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
          shares.forEach((s, i) => {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(weights[i]);
            if (total > 0) expect(Math.abs(s - (amount * weights[i]) / total)).toBeLessThan(1);
          });
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('examples: per-line half-up rounding, inclusive prices, whole-yen amounts', () => {
    const exclusive: TaxContext = {
      rates: { standard: 825, reduced: 825, zero: 0 },
      pricesIncludeTax: false,
      taxShipping: false,
    };
    // 20.00 and 12.50, 10 % off: shares 2.00 / 1.25; 18.00 × 8.25 % = 1.485 → 1.49, 11.25 → 0.93.
    const money = orderMoney({
      lines: [
        { lineTotal: 2000, taxClass: 'standard' },
        { lineTotal: 1250, taxClass: 'standard' },
      ],
      discount: 325,
      shipping: 499,
      tax: exclusive,
      unit: 1,
    });
    expect(money).toMatchObject({ subtotal: 3250, discountAmount: 325, taxAmount: 242, total: 3666 });
    expect(money.lines).toEqual([
      { discountAmount: 200, taxAmount: 149, taxRate: 825 },
      { discountAmount: 125, taxAmount: 93, taxRate: 825 },
    ]);
    // 19 % inside 11.90 is 1.90; the total is what the buyer pays: prices + shipping − discount.
    const inclusive = orderMoney({
      lines: [{ lineTotal: 1190, taxClass: 'standard' }],
      discount: 0,
      shipping: 119,
      tax: { rates: { standard: 1900, reduced: 700, zero: 0 }, pricesIncludeTax: true, taxShipping: true },
      unit: 1,
    });
    expect(inclusive).toMatchObject({ taxAmount: 190 + 19, shippingTax: 19, total: 1309 });
    // JPY: ¥1,234 at 10 % is ¥123.4 → ¥123 (whole yen), ¥5 off ¥1,239 is not ¥4.96 off a line.
    const yen = orderMoney({
      lines: [
        { lineTotal: 123_400, taxClass: 'standard' },
        { lineTotal: 500, taxClass: 'zero' },
      ],
      discount: 499,
      shipping: 0,
      tax: { rates: { standard: 1000, reduced: 800, zero: 0 }, pricesIncludeTax: false, taxShipping: false },
      unit: 100,
    });
    expect(yen.discountAmount).toBe(400);
    expect(yen.lines.map((l) => l.discountAmount)).toEqual([400, 0]);
    expect(yen.lines.map((l) => l.taxAmount)).toEqual([12_300, 0]);
    expect(yen.total).toBe(123_400 + 500 - 400 + 12_300);
  });
});
