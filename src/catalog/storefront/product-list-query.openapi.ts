import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiQuery, getSchemaPath } from '@nestjs/swagger';
import { MONEY_INPUT_PATTERN } from '../../common/openapi';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination';
import { PRODUCT_SORTS, TOTAL_CAP } from '../storefront-sql';
import { MAX_CURSOR_LENGTH } from './product-cursor';
import { ProductCard } from './storefront.responses';
import {
  MAX_ATTRIBUTE_FILTERS,
  MAX_ATTRIBUTE_KEY_LENGTH,
  MAX_ATTRIBUTE_VALUE_LENGTH,
  MAX_PAGE,
  MAX_SEARCH_LENGTH,
  MAX_SLUG_LENGTH,
} from './product-list-query';

/** The parameter-name pattern of the attribute filters (`attr.color=red`), as a JSON Schema regex. */
export const ATTRIBUTE_PARAMETER_PATTERN = '^attr\\.[A-Za-z0-9_-]+$';

/**
 * The query parameters of `GET /stores/:storeSlug/products`, as parseProductListQuery accepts them
 * (that parser, not a DTO, validates them: see its comment). `attr.<key>` is a family of parameters,
 * so it is one object parameter whose keys the extension `x-parameter-name-pattern` describes.
 */
export function ApiProductListQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'page',
      required: false,
      description:
        'Page number, for small catalogs: a deep page costs a scan of every product before it. ' +
        'Ignored when `cursor` is sent (the cursor wins).',
      schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 },
    }),
    ApiQuery({
      name: 'cursor',
      required: false,
      description:
        'Keyset pagination: the `nextCursor` of the previous page, sent with the same `sort` (and, to ' +
        'continue the same list, the same filters and `limit`). Any depth costs what the first page costs, ' +
        'and products added or removed meanwhile never make a product repeat or be skipped. Opaque: a ' +
        'cursor that this API did not return, or one of another `sort`, is 400 `INVALID_CURSOR`. When both ' +
        '`cursor` and `page` are sent, the cursor wins and `page` only echoes in the response.',
      schema: { type: 'string', minLength: 1, maxLength: MAX_CURSOR_LENGTH, pattern: '^[A-Za-z0-9_-]+$' },
    }),
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
    }),
    ApiQuery({
      name: 'category',
      required: false,
      description: 'Category slug; includes its active sub-categories',
      schema: { type: 'string', minLength: 1, maxLength: MAX_SLUG_LENGTH },
    }),
    ApiQuery({
      name: 'tag',
      required: false,
      description: 'Tag slug',
      schema: { type: 'string', minLength: 1, maxLength: MAX_SLUG_LENGTH },
    }),
    ApiQuery({
      name: 'q',
      required: false,
      description:
        'Words in the name or description (prefix match); without a letter or digit it filters nothing',
      schema: { type: 'string', maxLength: MAX_SEARCH_LENGTH },
    }),
    ApiQuery({
      name: 'minPrice',
      required: false,
      description: 'Some active variant costs at least this, e.g. "10.00"',
      schema: { type: 'string', pattern: MONEY_INPUT_PATTERN, example: '10.00' },
    }),
    ApiQuery({
      name: 'maxPrice',
      required: false,
      description: 'Some active variant costs at most this (not below minPrice), e.g. "49.99"',
      schema: { type: 'string', pattern: MONEY_INPUT_PATTERN, example: '49.99' },
    }),
    ApiQuery({
      name: 'featured',
      required: false,
      description: '`true`: featured products only',
      schema: { type: 'string', enum: ['true', 'false'], default: 'false' },
    }),
    ApiQuery({
      name: 'sort',
      required: false,
      description: '`price` ascending, `-price` descending',
      schema: { type: 'string', enum: [...PRODUCT_SORTS], default: 'newest' },
    }),
    ApiQuery({
      name: 'attr',
      required: false,
      style: 'form',
      explode: true,
      description:
        'Variant attribute filters: each key is sent as its own parameter `attr.<key>=<value>`, e.g. ' +
        `\`attr.color=red&attr.size=L\` (up to ${MAX_ATTRIBUTE_FILTERS}; one variant must match them all). ` +
        `Keys: 1-${MAX_ATTRIBUTE_KEY_LENGTH} letters, digits, "_" or "-"; values: ` +
        `1-${MAX_ATTRIBUTE_VALUE_LENGTH} characters. The parameter names match \`x-parameter-name-pattern\`.`,
      schema: {
        type: 'object',
        additionalProperties: { type: 'string', minLength: 1, maxLength: MAX_ATTRIBUTE_VALUE_LENGTH },
        maxProperties: MAX_ATTRIBUTE_FILTERS,
      },
      extensions: { 'x-parameter-name-pattern': ATTRIBUTE_PARAMETER_PATTERN },
    }),
  );
}

/**
 * The 200 of the listing: the API's page shape plus keyset pagination and the total's precision.
 * Declared by hand (like ApiPaginatedResponse) because the page is a plain object, not a class.
 */
export function ApiProductPageResponse(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ProductCard),
    ApiOkResponse({
      description: 'One page of products',
      schema: {
        type: 'object',
        required: ['items', 'total', 'page', 'limit', 'totalCapped', 'hasMore', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(ProductCard) } },
          total: {
            type: 'integer',
            minimum: 0,
            maximum: 2147483647,
            description:
              `Products matching the filters. Without filters always exact. With filters, exact up to ` +
              `${TOTAL_CAP}; beyond, counting stops: \`total\` is ${TOTAL_CAP} and \`totalCapped\` is true.`,
          },
          totalCapped: {
            type: 'boolean',
            description: `true: at least \`total\` (${TOTAL_CAP}) products match; the exact number was not counted`,
          },
          page: {
            type: 'integer',
            minimum: 1,
            description:
              'The `page` parameter as sent (default 1); meaningless for items fetched by `cursor`',
          },
          limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
          hasMore: { type: 'boolean', description: 'Another page follows this one' },
          nextCursor: {
            type: 'string',
            nullable: true,
            maxLength: MAX_CURSOR_LENGTH,
            description:
              'Pass as `cursor` (with the same `sort`) for the next page; null on the last page. ' +
              'Given for page-number requests too, so a client can switch to cursors at any page.',
          },
        },
      },
    }),
  );
}
