/**
 * Account emails through a real SMTP server. The account events are recorded here through
 * EventsService in a transaction, as accounts records them (src/auth/account-events.ts): what is
 * tested is the mail side of the interface (interfaces: sealed token, email, expiry).
 */
import { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  emailVerificationRequested,
  invitationCreated,
  passwordChanged,
  passwordResetRequested,
} from '../../src/auth/account-events';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { Mailbox, startMailbox } from '../support/mailbox';
import {
  both,
  eventually,
  FAST_OUTBOX,
  hasSubject,
  isTo,
  mailDeliveries,
  recordEvents,
  sealForMail,
  sleep,
} from './helpers';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe('mail: account emails over SMTP', () => {
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

  const token = () => randomBytes(32).toString('base64url');
  const address = () => `u-${randomBytes(4).toString('hex')}@mail.test`;

  it.each([
    ['verify', 'Confirm your email address', 'https://shop.test/verify-email?token='],
    ['email_change', 'Confirm your new email address', 'https://shop.test/verify-email?token='],
  ] as const)(
    'email verification (%s): once, to the address, with a working link',
    async (purpose, subject, link) => {
      const raw = token();
      const email = address();
      const event = emailVerificationRequested({
        userId: randomUUID(),
        email,
        purpose,
        sealedToken: sealForMail(raw),
        expiresAt: inAnHour(),
      });
      await recordEvents(app, event);
      const mail = await mailbox.waitFor(isTo(email));
      expect(mail.subject).toBe(subject);
      expect(mailbox.tokenFrom(mail)).toBe(raw);
      expect(mail.text).toContain(`${link}${raw}`);
      expect(mail.html).toContain(`href="${link}${raw}"`);
      expect(mail.messageId).toBe(
        `<${event.id}.${purpose === 'verify' ? 'email_verification' : 'email_change'}@example.com>`,
      );
      // The token is in the link, never anywhere the outbox keeps.
      const { rows } = await sql.query(
        `SELECT 1 FROM outbox_events WHERE payload::text LIKE '%' || $1 || '%'`,
        [raw],
      );
      expect(rows).toEqual([]);
    },
  );

  it('password reset and invitation: their own pages, the token URL-safe in the link', async () => {
    // A token with characters that need encoding still comes back whole.
    const resetToken = 'a+b/c=d&e';
    const email = address();
    await recordEvents(
      app,
      passwordResetRequested({
        userId: randomUUID(),
        email,
        sealedToken: sealForMail(resetToken),
        expiresAt: inAnHour(),
      }),
      invitationCreated({
        invitationId: randomUUID(),
        email,
        sealedToken: sealForMail('invite-1'),
        expiresAt: inAnHour(),
      }),
    );
    const reset = await mailbox.waitFor(both(isTo(email), hasSubject('Reset your password')));
    expect(reset.text).toContain('https://shop.test/reset-password?token=a%2Bb%2Fc%3Dd%26e');
    expect(mailbox.tokenFrom(reset)).toBe(resetToken);
    const invitation = await mailbox.waitFor(both(isTo(email), hasSubject('invited')));
    expect(invitation.text).toContain('https://shop.test/accept-invitation?token=invite-1');
    expect(mailbox.tokenFrom(invitation)).toBe('invite-1');
  });

  it('password changed: a notice without a link', async () => {
    const email = address();
    await recordEvents(app, passwordChanged({ userId: randomUUID(), email }));
    const mail = await mailbox.waitFor(isTo(email));
    expect(mail.subject).toBe('Your password was changed');
    expect(() => mailbox.tokenFrom(mail)).toThrow();
  });

  it('an expired token or one this key did not seal is not mailed (the link could not work)', async () => {
    const email = address();
    const expired = passwordResetRequested({
      userId: randomUUID(),
      email,
      sealedToken: sealForMail('old'),
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    const forged = passwordResetRequested({
      userId: randomUUID(),
      email,
      sealedToken: 'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA',
      expiresAt: inAnHour(),
    });
    await recordEvents(app, expired, forged);
    await eventually('both handled', async () => {
      const { rows } = await sql.query(
        `SELECT 1 FROM event_deliveries WHERE event_id = ANY ($1::uuid[]) AND status = 'delivered'`,
        [[expired.id, forged.id]],
      );
      return rows.length === 2;
    });
    await sleep(100);
    expect(mailbox.to(email)).toEqual([]);
    expect(await mailDeliveries(sql, expired.id)).toEqual([]);
  });
});
