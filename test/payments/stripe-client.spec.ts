import { AppConfig } from '../../src/config/app-config';
import { stripeClientOptions } from '../../src/payments/providers/stripe-client';
import { fromStripeAmount, toStripeAmount } from '../../src/payments/providers/stripe-amounts';

const config = (overrides: Partial<AppConfig>): AppConfig =>
  ({
    stripeSecretKey: 'sk_test_x',
    stripeApiUrl: undefined,
    stripeTimeoutMs: 1500,
    ...overrides,
  }) as AppConfig;

describe('Stripe client options', () => {
  it('without STRIPE_API_URL: Stripe itself, no automatic retries, the configured timeout', () => {
    const options = stripeClientOptions(config({}));
    expect(options).toEqual({ maxNetworkRetries: 0, timeout: 1500, telemetry: false });
  });

  it.each([
    ['http://127.0.0.1:12111', { host: '127.0.0.1', port: 12111, protocol: 'http' }],
    ['https://stripe-mock.internal', { host: 'stripe-mock.internal', port: 443, protocol: 'https' }],
    ['http://localhost', { host: 'localhost', port: 80, protocol: 'http' }],
  ])('STRIPE_API_URL=%s → host, port and protocol', (url, expected) => {
    expect(stripeClientOptions(config({ stripeApiUrl: url }))).toEqual(expect.objectContaining(expected));
  });
});

describe('Stripe amounts', () => {
  it('are minor units, except for zero-decimal currencies', () => {
    expect(toStripeAmount(1999, 'EUR')).toBe(1999);
    expect(toStripeAmount(150000, 'JPY')).toBe(1500);
    expect(toStripeAmount(150050, 'jpy')).toBeNull();
    expect(fromStripeAmount(1500, 'jpy')).toBe(150000);
    expect(fromStripeAmount(1999, 'usd')).toBe(1999);
  });
});
