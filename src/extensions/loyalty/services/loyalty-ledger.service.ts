import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Money } from '../../../common/money';
import { LoyaltyAccount } from '../entities/loyalty-account.entity';
import { LoyaltyLedgerEntry } from '../entities/loyalty-ledger-entry.entity';
import { pointsFor, takeBackFor } from './loyalty-points';

/** Entries a balance read returns, newest first. */
export const LEDGER_ENTRIES_SHOWN = 100;

export interface LoyaltyBalance {
  storeId: string;
  profileId: string;
  balance: number;
  entries: LoyaltyLedgerEntry[];
}

export interface CreditInput {
  eventId: string;
  storeId: string;
  profileId: string;
  orderId: string;
  /** What the order's payment was for (minor units). */
  paid: Money;
}

export interface TakeBackRequest {
  eventId: string;
  orderId: string;
  /** This refund (minor units). */
  amount: Money;
  totalRefunded: Money;
  full: boolean;
}

/** Thrown when a refund arrives before the order's credit: the dispatcher retries it with backoff. */
export class LoyaltyCreditPendingError extends Error {}

/**
 * The loyalty tables' only writer (`loyalty_accounts`, `loyalty_ledger`), through this module's own
 * repositories. Every write joins the caller's transaction (`tx`), and is idempotent by event id:
 * the ledger's UNIQUE `event_id` turns a second delivery into a no-op.
 */
@Injectable()
export class LoyaltyLedgerService {
  constructor(
    @InjectRepository(LoyaltyAccount) private readonly accounts: Repository<LoyaltyAccount>,
    @InjectRepository(LoyaltyLedgerEntry) private readonly ledger: Repository<LoyaltyLedgerEntry>,
  ) {}

  /**
   * Credits an order's points once: the entry is inserted ON CONFLICT DO NOTHING (same event, or a
   * second credit for the same order), and only an inserted entry moves the balance. Returns whether
   * it did. An order worth less than one point still gets its (zero) entry: a refund finds it.
   */
  async credit(tx: EntityManager, input: CreditInput): Promise<boolean> {
    await this.ensureAccount(tx, input.storeId, input.profileId);
    const points = pointsFor(input.paid);
    const inserted = await tx
      .withRepository(this.ledger)
      .createQueryBuilder()
      .insert()
      .values({
        storeId: input.storeId,
        profileId: input.profileId,
        orderId: input.orderId,
        eventId: input.eventId,
        points,
        reason: 'order_paid',
        amount: input.paid,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    // RETURNING gives back the inserted rows only: none when the insert was ignored.
    if ((inserted.raw as unknown[]).length === 0) return false;
    if (points > 0) await this.addToBalance(tx, input.storeId, input.profileId, points);
    return true;
  }

  /**
   * Takes back the share of an order's credit that its refunds represent (see takeBackFor), under the
   * account's row lock so that concurrent refunds of one order never take the same points twice.
   * Returns the points taken, or null when this event was handled already. Throws
   * LoyaltyCreditPendingError when the order has no credit yet (its `order.paid` is still on its way).
   */
  async takeBack(tx: EntityManager, input: TakeBackRequest): Promise<number | null> {
    const ledger = tx.withRepository(this.ledger);
    const credit = await ledger.findOne({ where: { orderId: input.orderId, reason: 'order_paid' } });
    if (!credit) {
      throw new LoyaltyCreditPendingError(`No loyalty credit for order ${input.orderId} yet`);
    }
    const account = await tx.withRepository(this.accounts).findOneOrFail({
      where: { storeId: credit.storeId, profileId: credit.profileId },
      lock: { mode: 'pessimistic_write' },
    });
    if (await ledger.exists({ where: { eventId: input.eventId } })) return null;
    const taken = await ledger
      .createQueryBuilder('e')
      .select('coalesce(-sum(e.points), 0)::int', 'taken')
      .where('e.orderId = :orderId AND e.reason = :reason', {
        orderId: input.orderId,
        reason: 'order_refunded',
      })
      .getRawOne<{ taken: number }>();
    const points = takeBackFor({
      credited: credit.points,
      paid: credit.amount,
      totalRefunded: input.totalRefunded,
      full: input.full,
      alreadyTaken: taken?.taken ?? 0,
      balance: account.balance,
    });
    await ledger.insert({
      storeId: credit.storeId,
      profileId: credit.profileId,
      orderId: input.orderId,
      eventId: input.eventId,
      points: -points,
      reason: 'order_refunded',
      amount: input.amount,
    });
    if (points > 0) await this.addToBalance(tx, credit.storeId, credit.profileId, -points);
    return points;
  }

  /** The balance and newest entries of one customer in one store (zero and none before any order). */
  async balanceOf(storeId: string, profileId: string): Promise<LoyaltyBalance> {
    const [account, entries] = await Promise.all([
      this.accounts.findOne({ where: { storeId, profileId } }),
      this.ledger.find({
        where: { storeId, profileId },
        order: { createdAt: 'DESC', id: 'ASC' },
        take: LEDGER_ENTRIES_SHOWN,
      }),
    ]);
    return { storeId, profileId, balance: account?.balance ?? 0, entries };
  }

  private async ensureAccount(tx: EntityManager, storeId: string, profileId: string): Promise<void> {
    await tx
      .withRepository(this.accounts)
      .createQueryBuilder()
      .insert()
      .values({ storeId, profileId })
      .orIgnore()
      .execute();
  }

  private async addToBalance(
    tx: EntityManager,
    storeId: string,
    profileId: string,
    points: number,
  ): Promise<void> {
    await tx.withRepository(this.accounts).increment({ storeId, profileId }, 'balance', points);
  }
}
