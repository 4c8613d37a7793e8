import { SetMetadata } from '@nestjs/common';

/** Metadata key a global auth guard checks to let a route through without a token. */
export const IS_PUBLIC_KEY = 'isPublic';

/** Marks a route (or controller) as reachable without authentication. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
