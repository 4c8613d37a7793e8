import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request } from 'express';

/**
 * The raw `X-Cart-Session` header, or undefined. Not `@Headers('x-cart-session')`: Nest's Swagger
 * documents that one as a required header, while the header is optional (the route documents it with
 * `@ApiHeader`, which the document turns into the one shared CartSession parameter).
 */
export const CartSessionHeader = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | undefined => {
    const value = ctx.switchToHttp().getRequest<Request>().headers['x-cart-session'];
    return typeof value === 'string' ? value : undefined;
  },
);
