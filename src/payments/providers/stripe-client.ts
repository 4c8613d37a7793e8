import Stripe from 'stripe';
import { AppConfig } from '../../config/app-config';

/** Injection token for the Stripe SDK client; `null` when STRIPE_SECRET_KEY is not set. */
export const STRIPE_CLIENT = Symbol('STRIPE_CLIENT');

/**
 * SDK options from the configuration. STRIPE_API_URL (stripe-mock, a test's fake server) replaces
 * Stripe's host, port and protocol. No automatic retries: a retry is the caller's decision, and every
 * call that creates something carries an idempotency key.
 */
export function stripeClientOptions(config: AppConfig): ConstructorParameters<typeof Stripe>[1] {
  const options: ConstructorParameters<typeof Stripe>[1] = {
    maxNetworkRetries: 0,
    timeout: config.stripeTimeoutMs,
    telemetry: false,
  };
  if (config.stripeApiUrl) {
    const url = new URL(config.stripeApiUrl);
    const protocol = url.protocol === 'http:' ? 'http' : 'https';
    options.host = url.hostname;
    options.port = url.port ? Number(url.port) : protocol === 'http' ? 80 : 443;
    options.protocol = protocol;
  }
  return options;
}

export function createStripeClient(config: AppConfig): Stripe | null {
  return config.stripeSecretKey ? new Stripe(config.stripeSecretKey, stripeClientOptions(config)) : null;
}
