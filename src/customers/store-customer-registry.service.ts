import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ProfileRestriction } from '../auth/profiles.service';
import { RequestMeta } from '../audit/audit.types';
import { MetadataPatch } from '../common/metadata/metadata';
import { applyMetadataPatch } from '../common/metadata/metadata.sql';
import { inTransaction } from '../database/transactions';
import { StoreCustomer } from './entities/store-customer.entity';
import { registerStoreCustomerStatement } from './store-customers-sql';
import { runStatement } from '../database/prepared-query';

/** Which profiles are customers of which store (`store_customers`, owned by this module). */
@Injectable()
export class StoreCustomerRegistry {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(StoreCustomer) private readonly customers: Repository<StoreCustomer>,
    private readonly audit: AuditService,
  ) {}

  /** The profile becomes (or stays) a customer of the store, in the caller's transaction (an order was placed). */
  async register(tx: EntityManager, storeId: string, profileId: string): Promise<void> {
    const statement = registerStoreCustomerStatement(storeId, profileId);
    await runStatement(tx, statement);
  }

  /** The store-customer row's id, or null when the profile never bought from the store. */
  async find(storeId: string, profileId: string): Promise<{ id: string } | null> {
    return this.customers.findOne({ where: { storeId, profileId }, select: { id: true } });
  }

  /** True when the profile is a customer of at least one of `storeIds` (one indexed lookup). */
  async isCustomerOfAny(profileId: string, storeIds: string[]): Promise<boolean> {
    if (storeIds.length === 0) return false;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM store_customers WHERE profile_id = $1 AND store_id = ANY($2::uuid[]) LIMIT 1`,
      [profileId, storeIds],
    );
    return rows.length > 0;
  }

  /**
   * "A customer of one of `storeIds`" as a condition on the profiles alias `profileAlias`, for a
   * search that keeps its page and total in one query each (no lookup per profile).
   */
  customerOfAnyCondition(storeIds: string[], profileAlias: string): ProfileRestriction {
    return {
      sql: `EXISTS (SELECT 1 FROM store_customers sc WHERE sc.profile_id = ${profileAlias}.id AND sc.store_id = ANY(CAST(:customerOfStoreIds AS uuid[])))`,
      params: { customerOfStoreIds: storeIds },
    };
  }

  /**
   * Merges `patch` into the store customer's metadata (an admin's PATCH), audited
   * (`store_customer.update`) when a key changed. False when the profile is not a customer of the store.
   */
  async updateMetadata(
    storeId: string,
    profileId: string,
    patch: MetadataPatch,
    meta: RequestMeta,
  ): Promise<boolean> {
    return inTransaction(this.dataSource, async (tx) => {
      const customer = await tx
        .withRepository(this.customers)
        .findOne({ where: { storeId, profileId }, select: { id: true } });
      if (!customer) return false;
      const merged = await applyMetadataPatch(tx, 'store_customers', customer.id, patch);
      if (!merged) return false;
      if (Object.keys(merged.changes).length > 0) {
        await this.audit.record(tx, meta, {
          action: 'store_customer.update',
          entityType: 'store_customer',
          entityId: customer.id,
          storeId,
          details: { profileId, metadata: merged.changes },
        });
      }
      return true;
    });
  }
}
