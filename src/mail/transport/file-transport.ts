import { mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { OutgoingMail } from '../mail.types';
import { MailTransport } from './mail-transport';

/**
 * The default run's "outbox" for people: each email as an .eml file under DATA_DIR/mail/ (any mail
 * client opens it), and a log line with its subject and link, so a developer can verify an account
 * or reset a password without an SMTP server. The only place a link with its token is logged: this
 * transport is never used when SMTP_URL is set.
 */
export class FileTransport implements MailTransport {
  readonly kind = 'file';
  private readonly logger = new Logger('Mail');
  // nodemailer builds the RFC 5322 message (MIME parts, headers) without sending it anywhere.
  private readonly composer: Transporter = createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });

  /** Set once the folder is known to exist: not asked again for every mail. */
  private folderMade = false;

  constructor(readonly folder: string) {}

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.composer.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
    })) as { message: Buffer };
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(this.folder, `${stamp}-${fileSafe(mail.messageId)}.eml`);
    // 0600: the file holds a live token. Written beside the folder and renamed in, so whoever watches
    // the folder (a mail viewer, a test) never reads a half-written message.
    const partial = path.join(path.dirname(this.folder), `.${path.basename(file)}.partial`);
    await this.inFolder(async () => {
      await writeFile(partial, info.message, { mode: 0o600 });
      await rename(partial, file);
    });
    this.logger.log(`Mail "${mail.subject}" written to ${file}${mail.link ? `; link: ${mail.link}` : ''}`);
  }

  /** Runs `write`, making the folder first the first time, and again if it was removed meanwhile. */
  private async inFolder(write: () => Promise<void>): Promise<void> {
    if (this.folderMade) {
      try {
        return await write();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    this.folderMade = true;
    await write();
  }

  close(): void {
    this.composer.close();
  }
}

function fileSafe(messageId: string): string {
  return messageId.replace(/^<|@.*$/g, '').replace(/[^A-Za-z0-9._-]/g, '_');
}
