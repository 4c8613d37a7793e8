import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PreparedSqlStatement } from '../common/sql-statement';
import { queryStatement } from '../database/prepared-query';
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
    const [created] = await queryStatement<{ n: number }>(
      this.dataSource.manager,
      fanOutStatement(event.id, event.type, payload, event.storeId),
    );
    if ((created?.n ?? 0) > 0) this.worker.kick();
  }
}

/**
 * The deliveries of one event, prepared: it runs for every event of the contract, and planning it
 * under the row-level security policies of both tables cost more than running it.
 */
function fanOutStatement(
  eventId: string,
  type: string,
  payload: WebhookPayload,
  storeId: string,
): PreparedSqlStatement {
  return {
    name: 'webhook_fan_out',
    text: `WITH created AS (
         INSERT INTO webhook_deliveries (store_id, endpoint_id, event_id, event_type, payload)
         SELECT e.store_id, e.id, $1, $2, $3::jsonb FROM webhook_endpoints e
          WHERE e.store_id = $4 AND e.is_active AND $2 = ANY (e.events)
         ON CONFLICT (endpoint_id, event_id) DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM created`,
    values: [eventId, type, JSON.stringify(payload), storeId],
  };
}

// One registration per type (the events module has no wildcard): the same method, one stable name.
const descriptor = Object.getOwnPropertyDescriptor(
  WebhookFanOut.prototype,
  'onEvent',
) as TypedPropertyDescriptor<(event: DomainEvent) => Promise<void>>;
for (const type of WEBHOOK_EVENT_TYPES) {
  OnDomainEvent(type, { name: WEBHOOK_FAN_OUT_SUBSCRIBER })(WebhookFanOut.prototype, 'onEvent', descriptor);
}
