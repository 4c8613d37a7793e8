import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { METADATA_LIMITS } from './metadata';

const RULES =
  `At most ${METADATA_LIMITS.maxKeys} keys of 1-${METADATA_LIMITS.maxKeyLength} characters; ` +
  `values are strings of at most ${METADATA_LIMITS.maxValueLength} characters`;

/** `metadata` of a response: the stored map, `{}` when nothing is set. */
export const METADATA_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'string', maxLength: METADATA_LIMITS.maxValueLength },
  maxProperties: METADATA_LIMITS.maxKeys,
  description: `Your own key-value pairs. ${RULES}.`,
  example: { erp_id: 'A-1042', season: 'SS26' },
} as const satisfies ApiPropertyOptions;

/** `metadata` of a request body: a merge patch (null removes a key). */
export const METADATA_INPUT_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'string', maxLength: METADATA_LIMITS.maxValueLength, nullable: true },
  maxProperties: METADATA_LIMITS.maxKeys,
  description:
    `Merged into the stored metadata: keys sent with a string are set, keys sent as null are removed, ` +
    `keys not sent are kept. ${RULES}, also after the merge. Any breach → 400 METADATA_INVALID.`,
  example: { erp_id: 'A-1042', legacy_code: null },
} as const satisfies ApiPropertyOptions;

/** Documents a response's `metadata` field (always present). */
export function ApiMetadata(): PropertyDecorator {
  return ApiProperty(METADATA_SCHEMA);
}

/** Documents a request's `metadata` patch (optional unless `required`). */
export function ApiMetadataInput(required = false): PropertyDecorator {
  return required ? ApiProperty(METADATA_INPUT_SCHEMA) : ApiPropertyOptional(METADATA_INPUT_SCHEMA);
}
