/**
 * An SMTP outage delays email and loses none: with the server down, sends fail and the outbox retries
 * them with backoff; once it is back, every email arrives, exactly once.
 */
import { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { emailVerificationRequested, passwordResetRequested } from '../../src/auth/account-events';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { Mailbox, startMailbox } from '../support/mailbox';
import {
  checkout,
  eventually,
  FAST_OUTBOX,
  htmlyStore,
  isTo,
  recordEvents,
  sealForMail,
  sleep,
} from './helpers';

describe('mail: SMTP outage', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await startMailbox();
    db = await createTestDatabase();
    app = await createTestApp(db.url, { ...FAST_OUTBOX, SMTP_URL: mailbox.smtpUrl });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await closeTestApp(app);
    await db?.drop();
    await mailbox?.stop();
  });

  it('nothing arrives while the server is down, the outbox retries, then each email arrives once', async () => {
    await mailbox.stop();
    const store = await htmlyStore(sql);
    const orders = [await checkout(app, sql, store, 1), await checkout(app, sql, store, 1)];
    const emails = Array.from({ length: 4 }, () => `o-${randomBytes(4).toString('hex')}@mail.test`);
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    await recordEvents(
      app,
      ...emails.map((email, i) =>
        i % 2 === 0
          ? emailVerificationRequested({
              userId: randomUUID(),
              email,
              purpose: 'verify',
              sealedToken: sealForMail(`t${i}`),
              expiresAt: inAnHour,
            })
          : passwordResetRequested({
              userId: randomUUID(),
              email,
              sealedToken: sealForMail(`t${i}`),
              expiresAt: inAnHour,
            }),
      ),
    );
    const recipients = [...emails, ...orders.map((o) => o.customer.email)];

    // Every mail subscriber fails and is retried: several attempts each, the SMTP error kept.
    await eventually('retries during the outage', async () => {
      const { rows } = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM event_deliveries
          WHERE subscriber LIKE 'mail.%' AND status = 'pending' AND attempts >= 3 AND last_error LIKE 'SMTP send failed%'`,
      );
      return rows[0].n === recipients.length;
    });
    expect(mailbox.messages).toEqual([]);
    const { rows: sent } = await sql.query(`SELECT 1 FROM mail_deliveries`);
    expect(sent).toEqual([]);

    await mailbox.restart();
    for (const to of recipients) await mailbox.waitFor(isTo(to), 20_000);
    await eventually('every mail delivery done', async () => {
      const { rows } = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM event_deliveries WHERE subscriber LIKE 'mail.%' AND status <> 'delivered'`,
      );
      return rows[0].n === 0;
    });
    await sleep(300);
    expect(
      mailbox.messages.map((m) => m.to && (Array.isArray(m.to) ? m.to[0].text : m.to.text)).sort(),
    ).toEqual(recipients.sort());
    const { rows: recorded } = await sql.query(`SELECT 1 FROM mail_deliveries`);
    expect(recorded).toHaveLength(recipients.length);
  });
});
