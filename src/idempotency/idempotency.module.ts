import { Global, Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';

/** Idempotency-Key support for any route that creates something (checkout first). */
@Global()
@Module({ providers: [IdempotencyService], exports: [IdempotencyService] })
export class IdempotencyModule {}
