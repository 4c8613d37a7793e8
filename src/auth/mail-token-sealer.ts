import { Injectable } from '@nestjs/common';
import { deriveSealingKey, sealSecret, unsealSecret } from '../common/crypto/sealed-secret';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';

/** The purpose the mail module derives the same key with (interfaces agreed with mail). */
export const MAIL_TOKEN_PURPOSE = 'mail-token';

/** Seals the raw token an event carries to the mail module (and opens it, for tests and mail). */
@Injectable()
export class MailTokenSealer {
  private readonly key: Buffer;

  constructor(@InjectAppConfig() config: AppConfig) {
    this.key = deriveSealingKey(config.jwtSecret, MAIL_TOKEN_PURPOSE);
  }

  seal(token: string): string {
    return sealSecret(token, this.key);
  }

  open(sealed: string): string | null {
    return unsealSecret(sealed, this.key);
  }
}
