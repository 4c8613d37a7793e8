/**
 * Account emails through a real SMTP server: first through the accounts routes end to end (each email
 * once, its link's token accepted by the API), then with account events recorded directly through
 * EventsService in a transaction, as accounts records them, for what the routes cannot produce
 * (purposes side by side, encoded tokens, expired and unopenable tokens).
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
import request from 'supertest';
import { PASSWORD, register } from '../auth/auth-helpers';
import { LOG_SINK } from '../../src/logging/logging.module';
import { LogSink } from '../../src/logging/root-logger';
import { closeTestApp, createTestApp } from '../support/app';
import { bearer, createTestUser } from '../support/auth';
import { createTestDatabase, TestDatabase } from '../support/database';
import { Mailbox, recipientsOf, startMailbox } from '../support/mailbox';
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

/** What the app writes, as text. */
class CapturedLog implements LogSink {
  readonly isTty = false;
  text = '';
  readonly stream = { write: (chunk: string): void => void (this.text += chunk) };
}

describe('mail: account emails over SMTP', () => {
  const log = new CapturedLog();
  let db: TestDatabase;
  let app: INestApplication;
  let sql: Client;
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await startMailbox();
    db = await createTestDatabase();
    app = await createTestApp(
      db.url,
      { ...FAST_OUTBOX, SMTP_URL: mailbox.smtpUrl, LOG_LEVEL: 'log', LOG_FORMAT: 'json' },
      { customize: (builder) => builder.overrideProvider(LOG_SINK).useValue(log) },
    );
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

  it('through the accounts routes: verification, reset (then the change notice), invitation; each once, each link works', async () => {
    const http = () => request(app.getHttpServer());
    const session = await register(app, address());
    const email = session.user.email;
    await http()
      .post('/api/auth/verify-email/request')
      .set({ Authorization: `Bearer ${session.accessToken}` })
      .expect(202);
    const verify = await mailbox.waitFor(both(isTo(email), hasSubject('Confirm your email address')));
    expect(verify.text).toContain('https://shop.test/verify-email?token=');
    const verified = await http()
      .post('/api/auth/verify-email')
      .send({ token: mailbox.tokenFrom(verify) })
      .expect(200);
    expect(verified.body.user.emailVerified).toBe(true);

    await http().post('/api/auth/password/forgot').send({ email }).expect(202);
    const reset = await mailbox.waitFor(both(isTo(email), hasSubject('Reset your password')));
    expect(reset.text).toContain('https://shop.test/reset-password?token=');
    await http()
      .post('/api/auth/password/reset')
      .send({ token: mailbox.tokenFrom(reset), password: `${PASSWORD} 2` })
      .expect(200);
    await mailbox.waitFor(both(isTo(email), hasSubject('Your password was changed')));

    const invitee = address();
    const superAdmin = await createTestUser(app, 'super_admin');
    await http().post('/api/admin/invitations').set(bearer(superAdmin)).send({ email: invitee }).expect(201);
    const invitation = await mailbox.waitFor(isTo(invitee));
    expect(invitation.text).toContain('https://shop.test/accept-invitation?token=');
    await http()
      .post('/api/auth/invitations/accept')
      .send({ token: mailbox.tokenFrom(invitation), password: PASSWORD, fullName: 'Grace Hopper' })
      .expect(201);

    await sleep(300);
    expect(mailbox.to(email).map((m) => m.subject)).toEqual([
      'Confirm your email address',
      'Reset your password',
      'Your password was changed',
    ]);
    expect(mailbox.to(invitee)).toHaveLength(1);
  });

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

  it('no token and no recipient reaches the log: SMTP sends are logged by template and Message-ID only', () => {
    const tokens = mailbox.messages.flatMap((m) => {
      try {
        return [mailbox.tokenFrom(m)];
      } catch {
        return [];
      }
    });
    expect(tokens.length).toBeGreaterThan(5);
    for (const token of tokens) expect(log.text).not.toContain(token);
    for (const to of mailbox.messages.flatMap(recipientsOf)) expect(log.text).not.toContain(to);
    expect(log.text).toMatch(/"msg":"Sent password_reset mail <[0-9a-f-]+\.password_reset@example\.com>"/);
  });
});
