import { Global, Module } from '@nestjs/common';
import { IdempotencyRetention } from './idempotency-retention';
import { IdempotencyService } from './idempotency.service';

/** Idempotency-Key support for any route that creates something (checkout first). */
@Global()
@Module({
  providers: [IdempotencyService, IdempotencyRetention],
  exports: [IdempotencyService, IdempotencyRetention],
})
export class IdempotencyModule {}
