import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { OrderPaid, OrderPlaced } from '../../src/events';

/** Polls `check` until it returns a value that is not undefined (or fails after `timeoutMs`). */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface DeliveryRow {
  event_id: string;
  subscriber: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

export async function deliveries(sql: Client, eventIds: string[]): Promise<DeliveryRow[]> {
  // Only the test module's subscribers: the app's own (webhooks' fan-out, extensions) subscribe to
  // the same events, and what they do is their own tests' business.
  const { rows } = await sql.query<DeliveryRow>(
    `SELECT event_id, subscriber, status, attempts, last_error FROM event_deliveries
      WHERE event_id = ANY ($1::uuid[]) AND (subscriber LIKE 'test.%' OR subscriber LIKE 'TestSubscribers.%')
      ORDER BY event_id, subscriber`,
    [eventIds],
  );
  return rows;
}

/** Handled rows per (event, subscriber): more than 1 is a duplicate delivery. */
export async function handledCounts(sql: Client, eventIds: string[]): Promise<Map<string, number>> {
  const { rows } = await sql.query<{ key: string; n: number }>(
    `SELECT event_id || ' ' || subscriber AS key, count(*)::int AS n FROM test_handled
      WHERE event_id = ANY ($1::uuid[]) GROUP BY 1`,
    [eventIds],
  );
  return new Map(rows.map((r) => [r.key, r.n]));
}

export function placed(storeId: string | null = randomUUID()): OrderPlaced {
  return new OrderPlaced(storeId, {
    orderId: randomUUID(),
    orderNumber: 'ORD-202612-000001',
    customerId: randomUUID(),
    email: 'buyer@example.com',
    total: '19.99',
    currency: 'USD',
  });
}

export function paid(storeId: string = randomUUID()): OrderPaid {
  return new OrderPaid(storeId, {
    orderId: randomUUID(),
    orderNumber: 'ORD-202612-000002',
    paymentId: randomUUID(),
    customerId: null, // a guest: the loyalty extension has nothing to credit
    email: 'guest@example.com',
    amount: '19.99',
    currency: 'USD',
  });
}
