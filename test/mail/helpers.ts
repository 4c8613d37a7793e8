import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ParsedMail } from 'mailparser';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { deriveSealingKey, sealSecret } from '../../src/common/crypto/sealed-secret';
import { inTransaction } from '../../src/database/transactions';
import { AnyDomainEvent, EventsService } from '../../src/events';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { TEST_JWT_SECRET } from '../support/constants';
import { insertStockedVariants } from '../support/invariants';
import { recipientsOf } from '../support/mailbox';
import { fillCart, insertAddress } from '../support/shoppers';

/** Fast retries and polls: an outage test waits seconds, not minutes. */
export const FAST_OUTBOX = {
  EVENTS_POLL_INTERVAL_MS: '50',
  EVENTS_RETRY_BASE_MS: '20',
  EVENTS_MAX_ATTEMPTS: '100',
  STOREFRONT_URL: 'https://shop.test/',
};

/** Seals a token the way accounts does for its events (interfaces: key 'mail-token' from JWT_SECRET). */
export function sealForMail(token: string): string {
  return sealSecret(token, deriveSealingKey(TEST_JWT_SECRET, 'mail-token'));
}

/** Records events in a transaction of their own, as a module does in its change's transaction. */
export async function recordEvents(app: INestApplication, ...events: AnyDomainEvent[]): Promise<void> {
  await inTransaction(app.get(DataSource), (tx) => app.get(EventsService).record(tx, ...events));
}

export const isTo = (address: string) => (mail: ParsedMail) =>
  recipientsOf(mail).includes(address.toLowerCase());

export const hasSubject = (text: string) => (mail: ParsedMail) => (mail.subject ?? '').includes(text);

export const both =
  (...predicates: Array<(mail: ParsedMail) => boolean>) =>
  (mail: ParsedMail) =>
    predicates.every((p) => p(mail));

/** A store named with HTML in it, a product whose name is HTML too, stock, no tax or shipping. */
export async function htmlyStore(sql: Client): Promise<{ id: string; slug: string; variantId: string }> {
  const { storeId, productId, variantIds } = await insertStockedVariants(sql, 1, 100);
  await sql.query(`UPDATE products SET name = 'Tom & Jerry <b>mug</b>' WHERE id = $1`, [productId]);
  const { rows } = await sql.query<{ slug: string }>(
    `UPDATE stores SET name = 'Mugs "R" Us', tax_rate = 0, shipping_flat = 0 WHERE id = $1 RETURNING slug`,
    [storeId],
  );
  return { id: storeId, slug: rows[0].slug, variantId: variantIds[0] };
}

export interface CheckedOut {
  orderId: string;
  orderNumber: string;
  customer: TestUser;
}

/** The real checkout route (manual payments), for a new customer. */
export async function checkout(
  app: INestApplication,
  sql: Client,
  store: { id: string; slug: string; variantId: string },
  quantity = 2,
): Promise<CheckedOut> {
  const customer = await createTestUser(app, 'customer');
  const addressId = await insertAddress(sql, customer.id);
  await fillCart(sql, store.id, customer.id, [{ variantId: store.variantId, quantity }]);
  const res = await request(app.getHttpServer())
    .post(`/api/stores/${store.slug}/checkout`)
    .set(bearer(customer))
    .set('Idempotency-Key', randomUUID())
    .send({ shippingAddressId: addressId })
    .expect(201);
  return { orderId: res.body.order.id, orderNumber: res.body.order.orderNumber, customer };
}

/** mail_deliveries rows of an event. */
export async function mailDeliveries(sql: Client, eventId: string): Promise<Array<{ template: string }>> {
  const { rows } = await sql.query<{ template: string }>(
    `SELECT template FROM mail_deliveries WHERE event_id = $1 ORDER BY template`,
    [eventId],
  );
  return rows;
}

/** The outbox id of the single event of `type` about the order. */
export async function eventIdOf(sql: Client, type: string, orderId: string): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `SELECT id FROM outbox_events WHERE type = $1 AND payload->>'orderId' = $2`,
    [type, orderId],
  );
  if (rows.length !== 1) throw new Error(`expected one ${type} for ${orderId}, found ${rows.length}`);
  return rows[0].id;
}

/** Polls until `check` returns true. */
export async function eventually(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
