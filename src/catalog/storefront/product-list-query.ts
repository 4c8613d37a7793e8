import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors';
import { Money, moneyFromInput } from '../../common/money';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination';
import { FieldErrors } from '../../common/validation';
import { PRODUCT_SORTS, ProductSort, searchQueryText } from '../storefront-sql';

/** What `GET /stores/:storeSlug/products` accepts, validated and converted. */
export interface ProductListQuery {
  page: number;
  /** The raw `cursor` (the service checks it): when present, `page` is ignored. */
  cursor?: string;
  limit: number;
  categorySlug?: string;
  tagSlug?: string;
  /** tsquery text from searchQueryText, never the raw `q`. */
  searchQuery?: string;
  minPrice?: Money;
  maxPrice?: Money;
  attributes?: Record<string, string>;
  featured: boolean;
  sort: ProductSort;
}

export const MAX_ATTRIBUTE_FILTERS = 5;
/** Deep pages cost a scan of everything before them; nobody browses 100,000 pages of a shop. */
export const MAX_PAGE = 100_000;
export const MAX_SLUG_LENGTH = 200;
export const MAX_SEARCH_LENGTH = 200;
export const MAX_ATTRIBUTE_KEY_LENGTH = 50;
export const MAX_ATTRIBUTE_VALUE_LENGTH = 100;
const ATTRIBUTE_PREFIX = 'attr.';
const ATTRIBUTE_KEY_PATTERN = /^[\p{L}\p{N}_-]+$/u;
const KNOWN_PARAMS = new Set([
  'page',
  'cursor',
  'limit',
  'category',
  'tag',
  'q',
  'minPrice',
  'maxPrice',
  'featured',
  'sort',
]);

/**
 * Parses the raw query object by hand rather than with a class-validator DTO: `attr.<key>` names are
 * open-ended (a DTO whitelist would reject them), and this runs on the hottest route, where building
 * and validating a class instance per request is measurable. Every problem is collected and reported
 * at once as 400 VALIDATION_FAILED with `details: [{ field, errors }]`, like the global ValidationPipe.
 */
export function parseProductListQuery(raw: Record<string, unknown>): ProductListQuery {
  const problems: FieldErrors[] = [];
  const fail = (field: string, error: string): undefined => {
    problems.push({ field, errors: [error] });
    return undefined;
  };

  const values: Record<string, string> = {};
  // No prototype: an attribute named `__proto__` must be a plain key like any other.
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  let attributeCount = 0;
  for (const [key, value] of Object.entries(raw)) {
    const isAttribute = key.startsWith(ATTRIBUTE_PREFIX);
    if (!isAttribute && !KNOWN_PARAMS.has(key)) {
      fail(key, `${key} is not a supported query parameter`);
      continue;
    }
    // `?limit=1&limit=2` arrives as an array, `?a[b]=c` (extended parsers) as an object.
    if (typeof value !== 'string') {
      fail(key, `${key} must be given once, as a single value`);
      continue;
    }
    // PostgreSQL text cannot hold NUL: the statement would fail (a 500) instead of matching nothing.
    if (value.includes('\0') || key.includes('\0')) {
      fail(key, `${key} must not contain NUL characters`);
      continue;
    }
    if (!isAttribute) {
      values[key] = value;
      continue;
    }
    const name = key.slice(ATTRIBUTE_PREFIX.length);
    if (name.length === 0 || name.length > MAX_ATTRIBUTE_KEY_LENGTH || !ATTRIBUTE_KEY_PATTERN.test(name)) {
      fail(key, `attribute names are 1-${MAX_ATTRIBUTE_KEY_LENGTH} letters, digits, "_" or "-"`);
    } else if (value.length === 0 || value.length > MAX_ATTRIBUTE_VALUE_LENGTH) {
      fail(key, `${key} must be 1-${MAX_ATTRIBUTE_VALUE_LENGTH} characters`);
    } else if (++attributeCount > MAX_ATTRIBUTE_FILTERS) {
      fail(key, `at most ${MAX_ATTRIBUTE_FILTERS} attribute filters`);
    } else {
      attributes[name] = value;
    }
  }

  const integer = (field: string, fallback: number, max: number): number => {
    const value = values[field];
    if (value === undefined) return fallback;
    if (!/^\d{1,9}$/.test(value) || Number(value) < 1 || Number(value) > max) {
      return fail(field, `${field} must be an integer between 1 and ${max}`) ?? fallback;
    }
    return Number(value);
  };
  const slug = (field: string): string | undefined => {
    const value = values[field];
    if (value === undefined) return undefined;
    if (value.length === 0 || value.length > MAX_SLUG_LENGTH) {
      return fail(field, `${field} must be a slug of 1-${MAX_SLUG_LENGTH} characters`);
    }
    return value;
  };
  const money = (field: string): Money | undefined => {
    const value = values[field];
    if (value === undefined) return undefined;
    const amount = moneyFromInput(value);
    if (amount === null || amount < 0) {
      return fail(field, `${field} must be a non-negative amount with at most two decimals, e.g. "19.99"`);
    }
    return amount;
  };

  const query: ProductListQuery = {
    page: integer('page', 1, MAX_PAGE),
    limit: integer('limit', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    categorySlug: slug('category'),
    tagSlug: slug('tag'),
    minPrice: money('minPrice'),
    maxPrice: money('maxPrice'),
    featured: false,
    sort: 'newest',
  };
  if (attributeCount > 0) query.attributes = attributes;
  if (values.cursor !== undefined) query.cursor = values.cursor;

  const q = values.q;
  if (q !== undefined) {
    if (q.length > MAX_SEARCH_LENGTH) fail('q', `q must be at most ${MAX_SEARCH_LENGTH} characters`);
    // Text without a single letter or digit ("", "!!") searches for nothing, so it filters nothing.
    else query.searchQuery = searchQueryText(q);
  }
  const featured = values.featured;
  if (featured !== undefined) {
    if (featured === 'true') query.featured = true;
    else if (featured !== 'false') fail('featured', 'featured must be true or false');
  }
  const sort = values.sort;
  if (sort !== undefined) {
    if ((PRODUCT_SORTS as readonly string[]).includes(sort)) query.sort = sort as ProductSort;
    else fail('sort', `sort must be one of ${PRODUCT_SORTS.join(', ')}`);
  }
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    fail('minPrice', 'minPrice must not be greater than maxPrice');
  }

  if (problems.length > 0) {
    const message = problems.flatMap((problem) => problem.errors).join('; ');
    throw new AppException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', message, problems);
  }
  return query;
}
