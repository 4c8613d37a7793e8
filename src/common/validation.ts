import {
  ArgumentMetadata,
  HttpStatus,
  Injectable,
  Param,
  PipeTransform,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { AppException } from './errors';
import { cacheValidationMetadata } from './validation-metadata-cache';

export interface FieldErrors {
  /** Dotted path into the body or query: `items.0.quantity`. */
  field: string;
  errors: string[];
}

/**
 * The one global ValidationPipe: unknown fields are rejected (400), bodies become DTO instances, and
 * failures carry `code: VALIDATION_FAILED` with `details: [{ field, errors }]`.
 */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // No implicit conversion: query DTOs say how to convert (`@Type(() => Number)`), so "abc" is not NaN.
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => validationException(errors),
  });
}

export function validationException(errors: ValidationError[]): AppException {
  const details = flattenValidationErrors(errors);
  const message = details.flatMap((d) => d.errors).join('; ') || 'Validation failed';
  return new AppException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', message, details);
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldErrors[] {
  const result: FieldErrors[] = [];
  for (const error of errors) {
    const field = parent && error.property ? `${parent}.${error.property}` : parent || error.property || '';
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) {
      result.push({ field, errors: messages });
    }
    if (error.children && error.children.length > 0) {
      result.push(...flattenValidationErrors(error.children, field));
    }
  }
  return result;
}

// Any canonical UUID, not only versions 1-8: Postgres accepts them all, so the nil UUID is a 404, not a 400.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** A malformed UUID in a path is 400 `INVALID_ID`, never a 500 from Postgres. */
@Injectable()
export class ParseUuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (isUuid(value)) {
      return value.toLowerCase();
    }
    const name = metadata.data ?? 'id';
    throw new AppException(HttpStatus.BAD_REQUEST, 'INVALID_ID', `${name} must be a UUID`, { param: name });
  }
}

/** `@UuidParam('id') id: string` — shorthand for `@Param('id', ParseUuidPipe)`. */
export const UuidParam = (name: string): ParameterDecorator => Param(name, ParseUuidPipe);
