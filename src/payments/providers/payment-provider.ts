import { AppException } from '../../common/errors';
import { Money } from '../../common/money';
import { PaymentProviderName } from '../payment.types';

/** What a provider needs to open a payment for a new order. */
export interface OpenPaymentInput {
  orderId: string;
  /** Minor units. */
  amount: Money;
  /** ISO 4217, as the store has it (upper case). */
  currency: string;
}

/** A payment opened with the provider: the customer completes it (Stripe) or an admin confirms it (manual). */
export interface OpenedPayment {
  /** The provider's id for it (a PaymentIntent id); null when the provider has none. */
  providerRef: string | null;
  /** Handed to the browser to confirm the payment (Stripe). */
  clientSecret?: string;
}

export interface RefundInput {
  providerRef: string | null;
  /** Minor units. */
  amount: Money;
  currency: string;
  /** The same key for the same refund: a retry after a timeout never refunds twice. */
  idempotencyKey: string;
}

/**
 * A payment provider. Implementations are plain classes listed in PAYMENT_PROVIDER_CLASSES; checkout
 * uses the first one that is configured. Methods make network calls: never call them while holding
 * database locks. They throw PaymentProviderError when the provider fails or does not answer in time.
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** Whether the configuration enables this provider (e.g. STRIPE_SECRET_KEY is set). */
  readonly configured: boolean;
  /**
   * Whether its calls go over the network. A local provider (manual) may be called inside a
   * transaction; a remote one never is.
   */
  readonly remote: boolean;
  open(input: OpenPaymentInput): Promise<OpenedPayment>;
  /** Gives money back; returns the provider's refund id (null when it has none). */
  refund(input: RefundInput): Promise<{ refundRef: string | null }>;
  /**
   * Withdraws an unpaid payment whose order was cancelled, so the customer can no longer pay it.
   * `too_late` when the provider says it can no longer be cancelled (it succeeded meanwhile: the
   * payment webhook then settles the cancelled order).
   */
  cancel(input: CancelPaymentInput): Promise<'cancelled' | 'too_late'>;
}

export interface CancelPaymentInput {
  providerRef: string;
  orderId: string;
}

/** The provider failed, refused or timed out. `reason` is for the logs, not for the customer. */
export class PaymentProviderError extends Error {
  constructor(
    readonly provider: PaymentProviderName,
    readonly reason: string,
    /** The provider's own error code when it gave one (Stripe: `payment_intent_unexpected_state`, …). */
    readonly code?: string,
  ) {
    super(`${provider}: ${reason}`);
    this.name = 'PaymentProviderError';
  }
}

/** 502 PAYMENT_PROVIDER_ERROR, as the API names it. */
export class PaymentProviderException extends AppException {
  constructor(message: string, details?: unknown) {
    super(502, 'PAYMENT_PROVIDER_ERROR', message, details);
  }
}
