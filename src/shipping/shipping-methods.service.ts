import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AppException } from '../common/errors';
import { definedFields } from '../common/objects';
import { offsetOf, Paginated, paginated } from '../common/pagination';
import { inTransaction } from '../database/transactions';
import { Money } from '../common/money';
import { assertAmountInUnitsOf } from '../stores/currencies';
import { AmountsOutOfUnit, StoreAmountChecks } from '../stores/store-amount-checks';
import { StoresService } from '../stores/stores.service';
import {
  CreateShippingMethodDto,
  ListShippingMethodsQuery,
  UpdateShippingMethodDto,
} from './dto/shipping-method.dto';
import { ShippingMethod } from './entities/shipping-method.entity';
import { resolveRate } from './shipping-method-rules';
import { zoneNotFound } from './shipping-zones.service';

function methodNotFound(): AppException {
  return new AppException(404, 'SHIPPING_METHOD_NOT_FOUND', 'Shipping method not found');
}

/**
 * Shipping methods of a store: admin CRUD, audited. A method's zone must be a zone of the same store
 * (another store's zone is a 404, as if it did not exist); it is locked FOR KEY SHARE while the method
 * is written, so a concurrent zone delete cannot leave the method pointing at nothing.
 */
@Injectable()
export class ShippingMethodsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly stores: StoresService,
    private readonly amountChecks: StoreAmountChecks,
  ) {}

  /** A store's currency change asks which charged rates would not be whole units of the new currency. */
  onModuleInit(): void {
    this.amountChecks.register((tx, storeId, unit) => this.ratesOutOfUnit(tx, storeId, unit));
  }

  async list(storeId: string, query: ListShippingMethodsQuery): Promise<Paginated<ShippingMethod>> {
    await this.stores.requireStore(storeId);
    const qb = this.dataSource
      .getRepository(ShippingMethod)
      .createQueryBuilder('m')
      .where('m.storeId = :storeId', { storeId })
      .orderBy('m.name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .skip(offsetOf(query))
      .take(query.limit);
    if (query.zoneId) qb.andWhere('m.zoneId = :zoneId', { zoneId: query.zoneId });
    if (query.isActive !== undefined) qb.andWhere('m.isActive = :active', { active: query.isActive });
    const [items, total] = await qb.getManyAndCount();
    return paginated(items, total, query);
  }

  async get(storeId: string, id: string): Promise<ShippingMethod> {
    const method = await this.dataSource.getRepository(ShippingMethod).findOne({ where: { id, storeId } });
    if (!method) throw methodNotFound();
    return method;
  }

  async create(storeId: string, dto: CreateShippingMethodDto, meta: RequestMeta): Promise<ShippingMethod> {
    const rate = resolveRate(null, dto);
    return inTransaction(this.dataSource, async (tx) => {
      await this.lockZone(tx, storeId, dto.zoneId);
      await this.assertChargeable(tx, storeId, rate);
      const repo = tx.getRepository(ShippingMethod);
      const method = await repo.save(
        repo.create({ storeId, zoneId: dto.zoneId, name: dto.name, isActive: dto.isActive ?? true, ...rate }),
      );
      await this.audit.record(tx, meta, {
        action: 'shipping_method.create',
        entityType: 'shipping_method',
        entityId: method.id,
        storeId,
        details: {
          zoneId: method.zoneId,
          name: method.name,
          rateType: method.rateType,
          amount: method.amount,
          freeOver: method.freeOver,
          weightTiers: method.weightTiers,
          isActive: method.isActive,
        },
      });
      return method;
    });
  }

  async update(
    storeId: string,
    id: string,
    dto: UpdateShippingMethodDto,
    meta: RequestMeta,
  ): Promise<ShippingMethod> {
    return inTransaction(this.dataSource, async (tx) => {
      const repo = tx.getRepository(ShippingMethod);
      const before = await repo.findOne({ where: { id, storeId }, lock: { mode: 'for_no_key_update' } });
      if (!before) throw methodNotFound();
      if (dto.zoneId !== undefined && dto.zoneId !== before.zoneId)
        await this.lockZone(tx, storeId, dto.zoneId);
      const changes: Partial<ShippingMethod> = {
        ...definedFields(dto, ['zoneId', 'name', 'isActive']),
        ...resolveRate(before, dto),
      };
      const diff = changedFields(before, changes);
      if (Object.keys(diff).length === 0) return before;
      if (diff.amount !== undefined || diff.weightTiers !== undefined)
        await this.assertChargeable(tx, storeId, { ...before, ...changes });
      await repo.update({ id }, changes);
      await this.audit.record(tx, meta, {
        action: 'shipping_method.update',
        entityType: 'shipping_method',
        entityId: id,
        storeId,
        details: diff,
      });
      return repo.findOneOrFail({ where: { id } });
    });
  }

  async remove(storeId: string, id: string, meta: RequestMeta): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const [rows] = await tx.query<[Array<{ name: string; zone_id: string }>, number]>(
        `DELETE FROM shipping_methods WHERE id = $1 AND store_id = $2 RETURNING name, zone_id`,
        [id, storeId],
      );
      if (rows.length === 0) throw methodNotFound();
      await this.audit.record(tx, meta, {
        action: 'shipping_method.delete',
        entityType: 'shipping_method',
        entityId: id,
        storeId,
        details: { name: rows[0].name, zoneId: rows[0].zone_id },
      });
    });
  }

  /**
   * 400 VALIDATION_FAILED unless what the method charges (its amount, each weight tier's) is a whole
   * number of the store's currency units (no ¥4.99). `freeOver` is only compared with, never charged.
   * The currency is read under the store row's share lock (StoresService.currencyFor).
   */
  private async assertChargeable(
    tx: EntityManager,
    storeId: string,
    rate: Pick<ShippingMethod, 'amount' | 'weightTiers'>,
  ): Promise<void> {
    const currency = await this.stores.currencyFor(tx, storeId);
    assertAmountInUnitsOf(currency, rate.amount, 'amount');
    (rate.weightTiers ?? []).forEach((tier, i) =>
      assertAmountInUnitsOf(currency, tier.amount, `weightTiers[${i}].amount`),
    );
  }

  /** How many methods of the store charge an amount (or a tier amount) that is not a multiple of `unit`. */
  private ratesOutOfUnit(tx: EntityManager, storeId: string, unit: Money): Promise<AmountsOutOfUnit[]> {
    return tx.query<AmountsOutOfUnit[]>(
      `SELECT 'shippingMethods.amount' AS field, count(*)::int AS count
         FROM shipping_methods WHERE store_id = $1 AND mod(amount * 100, $2) <> 0
       UNION ALL
       SELECT 'shippingMethods.weightTiers', count(*)::int
         FROM shipping_methods m
        WHERE m.store_id = $1 AND m.weight_tiers IS NOT NULL
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(m.weight_tiers) t
                       WHERE mod((t->>'amount')::numeric * 100, $2) <> 0)`,
      [storeId, unit],
    );
  }

  /** The store's zone `zoneId`, held against deletion until the caller commits; 404 otherwise. */
  private async lockZone(tx: EntityManager, storeId: string, zoneId: string): Promise<void> {
    const rows = await tx.query<unknown[]>(
      `SELECT 1 FROM shipping_zones WHERE id = $1 AND store_id = $2 FOR KEY SHARE`,
      [zoneId, storeId],
    );
    if (rows.length === 0) throw zoneNotFound();
  }
}
