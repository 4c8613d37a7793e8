/** Without STRIPE_SECRET_KEY the manual provider is used: checkout, admin confirm, refund; no webhooks. */
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { PaymentProviders } from '../../src/payments/providers/payment-providers';
import { closeTestWorld, openTestWorld } from '../support/app';
import { bearer, createTestUser } from '../support/auth';
import { TestDatabase } from '../support/database';
import { insertStockedVariants, inventoryViolations } from '../support/invariants';
import { fillCart, insertAddress } from '../support/shoppers';

describe('payments: manual provider', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    ({ db, app, sql } = await openTestWorld());
  });

  afterAll(() => closeTestWorld({ db, app, sql }));

  it('is the active provider without STRIPE_SECRET_KEY', () => {
    expect(app.get(PaymentProviders).active().name).toBe('manual');
  });

  it('checkout → manual pending payment; admin confirm commits; refund needs no provider call', async () => {
    const { storeId, variantIds } = await insertStockedVariants(sql, 1, 10);
    const { rows } = await sql.query<{ slug: string }>(
      `UPDATE stores SET tax_rate = 0, shipping_flat = 0 WHERE id = $1 RETURNING slug`,
      [storeId],
    );
    const customer = await createTestUser(app, 'customer');
    const admin = await createTestUser(app, 'admin');
    const addressId = await insertAddress(sql, customer.id);
    await fillCart(sql, storeId, customer.id, [{ variantId: variantIds[0], quantity: 2 }]);

    const res = await http()
      .post(`/api/stores/${rows[0].slug}/checkout`)
      .set(bearer(customer))
      .set('Idempotency-Key', randomUUID())
      .send({ shippingAddressId: addressId })
      .expect(201);
    expect(res.body.payment).toEqual({ provider: 'manual', status: 'pending' });
    const orderId: string = res.body.order.id;
    const payment = await sql.query(
      `SELECT provider, provider_ref, status FROM payments WHERE order_id = $1`,
      [orderId],
    );
    expect(payment.rows).toEqual([{ provider: 'manual', provider_ref: null, status: 'pending' }]);

    await http().post(`/api/admin/orders/${orderId}/payments/confirm`).set(bearer(admin)).expect(200);
    const refund = await http()
      .post(`/api/admin/orders/${orderId}/refund`)
      .set(bearer(admin))
      .send({ restock: true })
      .expect(200);
    expect(refund.body).toEqual(expect.objectContaining({ status: 'refunded', paymentStatus: 'refunded' }));
    const stock = await sql.query(`SELECT quantity, reserved FROM inventory WHERE variant_id = $1`, [
      variantIds[0],
    ]);
    expect(stock.rows[0]).toEqual({ quantity: 10, reserved: 0 });
    expect(await inventoryViolations(sql)).toEqual([]);
  });

  it('webhooks are refused (400) while STRIPE_WEBHOOK_SECRET is not set', async () => {
    const res = await http()
      .post('/api/payments/stripe/webhook')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', 't=1,v1=abc')
      .send(JSON.stringify({ id: 'evt_1', type: 'payment_intent.succeeded' }))
      .expect(400);
    expect(res.body.code).toBe('WEBHOOK_NOT_CONFIGURED');
    const events = await sql.query(`SELECT count(*)::int AS n FROM payment_events`);
    expect(events.rows[0].n).toBe(0);
  });
});
