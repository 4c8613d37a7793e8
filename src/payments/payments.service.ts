import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { formatMoney, Money } from '../common/money';
import { inTransaction } from '../database/transactions';
import { Payment } from './entities/payment.entity';
import { PaymentProviderName, PaymentStatus } from './payment.types';
import { insertPendingPaymentStatement } from './payments-sql';
import { OpenedPayment, PaymentProvider } from './providers/payment-provider';
import { PaymentProviders } from './providers/payment-providers';
import { runStatement } from '../database/prepared-query';

/** A payment row as other modules see it (read through this service, never through the entity). */
export type PaymentRecord = Pick<
  Payment,
  'id' | 'orderId' | 'provider' | 'providerRef' | 'amount' | 'currency' | 'status' | 'refundedAmount'
>;

/** A payment the provider reports as succeeded (webhook, manual confirmation). */
export interface SucceededPayment {
  orderId: string;
  provider: PaymentProviderName;
  providerRef: string | null;
  amount: Money;
  currency: string;
}

/** What withdrawing an unpaid payment at its provider did; null when there was nothing remote to withdraw. */
export type WithdrawOutcome = 'cancelled' | 'too_late' | 'failed';

/**
 * The `payments` and `payment_events` tables, and the provider calls made for them. Every write to
 * those tables goes through here; methods that join a caller's transaction take it as `tx`. Provider
 * calls (open, refund, withdraw) make network requests: never call them while holding locks.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
    private readonly providers: PaymentProviders,
  ) {}

  /** The provider new payments are opened with. */
  activeProvider(): PaymentProvider {
    return this.providers.active();
  }

  /** The pending payment row of a new order (checkout). */
  async recordPending(
    tx: EntityManager,
    payment: { orderId: string; provider: PaymentProviderName; amount: Money; currency: string },
  ): Promise<void> {
    const statement = insertPendingPaymentStatement(payment);
    await runStatement(tx, statement);
  }

  /** The provider's reference of a payment opened after its order committed (Stripe's PaymentIntent id). */
  async attachProviderRef(
    tx: EntityManager,
    orderId: string,
    provider: PaymentProviderName,
    opened: OpenedPayment,
  ): Promise<void> {
    await tx.withRepository(this.payments).update({ orderId, provider }, { providerRef: opened.providerRef });
  }

  /** The order's pending payments end as `outcome` (order cancelled, or its payment failed). */
  async settlePending(
    tx: EntityManager,
    orderId: string,
    outcome: Extract<PaymentStatus, 'cancelled' | 'failed'>,
  ): Promise<void> {
    await tx.withRepository(this.payments).update({ orderId, status: 'pending' }, { status: outcome });
  }

  /**
   * The order's payment with this provider becomes `succeeded` (inserted if checkout left none).
   * Returns its id (for `order.paid`).
   */
  async recordSucceeded(tx: EntityManager, payment: SucceededPayment): Promise<string> {
    const repo = tx.withRepository(this.payments);
    const existing = await repo.findOne({ where: { orderId: payment.orderId, provider: payment.provider } });
    if (existing) {
      await repo.update(
        { id: existing.id },
        { status: 'succeeded', ...(payment.providerRef && { providerRef: payment.providerRef }) },
      );
      return existing.id;
    }
    const inserted = await repo.insert({ ...payment, status: 'succeeded' });
    return (inserted.identifiers[0] as { id: string }).id;
  }

  /** Whether the order has a payment with this provider. */
  hasPaymentWith(tx: EntityManager, orderId: string, provider: PaymentProviderName): Promise<boolean> {
    return tx.withRepository(this.payments).exists({ where: { orderId, provider } });
  }

  /** The order's latest succeeded payment (what a refund gives back), or null. */
  latestSucceeded(tx: EntityManager, orderId: string): Promise<PaymentRecord | null> {
    return tx
      .withRepository(this.payments)
      .findOne({ where: { orderId, status: 'succeeded' }, order: { createdAt: 'DESC' } });
  }

  /** The payment a provider knows by `providerRef`, or null. */
  findByProviderRef(
    tx: EntityManager,
    provider: PaymentProviderName,
    providerRef: string,
  ): Promise<PaymentRecord | null> {
    return tx.withRepository(this.payments).findOne({ where: { provider, providerRef } });
  }

  findById(tx: EntityManager, id: string): Promise<PaymentRecord> {
    return tx.withRepository(this.payments).findOneOrFail({ where: { id } });
  }

  /**
   * Step 1 of a refund: the amount is reserved on the payment row (refunded_amount grows now), so a
   * concurrent refund sees it and cannot over-refund. `releaseRefund` gives it back.
   */
  async reserveRefund(tx: EntityManager, payment: PaymentRecord, amount: Money): Promise<void> {
    await tx
      .withRepository(this.payments)
      .update({ id: payment.id }, { refundedAmount: payment.refundedAmount + amount });
  }

  /** The provider refused a reserved refund: the amount is given back, in a transaction of its own. */
  async releaseRefund(paymentId: string, amount: Money): Promise<void> {
    await inTransaction(this.dataSource, (tx) =>
      tx.query(`UPDATE payments SET refunded_amount = refunded_amount - $2::numeric WHERE id = $1`, [
        paymentId,
        formatMoney(amount),
      ]),
    );
  }

  /**
   * Step 2 of a refund: the provider call, with an idempotency key made of the payment id and the
   * amounts, so retrying the same refund after a timeout is the same refund, never a second one.
   * `idempotencyKey` replaces that key when the refund is of something that has its own identity (a
   * return: `return:<id>`). Throws PaymentProviderError when the provider fails.
   */
  refundAtProvider(
    payment: PaymentRecord,
    amount: Money,
    alreadyRefunded: Money,
    idempotencyKey?: string,
  ): Promise<{ refundRef: string | null }> {
    return this.providers.get(payment.provider).refund({
      providerRef: payment.providerRef,
      amount,
      currency: payment.currency,
      idempotencyKey: idempotencyKey ?? `refund:${payment.id}:${alreadyRefunded}:${amount}`,
    });
  }

  /** The payment is fully refunded. */
  async markRefunded(tx: EntityManager, paymentId: string): Promise<void> {
    await tx.withRepository(this.payments).update({ id: paymentId }, { status: 'refunded' });
  }

  /** The provider's refunded total (never down); `full` also makes the payment `refunded`. */
  async recordRefundedTotal(
    tx: EntityManager,
    paymentId: string,
    refunded: Money,
    full: boolean,
  ): Promise<void> {
    await tx
      .withRepository(this.payments)
      .update({ id: paymentId }, { refundedAmount: refunded, ...(full && { status: 'refunded' }) });
  }

  /**
   * Withdraws the open payment of a cancelled order at its provider, so the customer can no longer pay
   * it. Best effort, outside any transaction; null when the provider is local (nothing to withdraw).
   */
  async withdraw(
    providerName: PaymentProviderName,
    providerRef: string,
    orderId: string,
  ): Promise<WithdrawOutcome | null> {
    const provider = this.providers.get(providerName);
    if (!provider.remote) return null;
    return provider.cancel({ providerRef, orderId }).catch((error: unknown) => {
      this.logger.warn(`Could not withdraw the payment of cancelled order ${orderId}: ${String(error)}`);
      return 'failed' as const;
    });
  }

  /**
   * Records a provider's webhook event (unique per provider and event id) in the caller's transaction.
   * Returns its row id, or null when the event was received before (a replay, or a concurrent copy,
   * which waits here for the first to commit).
   */
  async recordEvent(
    tx: EntityManager,
    provider: PaymentProviderName,
    event: { id: string; type: string },
  ): Promise<string | null> {
    const [stored] = await tx.query<Array<{ id: string }>>(
      `INSERT INTO payment_events (provider, event_id, type, payload) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (provider, event_id) DO NOTHING RETURNING id`,
      [provider, event.id, event.type, JSON.stringify(event)],
    );
    return stored?.id ?? null;
  }

  /** The event's effect was applied. */
  async markEventProcessed(tx: EntityManager, eventRowId: string): Promise<void> {
    await tx.query(`UPDATE payment_events SET processed_at = now() WHERE id = $1`, [eventRowId]);
  }
}
