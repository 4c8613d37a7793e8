import { Inject, Injectable, Logger } from '@nestjs/common';
import Stripe from 'stripe';
import {
  CancelPaymentInput,
  OpenedPayment,
  OpenPaymentInput,
  PaymentProvider,
  PaymentProviderError,
  RefundInput,
} from './payment-provider';
import { toStripeAmount } from './stripe-amounts';
import { STRIPE_CLIENT } from './stripe-client';

/**
 * Stripe PaymentIntents, enabled by STRIPE_SECRET_KEY. Amounts are minor units, currencies lower case
 * (Stripe's form). Each call carries an idempotency key: the order id for the PaymentIntent, so a
 * retried checkout step can never open a second one for the same order.
 */
@Injectable()
export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  readonly remote = true;
  private readonly logger = new Logger(StripePaymentProvider.name);

  constructor(@Inject(STRIPE_CLIENT) private readonly stripe: Stripe | null) {}

  get configured(): boolean {
    return this.stripe !== null;
  }

  async open(input: OpenPaymentInput): Promise<OpenedPayment> {
    const amount = this.amountFor(input.amount, input.currency);
    const intent = await this.call('create a PaymentIntent', (stripe) =>
      stripe.paymentIntents.create(
        {
          amount,
          currency: input.currency.toLowerCase(),
          metadata: { order_id: input.orderId },
          automatic_payment_methods: { enabled: true },
        },
        { idempotencyKey: input.orderId },
      ),
    );
    if (!intent.client_secret) {
      throw new PaymentProviderError(
        this.name,
        `PaymentIntent ${intent.id} came back without a client secret`,
      );
    }
    return { providerRef: intent.id, clientSecret: intent.client_secret };
  }

  async refund(input: RefundInput): Promise<{ refundRef: string | null }> {
    const { providerRef } = input;
    if (!providerRef) {
      throw new PaymentProviderError(this.name, 'the payment has no PaymentIntent id to refund');
    }
    const amount = this.amountFor(input.amount, input.currency);
    const refund = await this.call('create a refund', (stripe) =>
      stripe.refunds.create(
        { payment_intent: providerRef, amount },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { refundRef: refund.id };
  }

  async cancel(input: CancelPaymentInput): Promise<'cancelled' | 'too_late'> {
    try {
      await this.call('cancel a PaymentIntent', (stripe) =>
        stripe.paymentIntents.cancel(
          input.providerRef,
          { cancellation_reason: 'abandoned' },
          { idempotencyKey: `cancel-${input.orderId}` },
        ),
      );
      return 'cancelled';
    } catch (error) {
      // Stripe refuses to cancel an intent that succeeded (or was canceled) already.
      if (error instanceof PaymentProviderError && error.code === 'payment_intent_unexpected_state') {
        return 'too_late';
      }
      throw error;
    }
  }

  private amountFor(amount: number, currency: string): number {
    const converted = toStripeAmount(amount, currency);
    if (converted === null) {
      throw new PaymentProviderError(
        this.name,
        `${currency} ${amount / 100} has a fraction Stripe cannot charge`,
      );
    }
    return converted;
  }

  /** Runs one SDK call; any failure (HTTP error, refusal, timeout) becomes a PaymentProviderError. */
  private async call<T>(what: string, request: (stripe: Stripe) => Promise<T>): Promise<T> {
    if (!this.stripe) throw new PaymentProviderError(this.name, 'STRIPE_SECRET_KEY is not set');
    try {
      return await request(this.stripe);
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.logger.warn(`Stripe failed to ${what}: ${reason}`);
      const code = error instanceof Stripe.errors.StripeError ? error.code : undefined;
      throw new PaymentProviderError(this.name, `failed to ${what} (${reason})`, code);
    }
  }
}
