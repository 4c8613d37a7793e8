import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { PaymentsCoreModule } from './payments-core.module';
import { StripeWebhookController } from './stripe-webhook.controller';
import { StripeWebhookService } from './stripe-webhook.service';

/**
 * The Stripe webhook: verifies an event, records it (PaymentsService) and applies its outcome to the
 * order (orders' PaymentOutcomes). Sits above orders, which sits above PaymentsCoreModule (the
 * payments' tables and providers), so the graph has no cycle.
 */
@Module({
  imports: [PaymentsCoreModule, OrdersModule],
  controllers: [StripeWebhookController],
  providers: [StripeWebhookService],
})
export class PaymentsModule {}
