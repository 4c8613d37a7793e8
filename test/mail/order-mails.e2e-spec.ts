/**
 * Order emails through a real SMTP server (test/support/mailbox.ts): an order placed through the
 * checkout route, paid, shipped and refunded through the admin routes; each email arrives once, to the
 * buyer, with its subject, the order page link, and both parts with every value escaped in the HTML.
 */
import { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { ParsedMail } from 'mailparser';
import { Client } from 'pg';
import request from 'supertest';
import { OrderPlaced, OrderShipped } from '../../src/events';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser, TestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { Mailbox, startMailbox } from '../support/mailbox';
import {
  both,
  checkout,
  CheckedOut,
  eventIdOf,
  eventually,
  FAST_OUTBOX,
  hasSubject,
  htmlyStore,
  isTo,
  mailDeliveries,
  recordEvents,
  sleep,
} from './helpers';

describe('mail: order emails over SMTP', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let mailbox: Mailbox;
  let admin: TestUser;
  let store: { id: string; slug: string; variantId: string };
  let order: CheckedOut;
  let placedEventId: string;
  const http = () => request(app.getHttpServer());
  const of = (mail: ParsedMail) => mail.html || '';

  beforeAll(async () => {
    mailbox = await startMailbox();
    db = await createTestDatabase();
    app = await createTestApp(db.url, {
      ...FAST_OUTBOX,
      SMTP_URL: mailbox.smtpUrl,
      MAIL_FROM: 'Mugs <shop@mugs.test>',
    });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    admin = await createTestUser(app, 'admin');
    store = await htmlyStore(sql);
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
    await mailbox?.stop();
  });

  it('order placed: one email to the buyer, lines and totals, the order link, HTML escaped', async () => {
    order = await checkout(app, sql, store, 2);
    const mail = await mailbox.waitFor(both(isTo(order.customer.email), hasSubject('received')));

    expect(mail.subject).toBe(`Mugs "R" Us: order ${order.orderNumber} received`);
    expect(mail.from?.value).toEqual([{ name: 'Mugs', address: 'shop@mugs.test' }]);
    placedEventId = await eventIdOf(sql, 'order.placed', order.orderId);
    const eventId = placedEventId;
    expect(mail.messageId).toBe(`<${eventId}.order_placed@mugs.test>`);
    expect(mail.text).toContain('2 × Tom & Jerry <b>mug</b> (V1): 20.00 USD');
    expect(mail.text).toContain('Total: 20.00 USD');
    expect(mail.text).toContain(`https://shop.test/orders/${order.orderId}`);
    // Escaped in the HTML part: the product's markup is text there, not markup.
    expect(of(mail)).toContain('Tom &amp; Jerry &lt;b&gt;mug&lt;/b&gt;');
    expect(of(mail)).not.toContain('<b>mug</b>');
    expect(of(mail)).toContain('Mugs &quot;R&quot; Us');
    expect(of(mail)).toContain(`href="https://shop.test/orders/${order.orderId}"`);
    // Recorded after the SMTP server accepted the message: the mailbox may see it first.
    await eventually(
      'the record of the sent email',
      async () => (await mailDeliveries(sql, eventId)).length > 0,
    );
    expect(await mailDeliveries(sql, eventId)).toEqual([{ template: 'order_placed' }]);
  });

  it('paid, shipped, refunded (partly, then the rest): one email each, to the buyer', async () => {
    const to = order.customer.email;
    await http().post(`/api/admin/orders/${order.orderId}/payments/confirm`).set(bearer(admin)).expect(200);
    const paid = await mailbox.waitFor(both(isTo(to), hasSubject('payment received')));
    expect(paid.subject).toBe(`Mugs "R" Us: payment received for order ${order.orderNumber}`);
    expect(paid.text).toContain('We received your payment of 20.00 USD');

    for (const status of ['processing', 'shipped']) {
      await http()
        .patch(`/api/admin/orders/${order.orderId}/status`)
        .set(bearer(admin))
        .send({ status })
        .expect(200);
    }
    const shipped = await mailbox.waitFor(both(isTo(to), hasSubject('has shipped')));
    expect(shipped.text).toContain(`Your order ${order.orderNumber} from Mugs "R" Us is on its way.`);
    expect(shipped.text).not.toContain('Tracking number');

    await http()
      .post(`/api/admin/orders/${order.orderId}/refund`)
      .set(bearer(admin))
      .send({ amount: '5.00' })
      .expect(200);
    await mailbox.waitFor(both(isTo(to), hasSubject('refund'), (m) => (m.text ?? '').includes('so far')));
    await http().post(`/api/admin/orders/${order.orderId}/refund`).set(bearer(admin)).send({}).expect(200);
    const full = await mailbox.waitFor(
      both(isTo(to), hasSubject('refund'), (m) => (m.text ?? '').includes('whole payment')),
    );
    expect(full.subject).toBe(`Mugs "R" Us: refund for order ${order.orderNumber}`);
    expect(full.text).toContain('We refunded 15.00 USD');

    await sleep(300);
    const subjects = mailbox.to(to).map((m) => m.subject);
    expect(subjects.sort()).toEqual(
      [
        `Mugs "R" Us: order ${order.orderNumber} received`,
        `Mugs "R" Us: payment received for order ${order.orderNumber}`,
        `Mugs "R" Us: order ${order.orderNumber} has shipped`,
        `Mugs "R" Us: refund for order ${order.orderNumber}`,
        `Mugs "R" Us: refund for order ${order.orderNumber}`,
      ].sort(),
    );
    for (const mail of mailbox.to(to)) {
      expect(mail.text).toBeTruthy();
      expect(mail.html).toBeTruthy();
    }
  });

  it('a shipment with tracking: carrier, number and a tracking link; only web URLs become links', async () => {
    const ref = { orderId: order.orderId, orderNumber: order.orderNumber };
    // As fulfilments record it (trackingUrl is their addition to the event).
    const tracked = {
      ...ref,
      carrier: 'UPS',
      trackingNumber: '1Z<999>',
      trackingUrl: 'https://track.test/?n=1Z&x=1',
    };
    const hostile = { ...ref, carrier: 'Evil', trackingNumber: 'X1', trackingUrl: 'javascript:alert(1)' };
    await recordEvents(app, new OrderShipped(store.id, tracked), new OrderShipped(store.id, hostile));

    const withTracking = await mailbox.waitFor((m) => (m.text ?? '').includes('Carrier: UPS'));
    expect(withTracking.text).toContain('Tracking number: 1Z<999>');
    expect(withTracking.text).toContain('Track your parcel:\nhttps://track.test/?n=1Z&x=1');
    expect(of(withTracking)).toContain('1Z&lt;999&gt;');
    expect(of(withTracking)).toContain('href="https://track.test/?n=1Z&amp;x=1"');

    const evil = await mailbox.waitFor((m) => (m.text ?? '').includes('Carrier: Evil'));
    expect(of(evil)).not.toContain('href="javascript:');
    expect(of(evil)).toContain('javascript:alert(1)');
  });

  it('shipped through a fulfilment with tracking: one email once every unit has shipped', async () => {
    const next = await checkout(app, sql, store, 2);
    await http().post(`/api/admin/orders/${next.orderId}/payments/confirm`).set(bearer(admin)).expect(200);
    const { rows } = await sql.query<{ id: string }>(`SELECT id FROM order_items WHERE order_id = $1`, [
      next.orderId,
    ]);
    const ship = (quantity: number) =>
      http()
        .post(`/api/admin/orders/${next.orderId}/fulfillments`)
        .set(bearer(admin))
        .send({
          items: [{ orderItemId: rows[0].id, quantity }],
          carrier: 'DHL',
          trackingNumber: `JD-${quantity}`,
          trackingUrl: `https://track.test/JD-${quantity}`,
        })
        .expect(201);
    await ship(1);
    await ship(1);
    const shipped = await mailbox.waitFor(both(isTo(next.customer.email), hasSubject('has shipped')));
    expect(shipped.text).toContain('Carrier: DHL');
    expect(shipped.text).toContain('Tracking number: JD-1');
    // The parcel that completed the order: its tracking page is the link.
    expect(shipped.text).toContain('Track your parcel:\nhttps://track.test/JD-1');
    expect(shipped.html).toContain('href="https://track.test/JD-1"');
    await sleep(300);
    expect(
      mailbox.to(next.customer.email).filter((m) => (m.subject ?? '').includes('has shipped')),
    ).toHaveLength(1);
  });

  it('an email address in the event (guest checkout) is the recipient', async () => {
    const data = {
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      customerId: order.customer.id,
      total: '20.00',
      currency: 'USD',
      email: 'guest.buyer@mail.test',
    };
    await recordEvents(app, new OrderPlaced(store.id, data));
    const mail = await mailbox.waitFor(isTo('guest.buyer@mail.test'));
    expect(mail.subject).toBe(`Mugs "R" Us: order ${order.orderNumber} received`);
  });

  it('a guest checkout: the emails go to the address given at checkout, without an order page link', async () => {
    const session = `guest-${randomBytes(8).toString('hex')}`;
    const email = `guest-${randomBytes(4).toString('hex')}@mail.test`;
    await http()
      .post(`/api/stores/${store.slug}/cart/items`)
      .set('X-Cart-Session', session)
      .send({ variantId: store.variantId, quantity: 1 })
      .expect(201);
    const res = await http()
      .post(`/api/stores/${store.slug}/checkout`)
      .set('X-Cart-Session', session)
      .set('Idempotency-Key', randomUUID())
      .send({
        email,
        shippingAddress: {
          fullName: 'Gus Guest',
          phone: '555-0101',
          addressLine1: '2 Side St',
          city: 'Springfield',
          state: 'IL',
          postalCode: '62701',
          country: 'US',
        },
      });
    expect(res.body).toEqual(expect.objectContaining({ orderToken: expect.any(String) }));
    const placed = await mailbox.waitFor(both(isTo(email), hasSubject('received')));
    expect(placed.subject).toBe(`Mugs "R" Us: order ${res.body.order.orderNumber} received`);
    expect(placed.text).not.toContain('/orders/');

    await http()
      .post(`/api/admin/orders/${res.body.order.id}/payments/confirm`)
      .set(bearer(admin))
      .expect(200);
    await mailbox.waitFor(both(isTo(email), hasSubject('payment received')));
  });

  it('a redelivered event sends nothing again (mail_deliveries), and an unknown order sends nothing', async () => {
    const eventId = placedEventId;
    const before = mailbox.messages.filter((m) => m.messageId === `<${eventId}.order_placed@mugs.test>`);
    expect(before).toHaveLength(1);
    // As after a crash between the send and the delivery's outcome: the outbox runs it again.
    await sql.query(
      `UPDATE event_deliveries SET status = 'pending', next_attempt_at = now()
        WHERE event_id = $1 AND subscriber = 'mail.order-placed'`,
      [eventId],
    );
    await eventually('the redelivery', async () => {
      const { rows } = await sql.query(
        `SELECT 1 FROM event_deliveries WHERE event_id = $1 AND subscriber = 'mail.order-placed'
            AND status = 'delivered' AND attempts = 2`,
        [eventId],
      );
      return rows.length === 1;
    });
    await sleep(200);
    expect(
      mailbox.messages.filter((m) => m.messageId === `<${eventId}.order_placed@mugs.test>`),
    ).toHaveLength(1);

    const stray = new OrderPlaced(store.id, {
      orderId: '00000000-0000-4000-8000-000000000000',
      orderNumber: 'NOPE',
      customerId: order.customer.id,
      email: 'stray@mail.test',
      total: '1.00',
      currency: 'USD',
    });
    await recordEvents(app, stray);
    await eventually('the stray event handled', async () => {
      const { rows } = await sql.query(
        `SELECT 1 FROM event_deliveries WHERE event_id = $1 AND subscriber = 'mail.order-placed' AND status = 'delivered'`,
        [stray.id],
      );
      return rows.length === 1;
    });
    expect(mailbox.messages.filter((m) => (m.subject ?? '').includes('NOPE'))).toEqual([]);
    expect(await mailDeliveries(sql, stray.id)).toEqual([]);
  });

  it('a store renamed (through this instance) is named so in the next order email at once', async () => {
    const owner = await createTestUser(app, 'super_admin');
    // The first email read the old name (test above); the rename commits before the next order.
    await http()
      .patch(`/api/admin/stores/${store.id}`)
      .set(bearer(owner))
      .send({ name: 'Mugs Renamed' })
      .expect(200);
    const next = await checkout(app, sql, store, 1);
    const mail = await mailbox.waitFor(both(isTo(next.customer.email), hasSubject('received')));
    expect(mail.subject).toBe(`Mugs Renamed: order ${next.orderNumber} received`);
    await http()
      .patch(`/api/admin/stores/${store.id}`)
      .set(bearer(owner))
      .send({ name: 'Mugs "R" Us' })
      .expect(200);
  });
});
