import { ApiPropertyOptions } from '@nestjs/swagger';
import { ATTRIBUTE_LIMITS, SLUG_PATTERN } from './catalog-validators';

/** OpenAPI descriptions of the catalog's validators, next to them so the two say the same. */
export const SLUG_SCHEMA = {
  type: String,
  pattern: SLUG_PATTERN.source,
  minLength: 1,
  maxLength: 80,
} as const satisfies ApiPropertyOptions;

export const WEB_URL_SCHEMA = {
  type: String,
  format: 'uri',
  maxLength: 2048,
  description: 'An absolute http(s) URL',
} as const satisfies ApiPropertyOptions;

/** A variant's flat attribute map, as IsFlatAttributes checks it. */
export const ATTRIBUTES_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'string', minLength: 1, maxLength: ATTRIBUTE_LIMITS.maxValueLength },
  maxProperties: ATTRIBUTE_LIMITS.maxKeys,
  example: { size: 'L', color: 'black' },
} as const satisfies ApiPropertyOptions;

/**
 * A money input that may be negative (a variant's priceAdjustment): `@ApiMoneyInput()` describes
 * non-negative amounts only.
 */
export const SIGNED_MONEY_INPUT_SCHEMA = {
  oneOf: [
    { type: 'string', pattern: '^-?\\d+(\\.\\d{1,2})?$', example: '-2.00' },
    { type: 'number', multipleOf: 0.01, example: -2 },
  ],
} as const satisfies ApiPropertyOptions;
