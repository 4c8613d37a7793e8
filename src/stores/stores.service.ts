import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { queryStatement } from '../database/prepared-query';
import { storeNameStatement } from './stores-sql';
import { AuditService, changedFields } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { isUniqueViolation } from '../common/database-errors';
import { AppException } from '../common/errors';
import { ExpiringCache } from '../common/expiring-cache';
import { Money } from '../common/money';
import { offsetOf, Paginated, paginated, PaginationQuery } from '../common/pagination';
import { slugify } from '../common/slug';
import { inTransaction } from '../database/transactions';
import { CreateStoreDto, UpdateStoreDto } from './dto/store.dto';
import { Store } from './entities/store.entity';
import { definedFields } from '../common/objects';
import { assertAmountInUnitsOf, assertSupportedCurrency, moneyUnitOf } from './currencies';
import { StoreAmountChecks } from './store-amount-checks';

/** "0.08" → "0.0800": the form DECIMAL(5,4) gives back, so an unchanged rate is not audited as a change. */
/** The currency of a store created without one (the column's default). */
const DEFAULT_CURRENCY = 'USD';

function normaliseTaxRate(rate: string): string {
  const [whole, fraction = ''] = rate.split('.');
  return `${whole}.${fraction.padEnd(4, '0')}`;
}

/** How long a store's name is reused for its order emails before it is read again. */
const NAME_REUSE_MS = 60_000;
/** Store names kept at most (one entry per store that sent mail recently). */
const NAMES_KEPT = 1_000;

/**
 * Stores: the public list, super-admin create/update, and `requireStore` for the admin modules that
 * work under /admin/stores/:storeId (an unknown store is a 404 there, never an empty list).
 */
@Injectable()
export class StoresService {
  /** Recently read names, for the order emails: a read per email was an eighth of an order's delivery. */
  private readonly names = new ExpiringCache<string, string>(NAMES_KEPT);
  /** Store updates through this process: a name read while one committed is not kept. */
  private updates = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly amountChecks: StoreAmountChecks,
  ) {}

  /** The store, or 404 STORE_NOT_FOUND. Admin routes see inactive stores too. Outside any transaction. */
  requireStore(storeId: string): Promise<Store> {
    return this.requireStoreIn(this.dataSource.manager, storeId);
  }

  /**
   * The store's name (the order emails); 404 STORE_NOT_FOUND when there is no such store. A name read
   * in the last minute is reused: a rename made through this process shows at once, one made through
   * another instance within that minute.
   */
  async nameOf(storeId: string): Promise<string> {
    const known = this.names.get(storeId);
    if (known !== undefined) return known;
    const readAt = Date.now();
    const updatesBefore = this.updates;
    const [row] = await queryStatement<{ name: string }>(
      this.dataSource.manager,
      storeNameStatement(storeId),
    );
    if (!row) throw new AppException(404, 'STORE_NOT_FOUND', 'Store not found');
    if (updatesBefore === this.updates) this.names.set(storeId, row.name, readAt + NAME_REUSE_MS);
    return row.name;
  }

  /**
   * The store's currency, its row held (FOR SHARE) until the caller's transaction ends: a module that
   * checks an amount against it (assertAmountInUnitsOf) and writes the amount cannot interleave with a
   * currency change, which waits for that commit and then sees the amount (see `update`), or commits
   * first and is then what the caller reads. 404 STORE_NOT_FOUND.
   */
  async currencyFor(tx: EntityManager, storeId: string): Promise<string> {
    const rows = await tx.query<Array<{ currency: string }>>(
      `SELECT currency FROM stores WHERE id = $1 FOR SHARE`,
      [storeId],
    );
    if (!rows[0]) throw new AppException(404, 'STORE_NOT_FOUND', 'Store not found');
    return rows[0].currency;
  }

  /** `requireStore` inside the caller's transaction `tx`. */
  async requireStoreIn(tx: EntityManager, storeId: string): Promise<Store> {
    const store = await tx.getRepository(Store).findOne({ where: { id: storeId } });
    if (!store) throw new AppException(404, 'STORE_NOT_FOUND', 'Store not found');
    return store;
  }

  listActive(): Promise<Store[]> {
    return this.dataSource
      .getRepository(Store)
      .find({ where: { isActive: true }, order: { name: 'ASC', id: 'ASC' } });
  }

  /** Every store, or only those of `storeIds` (an admin's memberships). */
  async list(query: PaginationQuery, storeIds?: string[]): Promise<Paginated<Store>> {
    const [items, total] = await this.dataSource.getRepository(Store).findAndCount({
      ...(storeIds !== undefined && { where: { id: In(storeIds) } }),
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
    return paginated(items, total, query);
  }

  async create(dto: CreateStoreDto, meta: RequestMeta): Promise<Store> {
    if (dto.currency !== undefined) assertSupportedCurrency(dto.currency);
    if (dto.shippingFlat !== undefined)
      assertAmountInUnitsOf(dto.currency ?? DEFAULT_CURRENCY, dto.shippingFlat, 'shippingFlat');
    const fields: Partial<Store> = {
      name: dto.name,
      slug: dto.slug ?? slugify(dto.name),
      ...(dto.currency !== undefined && { currency: dto.currency }),
      ...(dto.taxRate !== undefined && { taxRate: normaliseTaxRate(dto.taxRate) }),
      ...(dto.shippingFlat !== undefined && { shippingFlat: dto.shippingFlat }),
      ...(dto.pricesIncludeTax !== undefined && { pricesIncludeTax: dto.pricesIncludeTax }),
      ...(dto.taxShipping !== undefined && { taxShipping: dto.taxShipping }),
      ...(dto.isActive !== undefined && { isActive: dto.isActive }),
    };
    return this.mapErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        const repo = tx.getRepository(Store);
        const store = await repo.save(repo.create(fields));
        await this.audit.record(tx, meta, {
          action: 'store.create',
          entityType: 'store',
          entityId: store.id,
          storeId: store.id,
          details: {
            slug: store.slug,
            name: store.name,
            currency: store.currency,
            taxRate: store.taxRate,
            shippingFlat: store.shippingFlat,
            pricesIncludeTax: store.pricesIncludeTax,
            taxShipping: store.taxShipping,
            isActive: store.isActive,
          },
        });
        return repo.findOneOrFail({ where: { id: store.id } });
      }),
    );
  }

  async update(storeId: string, dto: UpdateStoreDto, meta: RequestMeta): Promise<Store> {
    if (dto.currency !== undefined) assertSupportedCurrency(dto.currency);
    const updated = await this.mapErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        const repo = tx.getRepository(Store);
        const before = await repo.findOne({ where: { id: storeId }, lock: { mode: 'pessimistic_write' } });
        if (!before) throw new AppException(404, 'STORE_NOT_FOUND', 'Store not found');
        const changes: Partial<Store> = {
          ...definedFields(dto, [
            'name',
            'slug',
            'currency',
            'shippingFlat',
            'pricesIncludeTax',
            'taxShipping',
            'isActive',
          ]),
          ...(dto.taxRate !== undefined && { taxRate: normaliseTaxRate(dto.taxRate) }),
        };
        const diff = changedFields(before, changes);
        if (Object.keys(diff).length === 0) return before;
        const currency = changes.currency ?? before.currency;
        if (changes.shippingFlat !== undefined)
          assertAmountInUnitsOf(currency, changes.shippingFlat, 'shippingFlat');
        if (currency !== before.currency)
          await this.assertAmountsChargeableIn(
            tx,
            storeId,
            currency,
            changes.shippingFlat ?? before.shippingFlat,
          );
        await repo.update({ id: storeId }, changes);
        await this.audit.record(tx, meta, {
          action: 'store.update',
          entityType: 'store',
          entityId: storeId,
          storeId,
          details: diff,
        });
        return repo.findOneOrFail({ where: { id: storeId } });
      }),
    );
    // After the commit: neither a name read before it nor one being read now is kept.
    this.updates += 1;
    this.names.delete(storeId);
    return updated;
  }

  /**
   * 409 CURRENCY_AMOUNTS_CONFLICT when the store holds amounts (prices, shipping rates) that are not
   * whole units of `currency`: moving a store with $19.99 prices to JPY would leave ¥19.99, which no
   * checkout can charge. Asked of every module that registered its amounts (StoreAmountChecks), under
   * the store row's lock, which their writers share (currencyFor).
   */
  private async assertAmountsChargeableIn(
    tx: EntityManager,
    storeId: string,
    currency: string,
    shippingFlat: Money,
  ): Promise<void> {
    const unit = moneyUnitOf(currency);
    // Every amount is a whole number of hundredths: a currency with minor digits takes them all.
    if (unit === 1) return;
    const outOfUnit = [
      ...(shippingFlat % unit === 0 ? [] : [{ field: 'shippingFlat', count: 1 }]),
      ...(await this.amountChecks.outOfUnit(tx, storeId, unit)),
    ];
    if (outOfUnit.length === 0) return;
    throw new AppException(
      409,
      'CURRENCY_AMOUNTS_CONFLICT',
      `The store holds amounts that are not whole units of ${currency}: change them first`,
      { currency, amounts: outOfUnit },
    );
  }

  private async mapErrors<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, 'uq_stores_slug')) {
        throw new AppException(409, 'SLUG_TAKEN', 'Another store already uses this slug', { field: 'slug' });
      }
      throw error;
    }
  }
}
