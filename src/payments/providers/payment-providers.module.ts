import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config.module';
import { ALL_PAYMENT_PROVIDERS, PAYMENT_PROVIDER_CLASSES, PaymentProviders } from './payment-providers';
import { PaymentProvider } from './payment-provider';
import { createStripeClient, STRIPE_CLIENT } from './stripe-client';

/**
 * The provider adapters (manual, Stripe). Depends on no domain module, so anything may import it;
 * PaymentsCoreModule is its one domain user.
 */
@Module({
  providers: [
    { provide: STRIPE_CLIENT, useFactory: createStripeClient, inject: [APP_CONFIG] },
    ...PAYMENT_PROVIDER_CLASSES,
    {
      provide: ALL_PAYMENT_PROVIDERS,
      useFactory: (...providers: PaymentProvider[]) => providers,
      inject: [...PAYMENT_PROVIDER_CLASSES],
    },
    PaymentProviders,
  ],
  exports: [PaymentProviders, STRIPE_CLIENT],
})
export class PaymentProvidersModule {}
