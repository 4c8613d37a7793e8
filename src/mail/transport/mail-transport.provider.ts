import * as path from 'node:path';
import { Provider } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.module';
import { FileTransport } from './file-transport';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { SmtpTransport } from './smtp-transport';

/** SMTP when SMTP_URL is set, else .eml files under DATA_DIR/mail/. */
export const mailTransportProvider: Provider = {
  provide: MAIL_TRANSPORT,
  useFactory: (config: AppConfig): MailTransport =>
    config.mail.smtpUrl
      ? new SmtpTransport(config.mail.smtpUrl)
      : new FileTransport(path.join(config.dataDir, 'mail')),
  inject: [APP_CONFIG],
};
