import { Injectable } from '@nestjs/common';
import { deriveSealingKey, unsealSecret } from '../common/crypto/sealed-secret';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';

/** The purpose the account events' tokens are sealed for (agreed with accounts: src/auth seals with it). */
export const MAIL_TOKEN_PURPOSE = 'mail-token';

/** Opens the sealed token an account event carries: the only place the raw token exists again. */
@Injectable()
export class MailTokens {
  private readonly key: Buffer;

  constructor(@InjectAppConfig() config: AppConfig) {
    this.key = deriveSealingKey(config.jwtSecret, MAIL_TOKEN_PURPOSE);
  }

  /** The token, or null when this key did not seal it (JWT_SECRET rotated since, or tampered). */
  open(sealed: string): string | null {
    return unsealSecret(sealed, this.key);
  }
}
