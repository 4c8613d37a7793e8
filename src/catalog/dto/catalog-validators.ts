import { applyDecorators } from '@nestjs/common';
import {
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidationArguments,
} from 'class-validator';

/** Lower-case letters, digits and single dashes, as `slugify` produces them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ATTRIBUTE_LIMITS = { maxKeys: 20, maxKeyLength: 50, maxValueLength: 100 } as const;
const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/;

/** Why `value` is not a flat attribute map, or null when it is one. */
export function attributesProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object';
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > ATTRIBUTE_LIMITS.maxKeys) return `may have at most ${ATTRIBUTE_LIMITS.maxKeys} keys`;
  for (const [key, item] of entries) {
    if (key.length === 0 || key.length > ATTRIBUTE_LIMITS.maxKeyLength || !ATTRIBUTE_KEY.test(key)) {
      return `key "${key.slice(0, 60)}" must be 1-${ATTRIBUTE_LIMITS.maxKeyLength} letters, digits, "_" or "-"`;
    }
    if (typeof item !== 'string') return `"${key}" must be a string (no nesting, numbers or null)`;
    if (item.length === 0 || item.length > ATTRIBUTE_LIMITS.maxValueLength) {
      return `"${key}" must be 1-${ATTRIBUTE_LIMITS.maxValueLength} characters`;
    }
  }
  return null;
}

/**
 * A variant's attributes: a flat object of short strings, e.g. `{ "size": "L", "color": "red" }`.
 * The storefront filters on them (`attr.color=red`), so nested objects, arrays and numbers are refused.
 */
export function IsFlatAttributes(): PropertyDecorator {
  return ValidateBy({
    name: 'isFlatAttributes',
    validator: {
      validate: (value: unknown) => attributesProblem(value) === null,
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property ?? 'attributes'} ${attributesProblem(args?.value) ?? 'is invalid'}`,
    },
  });
}

/**
 * May be left out, but `null` is not a value: unlike `@IsOptional()`, a null still goes through the
 * field's validators (and fails them), instead of reaching a NOT NULL column.
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/** An optional slug; when absent the service derives one from the name. */
export function OptionalSlug(): PropertyDecorator {
  return applyDecorators(
    OptionalNotNull(),
    IsString(),
    MaxLength(80),
    Matches(SLUG_PATTERN, { message: 'slug may contain lower-case letters, digits and single dashes' }),
  );
}

/** An absolute http(s) URL of at most 2048 characters. */
export function IsWebUrl(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MaxLength(2048),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
      { message: '$property must be an http(s) URL' },
    ),
  );
}
