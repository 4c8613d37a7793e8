import { Module } from '@nestjs/common';
import { StoresModule } from '../stores/stores.module';
import { WebhookDeliveryWorker } from './webhook-delivery-worker';
import { WebhookFanOut } from './webhook-fan-out.subscriber';
import { WebhookOutcomes } from './webhook-outcomes';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/**
 * Outgoing webhooks: a store's endpoints (admin routes), a domain-event subscriber that queues one
 * delivery per subscribed endpoint, and the worker that signs and sends them outside any transaction
 * (Standard Webhooks), with retries, a delivery log and endpoints disabled after repeated failures.
 * Exports nothing: other modules reach webhooks by recording domain events.
 */
@Module({
  imports: [StoresModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookFanOut, WebhookDeliveryWorker, WebhookOutcomes],
})
export class WebhooksModule {}
