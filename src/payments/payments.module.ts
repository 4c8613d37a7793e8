import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { PaymentProvidersModule } from './providers/payment-providers.module';
import { StripeWebhookController } from './stripe-webhook.controller';
import { StripeWebhookService } from './stripe-webhook.service';

/**
 * Payments: the providers (manual, Stripe; see providers/) and the Stripe webhook, which applies
 * payment outcomes to orders through OrdersService.
 */
@Module({
  imports: [PaymentProvidersModule, OrdersModule],
  controllers: [StripeWebhookController],
  providers: [StripeWebhookService],
})
export class PaymentsModule {}
