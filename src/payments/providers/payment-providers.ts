import { Inject, Injectable } from '@nestjs/common';
import { PaymentProviderName } from '../payment.types';
import { ManualPaymentProvider } from './manual-payment.provider';
import { PaymentProvider, PaymentProviderError } from './payment-provider';
import { StripePaymentProvider } from './stripe-payment.provider';

/**
 * Every provider class, in order of preference: checkout uses the first configured one, so Stripe wins
 * when STRIPE_SECRET_KEY is set and `manual` (always configured) is the fallback. A new provider is a
 * new class here (and its name in PAYMENT_PROVIDERS and the CHECK constraints).
 */
export const PAYMENT_PROVIDER_CLASSES = [StripePaymentProvider, ManualPaymentProvider] as const;

/** Injection token: one instance of each class above, in the same order. */
export const ALL_PAYMENT_PROVIDERS = Symbol('ALL_PAYMENT_PROVIDERS');

/** Finds providers: the one checkout opens payments with, and the one an existing payment belongs to. */
@Injectable()
export class PaymentProviders {
  constructor(@Inject(ALL_PAYMENT_PROVIDERS) private readonly all: readonly PaymentProvider[]) {}

  /** The provider new payments are opened with. */
  active(): PaymentProvider {
    const provider = this.all.find((p) => p.configured);
    if (!provider) throw new Error('unreachable: the manual provider is always configured');
    return provider;
  }

  /** The provider an existing payment was made with (refunds go back the same way). */
  get(name: PaymentProviderName): PaymentProvider {
    const provider = this.all.find((p) => p.name === name);
    if (!provider) throw new PaymentProviderError(name, 'no such provider');
    return provider;
  }
}
