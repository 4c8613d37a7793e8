import { Module } from '@nestjs/common';

/** Payment providers (manual, Stripe) and the Stripe webhook. */
@Module({})
export class PaymentsModule {}
