/** Without SMTP_URL (the default run), each email is an .eml file under DATA_DIR/mail/. */
import { INestApplication } from '@nestjs/common';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { passwordResetRequested } from '../../src/auth/account-events';
import { LOG_SINK } from '../../src/logging/logging.module';
import { LogSink } from '../../src/logging/root-logger';
import { closeTestApp, createTestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { tokenFrom } from '../support/mailbox';
import { eventually, FAST_OUTBOX, recordEvents, sealForMail } from './helpers';

/** What the app writes, as text. */
class CapturedLog implements LogSink {
  readonly isTty = false;
  text = '';
  readonly stream = { write: (chunk: string): void => void (this.text += chunk) };
}

describe('mail: the file transport of the default run', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let dataDir: string;
  const log = new CapturedLog();
  const mailDir = () => path.join(dataDir, 'mail');

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mail-file-transport-'));
    db = await createTestDatabase();
    app = await createTestApp(
      db.url,
      { ...FAST_OUTBOX, DATA_DIR: dataDir, LOG_LEVEL: 'log', LOG_FORMAT: 'json' },
      { customize: (builder) => builder.overrideProvider(LOG_SINK).useValue(log) },
    );
  });

  afterAll(async () => {
    await closeTestApp(app);
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the email as an .eml file (readable by the owner only) with both parts and the link', async () => {
    const event = passwordResetRequested({
      userId: randomUUID(),
      email: 'file.user@mail.test',
      sealedToken: sealForMail('file-token-1'),
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    });
    await recordEvents(app, event);
    await eventually(
      'an .eml file',
      async () => fs.existsSync(mailDir()) && fs.readdirSync(mailDir()).length > 0,
    );

    const files = fs.readdirSync(mailDir());
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^[0-9TZ-]+-${event.id}\\.password_reset\\.eml$`));
    const file = path.join(mailDir(), files[0]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const mail = await simpleParser(fs.readFileSync(file));
    expect(mail.subject).toBe('Reset your password');
    expect(mail.messageId).toBe(`<${event.id}.password_reset@example.com>`);
    expect(tokenFrom(mail)).toBe('file-token-1');
    expect(mail.html).toContain('href="https://shop.test/reset-password?token=file-token-1"');

    // The log names the subject, the file and the link (for a developer to click), not the recipient.
    const lines = log.text.split('\n').filter((line) => line.includes('"context":"Mail"'));
    expect(lines).toHaveLength(1);
    const { msg } = JSON.parse(lines[0]) as { msg: string };
    expect(msg).toBe(
      `Mail "Reset your password" written to ${file}; link: https://shop.test/reset-password?token=file-token-1`,
    );
    expect(log.text).not.toContain('file.user@mail.test');
  });

  it('writes the next email even when the folder was removed meanwhile', async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    const event = passwordResetRequested({
      userId: randomUUID(),
      email: 'file.user2@mail.test',
      sealedToken: sealForMail('file-token-2'),
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    });
    await recordEvents(app, event);
    await eventually(
      'an .eml file in the folder made again',
      async () => fs.existsSync(mailDir()) && fs.readdirSync(mailDir()).length > 0,
    );
    const [file] = fs.readdirSync(mailDir());
    expect(file).toContain(event.id);
    expect(fs.statSync(mailDir()).mode & 0o777).toBe(0o700);
  });
});
