import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { isForeignKeyViolation } from '../common/database-errors';
import { AppException } from '../common/errors';
import { definedFields } from '../common/objects';
import { offsetOf, Paginated, paginated } from '../common/pagination';
import { inTransaction } from '../database/transactions';
import { StoresService } from '../stores/stores.service';
import {
  CreateShippingZoneDto,
  ListShippingZonesQuery,
  UpdateShippingZoneDto,
} from './dto/shipping-zone.dto';
import { ShippingZone } from './entities/shipping-zone.entity';

export function zoneNotFound(): AppException {
  return new AppException(404, 'SHIPPING_ZONE_NOT_FOUND', 'Shipping zone not found');
}

/** Sorted and without repeats, so equal lists compare equal (audit diffs, responses). */
function normalizeCountries(countries: string[]): string[] {
  return [...new Set(countries)].sort();
}

/** Shipping zones of a store: admin CRUD, audited. Deleting a zone deletes its methods (CASCADE). */
@Injectable()
export class ShippingZonesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly stores: StoresService,
  ) {}

  async list(storeId: string, query: ListShippingZonesQuery): Promise<Paginated<ShippingZone>> {
    await this.stores.requireStore(storeId);
    const [items, total] = await this.dataSource.getRepository(ShippingZone).findAndCount({
      where: { storeId },
      order: { name: 'ASC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.limit,
    });
    return paginated(items, total, query);
  }

  async get(storeId: string, id: string): Promise<ShippingZone> {
    const zone = await this.dataSource.getRepository(ShippingZone).findOne({ where: { id, storeId } });
    if (!zone) throw zoneNotFound();
    return zone;
  }

  async create(storeId: string, dto: CreateShippingZoneDto, meta: RequestMeta): Promise<ShippingZone> {
    try {
      return await inTransaction(this.dataSource, async (tx) => {
        const repo = tx.getRepository(ShippingZone);
        const zone = await repo.save(
          repo.create({ storeId, name: dto.name, countries: normalizeCountries(dto.countries) }),
        );
        await this.audit.record(tx, meta, {
          action: 'shipping_zone.create',
          entityType: 'shipping_zone',
          entityId: zone.id,
          storeId,
          details: { name: zone.name, countries: zone.countries },
        });
        return zone;
      });
    } catch (error) {
      if (isForeignKeyViolation(error, 'fk_shipping_zones_store')) {
        throw new AppException(404, 'STORE_NOT_FOUND', 'Store not found');
      }
      throw error;
    }
  }

  async update(
    storeId: string,
    id: string,
    dto: UpdateShippingZoneDto,
    meta: RequestMeta,
  ): Promise<ShippingZone> {
    return inTransaction(this.dataSource, async (tx) => {
      const repo = tx.getRepository(ShippingZone);
      const before = await repo.findOne({ where: { id, storeId }, lock: { mode: 'for_no_key_update' } });
      if (!before) throw zoneNotFound();
      const changes: Partial<ShippingZone> = {
        ...definedFields(dto, ['name']),
        ...(dto.countries !== undefined && { countries: normalizeCountries(dto.countries) }),
      };
      const diff = changedFields(before, changes);
      if (Object.keys(diff).length === 0) return before;
      await repo.update({ id }, changes);
      await this.audit.record(tx, meta, {
        action: 'shipping_zone.update',
        entityType: 'shipping_zone',
        entityId: id,
        storeId,
        details: diff,
      });
      return repo.findOneOrFail({ where: { id } });
    });
  }

  async remove(storeId: string, id: string, meta: RequestMeta): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const [rows] = await tx.query<[Array<{ name: string; countries: string[] }>, number]>(
        `DELETE FROM shipping_zones WHERE id = $1 AND store_id = $2 RETURNING name, countries`,
        [id, storeId],
      );
      if (rows.length === 0) throw zoneNotFound();
      await this.audit.record(tx, meta, {
        action: 'shipping_zone.delete',
        entityType: 'shipping_zone',
        entityId: id,
        storeId,
        // Its methods went with it (ON DELETE CASCADE); orders keep what they were charged.
        details: { name: rows[0].name, countries: rows[0].countries },
      });
    });
  }
}
