import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { RequestMeta } from '../audit/audit.types';
import { AuthUser } from '../auth/auth.types';
import { offsetOf, Paginated, paginated, PaginationQuery } from '../common/pagination';
import { queryStatement } from '../database/prepared-query';
import { AdminListOrdersQuery } from './dto/order.dto';
import { Order } from './entities/order.entity';
import { OrderAccess } from './order-access.service';
import { orderNotFound } from './order-errors';
import { OrderState } from './order-state-machine';
import { OrderSummary, orderSummaryFrom, OrderSummaryRow, orderSummaryStatement } from './order-summary-sql';

/** Meta of changes the system makes by itself (the reservation sweeper). */
export const SYSTEM_META: RequestMeta = { userId: null, ipAddress: null, userAgent: null };

const ORDER_RELATIONS = { items: true } as const;

/**
 * Reading orders, and the row lock every change takes first. The changes themselves are split by job:
 * OrderPlacement (checkout), OrderTransitions (cancel, admin status), OrderRefunds (the refund saga),
 * PaymentOutcomes (what the provider reports), ReservationSweeper (expiry).
 */
@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly access: OrderAccess,
  ) {}

  async listForCustomer(userId: string, query: PaginationQuery): Promise<Paginated<Order>> {
    const [items, total] = await this.orders.findAndCount({
      where: { userId },
      relations: ORDER_RELATIONS,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
    return paginated(items, total, query);
  }

  async listForStore(storeId: string, query: AdminListOrdersQuery): Promise<Paginated<Order>> {
    const qb = this.orders
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.items', 'items')
      .where('o.storeId = :storeId', { storeId })
      .orderBy('o.createdAt', 'DESC')
      .addOrderBy('o.id', 'ASC')
      .skip(offsetOf(query))
      .take(query.limit);
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    if (query.customerId) qb.andWhere('o.userId = :customerId', { customerId: query.customerId });
    if (query.from) qb.andWhere('o.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('o.createdAt < :to', { to: new Date(query.to) });
    const [items, total] = await qb.getManyAndCount();
    return paginated(items, total, query);
  }

  /**
   * The order if the caller owns it, is a super admin, or is an admin of its store; 404 otherwise (a
   * customer never learns it exists, nor an admin of another store). OrderAccess's check, the one the
   * order routes use: row-level security refuses the same rows underneath (docs/security.md, "two walls").
   */
  getForCaller(id: string, caller: AuthUser): Promise<Order> {
    return this.access.find(id, { user: caller }, { admin: true });
  }

  /** The order with its items, read for no caller; null when there is none. */
  findById(id: string): Promise<Order | null> {
    return this.orders.findOne({ where: { id }, relations: ORDER_RELATIONS });
  }

  /** What the order emails show (one prepared statement), read for no caller; null when there is none. */
  async summaryOf(id: string): Promise<OrderSummary | null> {
    const [row] = await queryStatement<OrderSummaryRow>(this.orders.manager, orderSummaryStatement(id));
    return row ? orderSummaryFrom(row) : null;
  }

  /** The order row locked for the caller's transaction, or null when there is none. */
  findLocked(tx: EntityManager, id: string): Promise<Order | null> {
    return tx.withRepository(this.orders).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The order row, locked for this transaction; `userId` restricts it to its owner (404 otherwise). */
  async lock(tx: EntityManager, id: string, userId?: string): Promise<Order> {
    const order = await tx.withRepository(this.orders).findOne({
      where: userId ? { id, userId } : { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!order) throw orderNotFound();
    return order;
  }

  /**
   * Where the order's mails go: the guest's email, or the customer's account email (read through the
   * order's `user` relation, as it is now).
   */
  async buyerEmail(tx: EntityManager, order: Pick<Order, 'id' | 'userId' | 'guestEmail'>): Promise<string> {
    if (order.userId === null) return order.guestEmail ?? '';
    const row = await tx
      .withRepository(this.orders)
      .createQueryBuilder('o')
      .innerJoin('o.user', 'u')
      .select('u.email', 'email')
      .where('o.id = :id', { id: order.id })
      .getRawOne<{ email: string }>();
    return row?.email ?? '';
  }

  /** Writes the order's new states (the caller checked the move and holds the row lock). */
  async setState(tx: EntityManager, orderId: string, state: Partial<OrderState>): Promise<void> {
    await tx.withRepository(this.orders).update({ id: orderId }, state);
  }
}
