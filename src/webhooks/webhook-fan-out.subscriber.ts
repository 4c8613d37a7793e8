import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainEvent, OnDomainEvent } from '../events';
import { WebhookPayload } from './entities/webhook-delivery.entity';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-types';
import { WebhookDeliveryWorker } from './webhook-delivery-worker';

/** The subscriber's stable name: the key of its event deliveries (keep it when renaming). */
export const WEBHOOK_FAN_OUT_SUBSCRIBER = 'webhooks.fan-out';

/**
 * Turns each contract event into one webhook delivery per active endpoint of its store that
 * subscribes to its type. An after-commit subscriber of every type in WEBHOOK_EVENT_TYPES, so it
 * runs at least once per event: the (endpoint_id, event_id) key makes a second run insert nothing.
 * It only writes rows and wakes the worker; the sending happens there, never here. Events outside
 * any store (storeId null) have no endpoints.
 */
@Injectable()
export class WebhookFanOut {
  constructor(
    private readonly dataSource: DataSource,
    private readonly worker: WebhookDeliveryWorker,
  ) {}

  async onEvent(event: DomainEvent): Promise<void> {
    if (event.storeId === null) return;
    const payload: WebhookPayload = {
      type: event.type,
      timestamp: event.occurredAt.toISOString(),
      data: event.data,
    };
    const rows = await this.dataSource.query<Array<{ n: number }>>(
      `WITH created AS (
         INSERT INTO webhook_deliveries (store_id, endpoint_id, event_id, event_type, payload)
         SELECT e.store_id, e.id, $1, $2, $3::jsonb FROM webhook_endpoints e
          WHERE e.store_id = $4 AND e.is_active AND $2 = ANY (e.events)
         ON CONFLICT (endpoint_id, event_id) DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM created`,
      [event.id, event.type, JSON.stringify(payload), event.storeId],
    );
    if ((rows[0]?.n ?? 0) > 0) this.worker.kick();
  }
}

// One registration per type (the events module has no wildcard): the same method, one stable name.
const descriptor = Object.getOwnPropertyDescriptor(
  WebhookFanOut.prototype,
  'onEvent',
) as TypedPropertyDescriptor<(event: DomainEvent) => Promise<void>>;
for (const type of WEBHOOK_EVENT_TYPES) {
  OnDomainEvent(type, { name: WEBHOOK_FAN_OUT_SUBSCRIBER })(WebhookFanOut.prototype, 'onEvent', descriptor);
}
