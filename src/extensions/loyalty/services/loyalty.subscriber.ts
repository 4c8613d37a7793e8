import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseMoney } from '../../../common/money';
import { inTransaction } from '../../../database/transactions';
import { EventOf, OnDomainEvent } from '../../../events';
import { LoyaltyLedgerService } from './loyalty-ledger.service';

/**
 * Points follow the orders' domain events, after their commit (the default of @OnDomainEvent): no
 * request waits for them, and a failure is retried with backoff by the dispatcher instead of failing
 * a payment. Each delivery is one short transaction of its own (inTransaction: retried on
 * serialization failures), safe to run twice for the same event (the ledger's UNIQUE event_id).
 *
 * The names are the subscribers' delivery keys: keep them when renaming the methods.
 */
@Injectable()
export class LoyaltySubscriber {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LoyaltyLedgerService,
  ) {}

  /** Credits the buyer, whom the event names (a guest's order, without one, earns nothing). */
  @OnDomainEvent('order.paid', { name: 'loyalty.credit-on-paid' })
  async onOrderPaid(event: EventOf<'order.paid'>): Promise<void> {
    const { storeId } = event;
    const { customerId, orderId, amount } = event.data;
    if (storeId === null || !customerId) return;
    await inTransaction(this.dataSource, (tx) =>
      this.ledger.credit(tx, {
        eventId: event.id,
        storeId,
        profileId: customerId,
        orderId,
        paid: parseMoney(amount),
      }),
    );
  }

  /**
   * Takes back points for a refund, full or partial. A refund seen before the order's credit throws
   * (LoyaltyCreditPendingError): the dispatcher retries it once `order.paid` has been handled.
   */
  @OnDomainEvent('order.refunded', { name: 'loyalty.take-back-on-refund' })
  async onOrderRefunded(event: EventOf<'order.refunded'>): Promise<void> {
    await inTransaction(this.dataSource, (tx) =>
      this.ledger.takeBack(tx, {
        eventId: event.id,
        orderId: event.data.orderId,
        amount: parseMoney(event.data.amount),
        totalRefunded: parseMoney(event.data.totalRefunded),
        full: event.data.full,
      }),
    );
  }
}
