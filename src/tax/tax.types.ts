/** Tax classes a product can have, exactly as `chk_products_tax_class` and `chk_tax_rates_class` allow. */
export const TAX_CLASSES = ['standard', 'reduced', 'zero'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];

/**
 * A tax rate as an integer number of hundredths of a percent: 1900 = 19.00 %. It is also the store's
 * fallback `taxRate` fraction in ten-thousandths ("0.0825" = 825), so both read into one unit.
 */
export type RateBp = number;

/** The rate of each class for one destination. */
export type TaxRates = Record<TaxClass, RateBp>;

/** Largest rate: 100.00 %. */
export const MAX_RATE_BP: RateBp = 100_00;
