import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiPublic } from '../openapi/security';

/** Metadata key a global auth guard checks to let a route through without a token. */
export const IS_PUBLIC_KEY = 'isPublic';

/**
 * Marks a route (or controller) as reachable without authentication; the OpenAPI document says so
 * (`security: []`) from the same declaration, so the two cannot disagree.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiPublic());
