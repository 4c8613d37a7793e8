import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { isForeignKeyViolation, isUniqueViolation, pgErrorCode } from '../common/database-errors';
import { AppException } from '../common/errors';
import { definedFields } from '../common/objects';
import { offsetOf, Paginated, paginated } from '../common/pagination';
import { inTransaction } from '../database/transactions';
import { StoresService } from '../stores/stores.service';
import { CreateTaxRateDto, ListTaxRatesQuery, UpdateTaxRateDto } from './dto/tax-rate.dto';
import { TaxRate } from './entities/tax-rate.entity';
import { formatRate } from './tax-rate-format';
import { normaliseRegion } from './tax-rate-resolution';

const notFound = (): AppException => new AppException(404, 'TAX_RATE_NOT_FOUND', 'Tax rate not found');

/** Audit details carry the rate as the API shows it ("19.00"), not in hundredths. */
function auditView(r: Pick<TaxRate, 'country' | 'region' | 'taxClass' | 'rate'>): Record<string, unknown> {
  return { country: r.country, region: r.region, taxClass: r.taxClass, rate: formatRate(r.rate) };
}

/**
 * A store's tax rates (admin CRUD). One row per country, region (or none) and class: the unique index
 * decides a race between two creates, and its violation is a 409.
 */
@Injectable()
export class TaxRatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly stores: StoresService,
  ) {}

  async list(storeId: string, query: ListTaxRatesQuery): Promise<Paginated<TaxRate>> {
    await this.stores.requireStore(storeId);
    const qb = this.dataSource
      .getRepository(TaxRate)
      .createQueryBuilder('r')
      .where('r.storeId = :storeId', { storeId })
      // Country-wide row first, then its regions: the order rates are picked in.
      .orderBy('r.country', 'ASC')
      .addOrderBy('r.region', 'ASC', 'NULLS FIRST')
      .addOrderBy('r.taxClass', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .skip(offsetOf(query))
      .take(query.limit);
    if (query.country) qb.andWhere('r.country = :country', { country: query.country });
    if (query.taxClass) qb.andWhere('r.taxClass = :taxClass', { taxClass: query.taxClass });
    const [items, total] = await qb.getManyAndCount();
    return paginated(items, total, query);
  }

  async get(storeId: string, id: string): Promise<TaxRate> {
    const rate = await this.dataSource.getRepository(TaxRate).findOne({ where: { id, storeId } });
    if (!rate) throw notFound();
    return rate;
  }

  async create(storeId: string, dto: CreateTaxRateDto, meta: RequestMeta): Promise<TaxRate> {
    const fields = {
      storeId,
      country: dto.country,
      region: normaliseRegion(dto.region),
      taxClass: dto.taxClass,
      rate: dto.rate,
    };
    assertCoherent(fields);
    return mapErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        const repo = tx.getRepository(TaxRate);
        const saved = await repo.save(repo.create(fields));
        await this.audit.record(tx, meta, {
          action: 'tax_rate.create',
          entityType: 'tax_rate',
          entityId: saved.id,
          storeId,
          details: auditView(saved),
        });
        return repo.findOneOrFail({ where: { id: saved.id } });
      }),
    );
  }

  async update(storeId: string, id: string, dto: UpdateTaxRateDto, meta: RequestMeta): Promise<TaxRate> {
    return mapErrors(() =>
      inTransaction(this.dataSource, async (tx) => {
        const repo = tx.getRepository(TaxRate);
        const before = await repo.findOne({ where: { id, storeId }, lock: { mode: 'pessimistic_write' } });
        if (!before) throw notFound();
        const changes: Partial<TaxRate> = {
          ...definedFields(dto, ['country', 'taxClass', 'rate']),
          ...(dto.region !== undefined && { region: normaliseRegion(dto.region) }),
        };
        assertCoherent({ ...before, ...changes });
        if (Object.keys(changedFields(before, changes)).length === 0) return before;
        await repo.update({ id }, changes);
        const after = await repo.findOneOrFail({ where: { id } });
        await this.audit.record(tx, meta, {
          action: 'tax_rate.update',
          entityType: 'tax_rate',
          entityId: id,
          storeId,
          details: changedFields(auditView(before), auditView(after)),
        });
        return after;
      }),
    );
  }

  async remove(storeId: string, id: string, meta: RequestMeta): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const [rows] = await tx.query<
        [Array<{ country: string; region: string | null; tax_class: string; rate: string }>, number]
      >(
        `DELETE FROM tax_rates WHERE id = $1 AND store_id = $2 RETURNING country, region, tax_class, rate::text`,
        [id, storeId],
      );
      if (rows.length === 0) throw notFound();
      // Orders keep the rate they were charged (order_items.tax_rate); nothing points at this row.
      const row = rows[0];
      await this.audit.record(tx, meta, {
        action: 'tax_rate.delete',
        entityType: 'tax_rate',
        entityId: id,
        storeId,
        details: { country: row.country, region: row.region, taxClass: row.tax_class, rate: row.rate },
      });
    });
  }
}

/** A zero-rated class is 0 % by definition (the CHECK agrees); say so as a 400 naming the field. */
function assertCoherent(r: Pick<TaxRate, 'taxClass' | 'rate'>): void {
  if (r.taxClass === 'zero' && r.rate !== 0) {
    throw new AppException(400, 'VALIDATION_FAILED', 'A rate of the zero class must be 0', [
      { field: 'rate', errors: ['the zero class takes 0 only'] },
    ]);
  }
}

async function mapErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'uq_tax_rates_destination')) {
      throw new AppException(
        409,
        'TAX_RATE_EXISTS',
        'This store already has a rate for this country, region and tax class',
      );
    }
    if (isForeignKeyViolation(error, 'fk_tax_rates_store')) {
      throw new AppException(404, 'STORE_NOT_FOUND', 'Store not found');
    }
    if (pgErrorCode(error) === '23514') {
      throw new AppException(400, 'VALIDATION_FAILED', 'The tax rate breaks a rule of tax rates');
    }
    throw error;
  }
}
