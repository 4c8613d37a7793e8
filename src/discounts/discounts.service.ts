import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { changedFields, AuditService } from '../audit/audit.service';
import { StoresService } from '../stores/stores.service';
import { RequestMeta } from '../audit/audit.types';
import { isForeignKeyViolation, isUniqueViolation, pgErrorCode } from '../common/database-errors';
import { AppException } from '../common/errors';
import { Money } from '../common/money';
import { offsetOf, Paginated, paginated } from '../common/pagination';
import { checkDiscount, discountAmount, DiscountRejection } from './discount-rules';
import { CreateDiscountDto, dateOrNull, ListDiscountsQuery, UpdateDiscountDto } from './dto/discount.dto';
import { Discount } from './entities/discount.entity';
import { definedFields } from '../common/objects';
import { inTransaction } from '../database/transactions';

const PERCENT_MAX = 100_00; // 100.00 %, in the same hundredths as money

/** The discount applied to an order, as checkout records it. */
export interface AppliedDiscount {
  discount: Discount;
  amount: Money;
}

const REJECTION_MESSAGES: Record<DiscountRejection, string> = {
  unknown: 'No discount with this code in this store',
  inactive: 'This discount code is not active',
  not_started: 'This discount code is not valid yet',
  expired: 'This discount code has expired',
  exhausted: 'This discount code has been used up',
  below_minimum: 'The order does not reach the minimum purchase amount of this discount code',
};

/**
 * Discount codes of a store: admin CRUD, and the use counter that checkout consumes and cancellation
 * gives back. `maxUses` is enforced by one conditional UPDATE (and a CHECK), so it is never exceeded
 * whatever the concurrency.
 */
@Injectable()
export class DiscountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly stores: StoresService,
  ) {}

  async list(storeId: string, query: ListDiscountsQuery): Promise<Paginated<Discount>> {
    // An unknown store is a 404 like its other routes, not an empty page that hides a wrong id.
    await this.stores.requireStore(storeId);
    const qb = this.dataSource
      .getRepository(Discount)
      .createQueryBuilder('d')
      .where('d.storeId = :storeId', { storeId })
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .skip(offsetOf(query))
      .take(query.limit);
    if (query.q) qb.andWhere(`d.code ILIKE :q ESCAPE '\\'`, { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    if (query.isActive !== undefined) qb.andWhere('d.isActive = :active', { active: query.isActive });
    const [items, total] = await qb.getManyAndCount();
    return paginated(items, total, query);
  }

  async get(storeId: string, id: string): Promise<Discount> {
    const discount = await this.dataSource.getRepository(Discount).findOne({ where: { id, storeId } });
    if (!discount) throw new AppException(404, 'DISCOUNT_NOT_FOUND', 'Discount not found');
    return discount;
  }

  async create(storeId: string, dto: CreateDiscountDto, meta: RequestMeta): Promise<Discount> {
    const fields = {
      storeId,
      code: dto.code,
      type: dto.type,
      value: dto.value,
      minPurchaseAmount: dto.minPurchaseAmount ?? 0,
      maxUses: dto.maxUses ?? null,
      isActive: dto.isActive ?? true,
      startsAt: dateOrNull(dto.startsAt) ?? null,
      expiresAt: dateOrNull(dto.expiresAt) ?? null,
    };
    this.assertCoherent(fields);
    return this.mapErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        const discount = await tx.getRepository(Discount).save(tx.getRepository(Discount).create(fields));
        await this.audit.record(tx, meta, {
          action: 'discount.create',
          entityType: 'discount',
          entityId: discount.id,
          storeId,
          details: {
            code: discount.code,
            type: discount.type,
            value: discount.value,
            maxUses: discount.maxUses,
          },
        });
        return discount;
      }),
    );
  }

  async update(storeId: string, id: string, dto: UpdateDiscountDto, meta: RequestMeta): Promise<Discount> {
    return this.mapErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        const repo = tx.getRepository(Discount);
        const before = await repo.findOne({ where: { id, storeId }, lock: { mode: 'pessimistic_write' } });
        if (!before) throw new AppException(404, 'DISCOUNT_NOT_FOUND', 'Discount not found');
        const changes: Partial<Discount> = {
          ...definedFields(dto, ['code', 'type', 'value', 'minPurchaseAmount', 'maxUses', 'isActive']),
          ...(dto.startsAt !== undefined && { startsAt: dateOrNull(dto.startsAt) ?? null }),
          ...(dto.expiresAt !== undefined && { expiresAt: dateOrNull(dto.expiresAt) ?? null }),
        };
        const after = { ...before, ...changes };
        this.assertCoherent(after);
        if (after.maxUses !== null && after.maxUses < before.timesUsed) {
          throw new AppException(
            409,
            'MAX_USES_BELOW_TIMES_USED',
            `maxUses cannot be lower than the ${before.timesUsed} use(s) already made`,
          );
        }
        const diff = changedFields(before, changes);
        if (Object.keys(diff).length === 0) return before;
        await repo.update({ id }, changes);
        await this.audit.record(tx, meta, {
          action: 'discount.update',
          entityType: 'discount',
          entityId: id,
          storeId,
          details: diff,
        });
        return repo.findOneOrFail({ where: { id } });
      }),
    );
  }

  async remove(storeId: string, id: string, meta: RequestMeta): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const deleted = await tx.query<[Array<{ code: string }>, number]>(
        `DELETE FROM discounts WHERE id = $1 AND store_id = $2 RETURNING code`,
        [id, storeId],
      );
      const rows = deleted[0];
      if (rows.length === 0) throw new AppException(404, 'DISCOUNT_NOT_FOUND', 'Discount not found');
      // Orders keep their discount_code snapshot; their discount_id becomes NULL (ON DELETE SET NULL).
      await this.audit.record(tx, meta, {
        action: 'discount.delete',
        entityType: 'discount',
        entityId: id,
        storeId,
        details: { code: rows[0].code },
      });
    });
  }

  /**
   * Takes one use of the code for an order of `subtotal`, inside the caller's transaction: one
   * conditional UPDATE checks every rule and increments `times_used` atomically, so concurrent
   * checkouts can never exceed `maxUses`. Throws DISCOUNT_INVALID with the reason otherwise.
   */
  async consume(
    manager: EntityManager,
    storeId: string,
    code: string,
    subtotal: Money,
  ): Promise<AppliedDiscount> {
    const result = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE discounts SET times_used = times_used + 1
        WHERE store_id = $1 AND lower(code) = lower($2) AND is_active
          AND (starts_at IS NULL OR starts_at <= now()) AND (expires_at IS NULL OR expires_at > now())
          AND (max_uses IS NULL OR times_used < max_uses) AND min_purchase_amount <= $3::numeric / 100
        RETURNING id`,
      [storeId, code, subtotal],
    );
    const taken = result[0][0];
    if (taken) {
      const discount = await manager.getRepository(Discount).findOneOrFail({ where: { id: taken.id } });
      return { discount, amount: discountAmount(discount, subtotal) };
    }
    const discount = await manager
      .getRepository(Discount)
      .createQueryBuilder('d')
      .where('d.storeId = :storeId AND lower(d.code) = lower(:code)', { storeId, code })
      .getOne();
    const reason = discount ? (checkDiscount(discount, subtotal, new Date()) ?? 'exhausted') : 'unknown';
    throw new AppException(409, 'DISCOUNT_INVALID', REJECTION_MESSAGES[reason], { reason });
  }

  /** Gives a use back (an order cancelled before payment), inside the caller's transaction. */
  async release(manager: EntityManager, discountId: string): Promise<void> {
    await manager.query(`UPDATE discounts SET times_used = times_used - 1 WHERE id = $1 AND times_used > 0`, [
      discountId,
    ]);
  }

  private assertCoherent(d: {
    type: string;
    value: Money;
    startsAt: Date | null;
    expiresAt: Date | null;
  }): void {
    if (d.type === 'percentage' && d.value > PERCENT_MAX) {
      throw new AppException(400, 'VALIDATION_FAILED', 'A percentage discount is at most 100', [
        { field: 'value', errors: ['a percentage is at most 100'] },
      ]);
    }
    if (d.startsAt && d.expiresAt && d.startsAt >= d.expiresAt) {
      throw new AppException(400, 'VALIDATION_FAILED', 'startsAt must be before expiresAt', [
        { field: 'expiresAt', errors: ['must be after startsAt'] },
      ]);
    }
  }

  private async mapErrors<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, 'uq_discounts_store_code_lower')) {
        throw new AppException(
          409,
          'DISCOUNT_CODE_TAKEN',
          'This store already has a discount with this code',
        );
      }
      if (isForeignKeyViolation(error, 'fk_discounts_store')) {
        throw new AppException(404, 'STORE_NOT_FOUND', 'Store not found');
      }
      if (pgErrorCode(error) === '23514') {
        throw new AppException(400, 'VALIDATION_FAILED', 'The discount breaks a rule of discounts');
      }
      throw error;
    }
  }
}
