import { Injectable, Logger } from '@nestjs/common';
import { isUUID } from 'class-validator';
import Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AppException } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { inTransaction } from '../database/transactions';
import { OrderRefunds } from '../orders/order-refunds.service';
import { OrdersService } from '../orders/orders.service';
import { PaymentOutcomes } from '../orders/payment-outcomes.service';
import { PaymentsService } from './payments.service';
import { fromStripeAmount } from './providers/stripe-amounts';

/** What one event did; `duplicate` means it had been received before and nothing happened now. */
export type WebhookOutcome =
  | 'duplicate'
  | 'ignored'
  | 'unmatched'
  | 'paid'
  | 'already_applied'
  | 'amount_mismatch'
  | 'reinstated'
  | 'refund_required'
  | 'cancelled'
  | 'late_failure_ignored'
  | 'refunded';

export interface WebhookAck {
  received: true;
  outcome: WebhookOutcome;
}

/**
 * Stripe webhooks. The signature is checked on the raw body; then one transaction records the event id
 * in payment_events (unique, through PaymentsService) and applies its effect to the order through
 * orders' PaymentOutcomes. A replayed event, or ten copies arriving at
 * once, conflict on that insert: the copies wait for the first to commit and then do nothing (answered
 * 200). If the effect fails, the insert rolls back with it and Stripe's retry runs it again.
 */
@Injectable()
export class StripeWebhookService {
  private readonly logger = new Logger(StripeWebhookService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly outcomes: PaymentOutcomes,
    private readonly refunds: OrderRefunds,
    private readonly payments: PaymentsService,
    private readonly audit: AuditService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  async handle(
    rawBody: Buffer | undefined,
    signature: string | undefined,
    meta: RequestMeta,
  ): Promise<WebhookAck> {
    const event = this.verify(rawBody, signature);
    const outcome = await inTransaction(this.dataSource, async (tx) => {
      const stored = await this.payments.recordEvent(tx, 'stripe', event);
      if (!stored) return 'duplicate';
      const applied = await this.apply(tx, event, meta);
      if (applied !== 'ignored') await this.payments.markEventProcessed(tx, stored);
      return applied;
    });
    if (outcome === 'unmatched')
      this.logger.warn(`Stripe event ${event.id} (${event.type}) matches no order`);
    if (outcome === 'refund_required' && event.type === 'payment_intent.succeeded') {
      await this.refundUnsellable(event.data.object, meta);
    }
    return { received: true, outcome };
  }

  private verify(rawBody: Buffer | undefined, signature: string | undefined): Stripe.Event {
    const secret = this.config.stripeWebhookSecret;
    if (!secret) {
      this.logger.warn('A Stripe webhook arrived but STRIPE_WEBHOOK_SECRET is not set: refused');
      throw new AppException(400, 'WEBHOOK_NOT_CONFIGURED', 'Stripe webhooks are not configured');
    }
    if (!signature) {
      throw new AppException(400, 'INVALID_SIGNATURE', 'The Stripe-Signature header is missing');
    }
    if (!rawBody || rawBody.length === 0) {
      throw new AppException(400, 'INVALID_SIGNATURE', 'Expected the event as a JSON body');
    }
    try {
      return Stripe.webhooks.constructEvent(rawBody, signature, secret);
    } catch {
      throw new AppException(400, 'INVALID_SIGNATURE', 'The Stripe-Signature does not match the body');
    }
  }

  private async apply(tx: EntityManager, event: Stripe.Event, meta: RequestMeta): Promise<WebhookOutcome> {
    switch (event.type) {
      case 'payment_intent.succeeded':
        return this.succeeded(tx, event.data.object, meta);
      case 'payment_intent.payment_failed':
        return this.failed(tx, event.data.object, meta);
      case 'charge.refunded':
        return this.refunded(tx, event.data.object, meta);
      default:
        return 'ignored';
    }
  }

  private async succeeded(
    tx: EntityManager,
    intent: Stripe.PaymentIntent,
    meta: RequestMeta,
  ): Promise<WebhookOutcome> {
    const order = await this.lockOrderOf(tx, intent);
    if (!order) return 'unmatched';
    const received = typeof intent.amount_received === 'number' ? intent.amount_received : intent.amount;
    const currency = typeof intent.currency === 'string' ? intent.currency : '';
    const amount = fromStripeAmount(received, currency);
    if (amount !== order.total || currency.toLowerCase() !== order.currency.toLowerCase()) {
      // Never paid on a different amount: the order stays as it is, for a person to look at.
      await this.audit.record(tx, meta, {
        action: 'payment.amount_mismatch',
        entityType: 'order',
        entityId: order.id,
        storeId: order.storeId,
        details: {
          provider: 'stripe',
          providerRef: intent.id,
          expected: { amount: order.total, currency: order.currency },
          received: { amount, currency: currency.toUpperCase() },
        },
      });
      return 'amount_mismatch';
    }
    return this.outcomes.succeeded(tx, order, { provider: 'stripe', providerRef: intent.id }, meta);
  }

  private async failed(
    tx: EntityManager,
    intent: Stripe.PaymentIntent,
    meta: RequestMeta,
  ): Promise<WebhookOutcome> {
    const order = await this.lockOrderOf(tx, intent);
    if (!order) return 'unmatched';
    const cancelled = await this.outcomes.failPayment(tx, order, meta, 'order.payment_failed', {
      provider: 'stripe',
      providerRef: intent.id,
      reason: intent.last_payment_error?.message ?? null,
    });
    // A late failure (the order is paid, or already cancelled) changes nothing.
    return cancelled ? 'cancelled' : 'late_failure_ignored';
  }

  private async refunded(
    tx: EntityManager,
    charge: Stripe.Charge,
    meta: RequestMeta,
  ): Promise<WebhookOutcome> {
    const intentId =
      typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
    if (!intentId) return 'unmatched';
    const payment = await this.payments.findByProviderRef(tx, 'stripe', intentId);
    if (!payment) return 'unmatched';
    const order = await this.orders.findLocked(tx, payment.orderId);
    if (!order) return 'unmatched';
    const refundedTotal = fromStripeAmount(charge.amount_refunded, charge.currency);
    const changed = await this.outcomes.recordProviderRefund(tx, order, payment.id, refundedTotal, meta);
    return changed ? 'refunded' : 'already_applied';
  }

  private async lockOrderOf(tx: EntityManager, intent: Stripe.PaymentIntent) {
    const orderId = intent.metadata?.order_id;
    // Not a UUID: not one of ours (and PostgreSQL would reject the comparison).
    if (!orderId || !isUUID(orderId)) return null;
    return this.orders.findLocked(tx, orderId);
  }

  /**
   * A payment arrived for an order whose stock is gone (payment.refund_required): give the money back
   * now, after the event's commit, through the same refund path as the admin route. If that fails the
   * audit row stays for an admin, who refunds through POST /admin/orders/:id/refund.
   */
  private async refundUnsellable(intent: Stripe.PaymentIntent, meta: RequestMeta): Promise<void> {
    const orderId = intent.metadata?.order_id;
    if (!orderId) return;
    try {
      await this.refunds.refundThroughProvider(orderId, {}, meta, 'refunded');
    } catch (error) {
      this.logger.error(
        `Order ${orderId} was paid after its stock was released and the automatic refund failed: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    }
  }
}
