import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AuthUser } from '../auth/auth.types';
import { MetadataPatch } from '../common/metadata/metadata';
import { applyMetadataPatch } from '../common/metadata/metadata.sql';
import { inTransaction } from '../database/transactions';
import { Order } from './entities/order.entity';
import { orderNotFound } from './order-errors';
import { OrdersService } from './orders.service';

/**
 * An order's metadata, set by an admin (`PATCH /admin/orders/:id`). Not a state change: no event,
 * and the state machine's row lock is not taken (the metadata UPDATE locks the row itself, so it
 * waits for a concurrent status change and vice versa, and two patches of different keys both survive).
 */
@Injectable()
export class OrderMetadata {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly reads: OrdersService,
    private readonly audit: AuditService,
  ) {}

  /** Merges `patch` into the order's metadata; audited (`order.update`) when a key changed. */
  async update(id: string, patch: MetadataPatch, caller: AuthUser, meta: RequestMeta): Promise<Order> {
    await inTransaction(this.dataSource, async (tx) => {
      const order = await tx
        .withRepository(this.orders)
        .findOne({ where: { id }, select: { id: true, storeId: true } });
      if (!order) throw orderNotFound();
      const merged = await applyMetadataPatch(tx, 'orders', id, patch);
      if (!merged) throw orderNotFound();
      if (Object.keys(merged.changes).length === 0) return;
      await this.audit.record(tx, meta, {
        action: 'order.update',
        entityType: 'order',
        entityId: id,
        storeId: order.storeId,
        details: { metadata: merged.changes },
      });
    });
    return this.reads.getForCaller(id, caller);
  }
}
