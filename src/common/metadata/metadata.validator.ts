import { applyDecorators, HttpStatus } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf, ValidationArguments } from 'class-validator';
import { AppException } from '../errors';
import { METADATA_INVALID, metadataProblem } from './metadata';
import { ApiMetadataInput } from './metadata.openapi';

/**
 * An optional `metadata` patch of a request body, documented in OpenAPI. A breach answers 400
 * `METADATA_INVALID` (not the ValidationPipe's generic VALIDATION_FAILED, whose code is the same for
 * every constraint): the check runs while the body becomes a DTO, before validation, and throws.
 * Present but `null` is a breach too (to clear keys, send each as null). `required` only changes the
 * OpenAPI document: pair it with `@IsDefined()`.
 *
 * The ValidateBy is the same check for callers that validate a DTO without transforming it first,
 * and is what lets the whitelist accept the field.
 */
export function MetadataInput(options: { required?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ApiMetadataInput(options.required ?? false),
    Transform(
      ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
        const raw = obj[key];
        if (raw === undefined) return undefined;
        const problem = metadataProblem(raw);
        if (problem !== null) throw metadataInvalid(key, problem);
        return raw;
      },
      { toClassOnly: true },
    ),
    // Skips every check of the property, @IsDefined too: only an optional patch may be absent.
    ValidateIf((_object: object, value: unknown) => options.required === true || value !== undefined),
    ValidateBy({
      name: 'isMetadata',
      validator: {
        validate: (value: unknown) => metadataProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'metadata'} ${metadataProblem(args?.value) ?? 'is invalid'}`,
      },
    }),
  );
}

/** 400 METADATA_INVALID naming the breach; `details` shaped like VALIDATION_FAILED's. */
export function metadataInvalid(field: string, problem: string): AppException {
  const message = `${field} ${problem}`;
  return new AppException(HttpStatus.BAD_REQUEST, METADATA_INVALID, message, [{ field, errors: [message] }]);
}
