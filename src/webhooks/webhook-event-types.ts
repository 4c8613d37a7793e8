import { DomainEventType } from '../events';

/**
 * The event types an endpoint may subscribe to: the contract's events (API.md, "Events, webhooks and
 * metadata"). Internal events (customer.signed_in) are never sent out; a module's own events join
 * this list only when they become part of the public contract.
 */
export const WEBHOOK_EVENT_TYPES = [
  'order.placed',
  'order.paid',
  'order.cancelled',
  'order.shipped',
  'order.delivered',
  'order.refunded',
  'return.requested',
  'return.received',
  'customer.registered',
  'product.created',
  'product.updated',
  'product.deleted',
  'inventory.low_stock',
] as const satisfies readonly DomainEventType[];

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The type of the test ping (POST …/webhooks/:id/test): sent whatever the endpoint subscribes to. */
export const PING_EVENT_TYPE = 'ping';
