import { INestApplication } from '@nestjs/common';
import { ParsedMail } from 'mailparser';
import request from 'supertest';
import { closeTestApp, createTestApp } from '../../support/app';
import { createTestDatabase, TestDatabase } from '../../support/database';
import { Mailbox, recipientsOf, startMailbox } from '../../support/mailbox';

/** The subjects of the account emails (src/mail/templates/account.templates.ts). */
export const SUBJECTS = {
  verify: 'Confirm your email address',
  emailChange: 'Confirm your new email address',
  reset: 'Reset your password',
  passwordChanged: 'Your password was changed',
} as const;

/** An app on its own database whose emails go, through real SMTP, to a mailbox in this process. */
export interface AccountsApp {
  db: TestDatabase;
  app: INestApplication;
  http: ReturnType<typeof request>;
  mailbox: Mailbox;
  /** The token of the next not yet read email to `address` with `subject`. */
  mailedToken(address: string, subject: string): Promise<string>;
  close(): Promise<void>;
}

export async function startAccountsApp(env: NodeJS.ProcessEnv = {}, db?: TestDatabase): Promise<AccountsApp> {
  const mailbox = await startMailbox();
  const database = db ?? (await createTestDatabase());
  const app = await createTestApp(database.url, { SMTP_URL: mailbox.smtpUrl, ...env });
  const read = new Set<ParsedMail>();
  return {
    db: database,
    app,
    http: request(app.getHttpServer()),
    mailbox,
    async mailedToken(address, subject) {
      const mail = await mailbox.waitFor(
        (m) => !read.has(m) && m.subject === subject && recipientsOf(m).includes(address.toLowerCase()),
      );
      read.add(mail);
      return mailbox.tokenFrom(mail);
    },
    async close() {
      await closeTestApp(app);
      await mailbox.stop();
      await database.drop();
    },
  };
}

/** A random token of the right shape that was never issued. */
export function unknownToken(): string {
  return Buffer.from(Array.from({ length: 32 }, () => Math.floor(Math.random() * 256))).toString('base64url');
}

export function bearerOf(accessToken: string): { Authorization: string } {
  return { Authorization: `Bearer ${accessToken}` };
}
