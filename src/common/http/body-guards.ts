import { HttpStatus } from '@nestjs/common';
import { AppException } from '../errors';

/** Deepest nesting of objects and arrays a body may have; real bodies of this API stay below 5. */
export const MAX_BODY_DEPTH = 32;

/**
 * Keys that name an object's prototype machinery. JSON.parse makes `"__proto__"` an ordinary own
 * property, but class-transformer copies bodies into DTOs by assignment, where `dto.__proto__ = …`
 * swaps the DTO's prototype (and with it what the validator sees). No field of this API has such a
 * name, so they are refused like any unknown field.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface Pending {
  value: object;
  depth: number;
  path: string;
}

/**
 * 400 for a parsed body nested deeper than `maxDepth` (`BODY_TOO_DEEP`: the recursive validation
 * pipe would overflow the stack on thousands of levels) or holding a forbidden key at any depth
 * (`VALIDATION_FAILED`, shaped like the ValidationPipe's answer to an unknown field); undefined when
 * the body is fine. Iterative, so a hostile body cannot overflow this walk either.
 */
export function inspectBody(body: unknown, maxDepth = MAX_BODY_DEPTH): AppException | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const pending: Pending[] = [{ value: body, depth: 1, path: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, depth, path } = next;
    if (depth > maxDepth) {
      return new AppException(
        HttpStatus.BAD_REQUEST,
        'BODY_TOO_DEEP',
        `The request body is nested more than ${maxDepth} levels deep`,
        { maxDepth },
      );
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child: unknown = value[i];
        if (typeof child === 'object' && child !== null) {
          pending.push({ value: child, depth: depth + 1, path: join(path, String(i)) });
        }
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      const field = join(path, key);
      if (FORBIDDEN_KEYS.has(key)) {
        const message = `property ${key} should not exist`;
        return new AppException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', message, [
          { field, errors: [message] },
        ]);
      }
      const child: unknown = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) {
        pending.push({ value: child, depth: depth + 1, path: field });
      }
    }
  }
  return undefined;
}

/** Express middleware for right after the body parsers: refuses what inspectBody refuses. */
export function bodyGuard(maxDepth = MAX_BODY_DEPTH) {
  return (request: { body?: unknown }, _response: unknown, next: (error?: unknown) => void): void => {
    next(inspectBody(request.body, maxDepth));
  };
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
