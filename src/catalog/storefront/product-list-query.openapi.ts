import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { MONEY_INPUT_PATTERN } from '../../common/openapi';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination';
import { PRODUCT_SORTS } from '../storefront-sql';
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
      schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 },
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
