import { ApiExtension } from '@nestjs/swagger';

/** Operation extensions that `finishOpenApiDocument` turns into `security` requirements. */
export const PUBLIC_EXTENSION = 'x-public';
export const OPTIONAL_AUTH_EXTENSION = 'x-optional-auth';

/** Documents a route (or a controller's routes) as reachable without a token: `security: []`. */
export const ApiPublic = (): MethodDecorator & ClassDecorator => ApiExtension(PUBLIC_EXTENSION, true);

/**
 * Documents a public route that also reads a token when one is sent (the guest or customer cart):
 * `security: [{}, {bearer: []}]`.
 */
export const ApiOptionalAuth = (): MethodDecorator & ClassDecorator =>
  ApiExtension(OPTIONAL_AUTH_EXTENSION, true);
