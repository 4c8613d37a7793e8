import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * A 200 with the API's page shape `{ items: Item[], total, page, limit }` (src/common/pagination.ts),
 * typed by the item class: `@ApiPaginatedResponse(OrderResponse)`.
 */
export function ApiPaginatedResponse(item: Type<unknown>, description = 'One page'): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'total', 'page', 'limit'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          total: { type: 'integer', minimum: 0, description: 'Rows matching the filters' },
          page: { type: 'integer', minimum: 1 },
          limit: { type: 'integer', minimum: 1, maximum: 100 },
        },
      },
    }),
  );
}
