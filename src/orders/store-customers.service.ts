import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { RequestMeta } from '../audit/audit.types';
import { AppException } from '../common/errors';
import { Metadata, MetadataPatch } from '../common/metadata/metadata';
import { formatMoney, Money, parseMoney } from '../common/money';
import { offsetOf, paginated, Paginated, PaginationQuery } from '../common/pagination';
import { LegacyCustomerOrderSummary, StoreCustomerOrdersRow } from '../customers/customer.types';
import { StoreCustomerRegistry } from '../customers/store-customer-registry.service';
import { StoresService } from '../stores/stores.service';
import { Order } from './entities/order.entity';
import { OrderPaymentStatus } from './order.types';

/** A store's customer with what they bought there. */
export interface StoreCustomerSummary {
  profileId: string;
  email: string;
  fullName: string | null;
  customerSince: Date;
  ordersCount: number;
  /** Paid orders, net of refunds. */
  totalSpent: Money;
  lastOrderAt: Date | null;
  metadata: Metadata;
}

interface SummaryRow {
  profile_id: string;
  email: string;
  full_name: string | null;
  customer_since: Date;
  orders_count: number;
  total_spent: string;
  last_order_at: Date | null;
  metadata: Metadata;
}

/** Payment states whose money the store received (minus what was refunded). */
const SPENT_PAYMENT_STATUSES: OrderPaymentStatus[] = ['paid', 'refunded'];

/**
 * Per-store customer read model (seed task 2.3). Everything comes from the canonical `orders` table
 * (through its entity, so a renamed or retyped column breaks the build here, not a legacy JSON blob
 * at run time). It reads, never writes, the tables of customers (`store_customers`), auth (`profiles`)
 * and payments (`payments`), by name: their entities stay their modules' own.
 */
@Injectable()
export class StoreCustomersService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly stores: StoresService,
    private readonly storeCustomers: StoreCustomerRegistry,
  ) {}

  async list(storeId: string, query: PaginationQuery): Promise<Paginated<StoreCustomerSummary>> {
    await this.stores.requireStore(storeId);
    const [rows, total] = await Promise.all([
      this.summaries(storeId)
        .orderBy('s.last_order_at', 'DESC', 'NULLS LAST')
        .addOrderBy('sc.created_at', 'DESC')
        .addOrderBy('sc.profile_id')
        .offset(offsetOf(query))
        .limit(query.limit)
        .getRawMany<SummaryRow>(),
      this.customersOf(storeId)
        .select('count(*)::int', 'total')
        .getRawOne<{ total: number }>()
        .then((r) => r?.total ?? 0),
    ]);
    return paginated(rows.map(toSummary), total, query);
  }

  /** One store customer's summary (the list's item); 404 STORE_NOT_FOUND or CUSTOMER_NOT_FOUND. */
  async get(storeId: string, profileId: string): Promise<StoreCustomerSummary> {
    await this.stores.requireStore(storeId);
    const row = await this.summaries(storeId)
      .andWhere('sc.profile_id = :profileId', { profileId })
      .getRawOne<SummaryRow>();
    if (!row) throw customerNotFound();
    return toSummary(row);
  }

  /**
   * An admin merges metadata into a store customer's (customers writes its `store_customers` row and
   * the audit row), then reads the item back.
   */
  async updateMetadata(
    storeId: string,
    profileId: string,
    patch: MetadataPatch,
    meta: RequestMeta,
  ): Promise<StoreCustomerSummary> {
    await this.stores.requireStore(storeId);
    if (!(await this.storeCustomers.updateMetadata(storeId, profileId, patch, meta))) {
      throw customerNotFound();
    }
    return this.get(storeId, profileId);
  }

  private customersOf(storeId: string) {
    return this.dataSource
      .createQueryBuilder()
      .from('store_customers', 'sc')
      .where('sc.store_id = :storeId', { storeId });
  }

  /** The store's customers with their aggregates, one row each (SummaryRow), unordered. */
  private summaries(storeId: string) {
    // Aggregates per customer in one statement: a page costs two queries whatever its size.
    const spent = this.dataSource
      .createQueryBuilder()
      .select('o.user_id', 'user_id')
      .addSelect('count(*)', 'orders_count')
      .addSelect('max(o.created_at)', 'last_order_at')
      .addSelect(
        `coalesce(sum(o.total - coalesce(p.refunded, 0)) FILTER (WHERE o.payment_status IN (:...spentStatuses)), 0)`,
        'total_spent',
      )
      .from(Order, 'o')
      .leftJoin(
        (sub) =>
          sub
            .select('pay.order_id', 'order_id')
            .addSelect('sum(pay.refunded_amount)', 'refunded')
            .from('payments', 'pay')
            .groupBy('pay.order_id'),
        'p',
        'p.order_id = o.id',
      )
      .where('o.store_id = :storeId')
      .groupBy('o.user_id');

    return this.customersOf(storeId)
      .innerJoin('profiles', 'pr', 'pr.id = sc.profile_id')
      .leftJoin(`(${spent.getQuery()})`, 's', 's.user_id = sc.profile_id')
      .select([
        'sc.profile_id AS profile_id',
        'pr.email AS email',
        'pr.full_name AS full_name',
        'sc.created_at AS customer_since',
        'coalesce(s.orders_count, 0)::int AS orders_count',
        'coalesce(s.total_spent, 0)::text AS total_spent',
        's.last_order_at AS last_order_at',
        'sc.metadata AS metadata',
      ])
      .setParameters({ storeId, spentStatuses: SPENT_PAYMENT_STATUSES });
  }

  /** The former `store_customers.orders` JSON, in its legacy shape, computed from `orders`. */
  async ordersSummary(storeId: string, profileId: string): Promise<StoreCustomerOrdersRow> {
    await this.stores.requireStore(storeId);
    const customer = await this.storeCustomers.find(storeId, profileId);
    if (!customer) throw customerNotFound();
    const orders = await this.orders.find({
      where: { storeId, userId: profileId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return {
      store_customer_id: customer.id,
      store_id: storeId,
      profile_id: profileId,
      orders: orders.map((o): LegacyCustomerOrderSummary => toLegacySummary(o)),
    };
  }
}

function customerNotFound(): AppException {
  return new AppException(404, 'CUSTOMER_NOT_FOUND', 'This profile is not a customer of the store');
}

function toSummary(r: SummaryRow): StoreCustomerSummary {
  return {
    profileId: r.profile_id,
    email: r.email,
    fullName: r.full_name,
    customerSince: r.customer_since,
    ordersCount: r.orders_count,
    totalSpent: parseMoney(r.total_spent),
    lastOrderAt: r.last_order_at,
    metadata: r.metadata,
  };
}

/** One order as the legacy JSON element (the same fields the view `store_customer_orders` builds). */
function toLegacySummary(order: Order): LegacyCustomerOrderSummary {
  return {
    order_id: order.id,
    order_number: order.orderNumber,
    status: order.status,
    payment_status: order.paymentStatus,
    total: formatMoney(order.total),
    currency: order.currency,
    created_at: order.createdAt.toISOString(),
  };
}
