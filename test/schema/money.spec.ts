/**
 * Money is integer minor units in TypeScript, DECIMAL(10,2) in PostgreSQL and "19.99" in JSON
 * (src/common/money.ts). The conversions must be exact: no float ever touches an amount.
 */
import { DataSource } from 'typeorm';
import {
  formatMoney,
  MAX_DECIMAL_10_2,
  moneyFromInput,
  moneyTransformer,
  parseMoney,
} from '../../src/common/money';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { Store } from '../../src/stores/entities/store.entity';
import { createTestDatabase } from '../support/database';

describe('parseMoney', () => {
  it.each([
    ['19.99', 1999],
    ['10', 1000],
    ['0.5', 50],
    ['0.05', 5],
    ['0', 0],
    ['0.00', 0],
    ['-0.5', -50],
    ['-19.99', -1999],
    [' 7.10 ', 710],
    ['99999999.99', MAX_DECIMAL_10_2],
  ])('"%s" → %d', (text, minor) => {
    expect(parseMoney(text)).toBe(minor);
  });

  it.each(['1.999', '19.', '.5', 'abc', '', '1e3', '1,50', '+1', '--1', '1.2.3', 'NaN', 'Infinity'])(
    'rejects "%s"',
    (text) => {
      expect(() => parseMoney(text)).toThrow(RangeError);
    },
  );
});

describe('formatMoney', () => {
  it.each([
    [1999, '19.99'],
    [1000, '10.00'],
    [50, '0.50'],
    [5, '0.05'],
    [0, '0.00'],
    [-50, '-0.50'],
    [-1999, '-19.99'],
    [MAX_DECIMAL_10_2, '99999999.99'],
  ])('%d → "%s"', (minor, text) => {
    expect(formatMoney(minor)).toBe(text);
  });

  it.each([1.5, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY])('rejects the non-integer %d', (value) => {
    expect(() => formatMoney(value)).toThrow(RangeError);
  });

  it('round-trips with parseMoney for every cent from -10.00 to 10.00', () => {
    const wrong: number[] = [];
    for (let minor = -1000; minor <= 1000; minor += 1) {
      if (parseMoney(formatMoney(minor)) !== minor) wrong.push(minor);
    }
    expect(wrong).toEqual([]);
  });
});

describe('moneyFromInput', () => {
  it.each<[unknown, number]>([
    ['19.99', 1999],
    ['10', 1000],
    ['0.5', 50],
    [19.99, 1999],
    [10, 1000],
    [0.5, 50],
    [0.1, 10],
    [1.1, 110],
    [0, 0],
  ])('%p → %d', (input, minor) => {
    expect(moneyFromInput(input)).toBe(minor);
  });

  it.each<[string, unknown]>([
    ['a float sum with more than two decimals (0.1 + 0.2)', 0.1 + 0.2],
    ['a number with three decimals', 1.005],
    ['a string with three decimals', '1.999'],
    ['an exponent', 1e21],
    ['a tiny exponent', 1e-7],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['garbage', 'ten dollars'],
    ['null', null],
    ['undefined', undefined],
    ['a boolean', true],
    ['an object', { amount: '1.00' }],
  ])('rejects %s (returns null)', (_label, input) => {
    expect(moneyFromInput(input)).toBeNull();
  });
});

describe('moneyTransformer', () => {
  it('writes minor units as a two-decimal string and reads them back', () => {
    expect(moneyTransformer.to(1999)).toBe('19.99');
    expect(moneyTransformer.to(null)).toBeNull();
    expect(moneyTransformer.to(undefined)).toBeUndefined();
    expect(moneyTransformer.from('19.99')).toBe(1999);
    expect(moneyTransformer.from('0.00')).toBe(0);
    expect(moneyTransformer.from(null)).toBeNull();
  });
});

describe('money through a real DECIMAL(10,2) column (TypeORM)', () => {
  const TRICKY = [0, 1, 99, 100, 1999, 999_999_999, 9_999_999_999];
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource(buildDataSourceOptions(db.url, { poolSize: 2 }));
    await dataSource.initialize();
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await db?.drop();
  });

  it('9999999999 is the DECIMAL(10,2) maximum', () => {
    expect(MAX_DECIMAL_10_2).toBe(9_999_999_999);
  });

  it.each(TRICKY)('%d minor units come back exactly', async (minor) => {
    const stores = dataSource.getRepository(Store);
    const saved = await stores.save(
      stores.create({ slug: `money-${minor}`, name: `Money ${minor}`, shippingFlat: minor }),
    );
    const loaded = await stores.findOneByOrFail({ id: saved.id });
    expect(loaded.shippingFlat).toBe(minor);

    // What the database stores is the decimal, not a float approximation of it.
    const [raw] = await dataSource.query<Array<{ text: string }>>(
      `SELECT shipping_flat::text AS text FROM stores WHERE id = $1`,
      [saved.id],
    );
    expect(raw.text).toBe(formatMoney(minor));
  });

  it('one cent above the maximum is refused by the database (22003), not rounded', async () => {
    const stores = dataSource.getRepository(Store);
    await expect(
      stores.save(
        stores.create({ slug: 'money-overflow', name: 'Overflow', shippingFlat: MAX_DECIMAL_10_2 + 1 }),
      ),
    ).rejects.toMatchObject({ driverError: { code: '22003' } });
  });
});
