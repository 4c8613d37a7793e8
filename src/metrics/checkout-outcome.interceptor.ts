import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { Response } from 'express';
import { Observable, tap } from 'rxjs';
import { AppException } from '../common/errors';
import { CheckoutOutcome, checkoutOutcomes } from './domain-metrics';

/** The outcome of one checkout request, from its answer: the status and the error code clients see. */
export function checkoutOutcomeOf(
  status: number,
  code: string | undefined,
  replayed: boolean,
): CheckoutOutcome {
  if (status < 300) return replayed ? 'replayed' : 'created';
  if (code === 'INSUFFICIENT_STOCK') return 'insufficient_stock';
  if (status === 502) return 'payment_failed';
  return status < 500 ? 'rejected' : 'error';
}

/**
 * Counts checkout outcomes at the route, where the answer is known (the service's result or its
 * AppException), so the checkout service itself carries no metrics code.
 */
@Injectable()
export class CheckoutOutcomeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap({
        next: () => {
          const replayed = res.getHeader('Idempotent-Replayed') === 'true';
          // A stored 502 is replayed with its status too: count it as what it says.
          checkoutOutcomes.inc({ outcome: checkoutOutcomeOf(res.statusCode, undefined, replayed) });
        },
        error: (error: unknown) => {
          const status = error instanceof HttpException ? error.getStatus() : 500;
          const code = error instanceof AppException ? error.code : undefined;
          checkoutOutcomes.inc({ outcome: checkoutOutcomeOf(status, code, false) });
        },
      }),
    );
  }
}

/** On the checkout route: `@CountsCheckoutOutcome()`. */
export const CountsCheckoutOutcome = (): MethodDecorator & ClassDecorator =>
  UseInterceptors(CheckoutOutcomeInterceptor);
