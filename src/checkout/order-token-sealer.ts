import { Injectable } from '@nestjs/common';
import { deriveSealingKey, sealSecret, unsealSecret } from '../common/crypto/sealed-secret';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { CheckoutResponse } from './dto/checkout.dto';

/**
 * A guest checkout's answer carries the order token, and the same Idempotency-Key must replay that
 * answer; the database keeps only the token's hash on the order. So the stored answer (idempotency_keys)
 * holds the token sealed (AES-256-GCM, key derived from JWT_SECRET), and it is opened on the way out.
 */
@Injectable()
export class OrderTokenSealer {
  private readonly key: Buffer;

  constructor(@InjectAppConfig() config: AppConfig) {
    this.key = deriveSealingKey(config.jwtSecret, 'order-token');
  }

  seal(token: string): string {
    return sealSecret(token, this.key);
  }

  /** The response as the client gets it: the order token opened (when there is one). */
  reveal<T>(body: T): T {
    const sealed = (body as Partial<CheckoutResponse> | null)?.orderToken;
    if (typeof sealed !== 'string') return body;
    const orderToken = unsealSecret(sealed, this.key);
    if (orderToken === null)
      throw new Error('A stored checkout answer holds an order token this key did not seal');
    return { ...body, orderToken };
  }
}
