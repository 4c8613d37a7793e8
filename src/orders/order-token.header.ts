import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request } from 'express';

/**
 * The raw `X-Order-Token` header (a guest's order token), or undefined. Not `@Headers(...)`, which the
 * document would call required: routes document it with `@ApiHeader({ required: false })`.
 */
export const OrderTokenHeader = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | undefined => {
    const value = ctx.switchToHttp().getRequest<Request>().headers['x-order-token'];
    return typeof value === 'string' ? value : undefined;
  },
);
