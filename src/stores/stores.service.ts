import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { queryStatement } from '../database/prepared-query';
import { storeNameStatement } from './stores-sql';
import { AuditService, changedFields } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { isUniqueViolation } from '../common/database-errors';
import { AppException } from '../common/errors';
import { offsetOf, Paginated, paginated, PaginationQuery } from '../common/pagination';
import { slugify } from '../common/slug';
import { inTransaction } from '../database/transactions';
import { CreateStoreDto, UpdateStoreDto } from './dto/store.dto';
import { Store } from './entities/store.entity';
import { definedFields } from '../common/objects';
import { assertSupportedCurrency } from './currencies';

/** "0.08" → "0.0800": the form DECIMAL(5,4) gives back, so an unchanged rate is not audited as a change. */
function normaliseTaxRate(rate: string): string {
  const [whole, fraction = ''] = rate.split('.');
  return `${whole}.${fraction.padEnd(4, '0')}`;
}

/**
 * Stores: the public list, super-admin create/update, and `requireStore` for the admin modules that
 * work under /admin/stores/:storeId (an unknown store is a 404 there, never an empty list).
 */
@Injectable()
export class StoresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The store, or 404 STORE_NOT_FOUND. Admin routes see inactive stores too. Outside any transaction. */
  requireStore(storeId: string): Promise<Store> {
    return this.requireStoreIn(this.dataSource.manager, storeId);
  }

  /** The store's name (the order emails); 404 STORE_NOT_FOUND when there is no such store. */
  async nameOf(storeId: string): Promise<string> {
    const [row] = await queryStatement<{ name: string }>(
      this.dataSource.manager,
      storeNameStatement(storeId),
    );
    if (!row) throw new AppException(404, 'STORE_NOT_FOUND', 'Store not found');
    return row.name;
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
    return this.mapErrors(() =>
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
