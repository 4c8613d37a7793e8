import { SetMetadata } from '@nestjs/common';

export const IGNORES_ACCESS_TOKEN_KEY = 'ignoresAccessToken';

/**
 * For public routes that exchange credentials (login, register, refresh, invitation accept): the
 * caller's identity plays no part there, so an `Authorization` header is not even read. A client
 * whose access token just expired attaches it to its refresh call as to every other call; that must
 * not turn the refresh into a 401. Other public routes (the cart) still refuse a bad token.
 */
export const IgnoresAccessToken = (): MethodDecorator & ClassDecorator =>
  SetMetadata(IGNORES_ACCESS_TOKEN_KEY, true);
