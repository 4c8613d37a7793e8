import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service';
import { RequestMeta } from '../audit/audit.types';
import { AppException } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { InjectAppConfig } from '../config/app-config.module';
import { inTransaction } from '../database/transactions';
import { StoresService } from '../stores/stores.service';
import { CreateWebhookDto, ListWebhookDeliveriesQuery, UpdateWebhookDto } from './dto/webhook.dto';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';
import { generateWebhookSecret } from './signature';
import { checkWebhookUrl } from './url-policy';
import { PING_EVENT_TYPE } from './webhook-event-types';
import { WebhookDeliveryWorker } from './webhook-delivery-worker';

const notFound = (): AppException => new AppException(404, 'WEBHOOK_NOT_FOUND', 'Webhook endpoint not found');

/**
 * A store's webhook endpoints (admin CRUD, each change audited in its transaction), their delivery
 * log and the test ping. URLs are checked against the address policy here and again at every send.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly stores: StoresService,
    private readonly worker: WebhookDeliveryWorker,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  async list(storeId: string): Promise<WebhookEndpoint[]> {
    await this.stores.requireStore(storeId);
    return this.dataSource
      .getRepository(WebhookEndpoint)
      .find({ where: { storeId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async get(storeId: string, id: string): Promise<WebhookEndpoint> {
    await this.stores.requireStore(storeId);
    return this.find(this.dataSource.manager, storeId, id);
  }

  /** The new endpoint and its secret: the one time the secret leaves the server. */
  async create(
    storeId: string,
    dto: CreateWebhookDto,
    meta: RequestMeta,
  ): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    // Resolved before the transaction: DNS may take a while, and it holds no lock.
    const url = await checkWebhookUrl(dto.url, this.config.webhooks.allowPrivate);
    const secret = generateWebhookSecret();
    const endpoint = await inTransaction(this.dataSource, async (tx) => {
      await this.stores.requireStoreIn(tx, storeId);
      const repo = tx.getRepository(WebhookEndpoint);
      const saved = await repo.save(
        repo.create({ storeId, url, events: dto.events, secret, isActive: dto.isActive ?? true }),
      );
      await this.audit.record(tx, meta, {
        action: 'webhook.create',
        entityType: 'webhook_endpoint',
        entityId: saved.id,
        storeId,
        details: { url, events: dto.events, isActive: saved.isActive },
      });
      return this.find(tx, storeId, saved.id);
    });
    return { endpoint, secret };
  }

  async update(
    storeId: string,
    id: string,
    dto: UpdateWebhookDto,
    meta: RequestMeta,
  ): Promise<WebhookEndpoint> {
    const url =
      dto.url === undefined ? undefined : await checkWebhookUrl(dto.url, this.config.webhooks.allowPrivate);
    return inTransaction(this.dataSource, async (tx) => {
      await this.stores.requireStoreIn(tx, storeId);
      const before = await this.find(tx, storeId, id, true);
      const changes: Partial<WebhookEndpoint> = {
        ...(url !== undefined && { url }),
        ...(dto.events !== undefined && { events: dto.events }),
        ...(dto.isActive !== undefined && { isActive: dto.isActive }),
      };
      const diff = changedFields(before, changes);
      if (Object.keys(diff).length === 0) return before;
      // Turned back on: a fresh start (the failure streak and the disabling are history).
      if (dto.isActive === true && !before.isActive)
        Object.assign(changes, { consecutiveFailures: 0, disabledAt: null });
      await tx.getRepository(WebhookEndpoint).update({ id }, changes);
      await this.audit.record(tx, meta, {
        action: 'webhook.update',
        entityType: 'webhook_endpoint',
        entityId: id,
        storeId,
        details: diff,
      });
      return this.find(tx, storeId, id);
    }).finally(() => {
      // Re-enabled: its waiting deliveries are due again.
      if (dto.isActive === true) this.worker.kick();
    });
  }

  async remove(storeId: string, id: string, meta: RequestMeta): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      await this.stores.requireStoreIn(tx, storeId);
      const [rows] = await tx.query<[Array<{ url: string }>, number]>(
        `DELETE FROM webhook_endpoints WHERE id = $1 AND store_id = $2 RETURNING url`,
        [id, storeId],
      );
      if (rows.length === 0) throw notFound();
      await this.audit.record(tx, meta, {
        action: 'webhook.delete',
        entityType: 'webhook_endpoint',
        entityId: id,
        storeId,
        details: { url: rows[0].url },
      });
    });
  }

  /** The endpoint's latest deliveries, newest first. */
  async deliveries(
    storeId: string,
    id: string,
    query: ListWebhookDeliveriesQuery,
  ): Promise<WebhookDelivery[]> {
    await this.get(storeId, id);
    return this.dataSource.getRepository(WebhookDelivery).find({
      where: { endpointId: id },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
    });
  }

  /**
   * Queues a `ping` for the endpoint (whatever it subscribes to) and wakes the worker: it goes out
   * through the same path as every delivery (signed, retried, logged), so the answer is the queued
   * delivery, not the receiver's response.
   */
  async ping(storeId: string, id: string, meta: RequestMeta): Promise<WebhookDelivery> {
    const delivery = await inTransaction(this.dataSource, async (tx) => {
      await this.stores.requireStoreIn(tx, storeId);
      const endpoint = await this.find(tx, storeId, id);
      if (!endpoint.isActive) {
        throw new AppException(409, 'WEBHOOK_INACTIVE', 'The endpoint is not active: turn it on first');
      }
      const repo = tx.getRepository(WebhookDelivery);
      const saved = await repo.save(
        repo.create({
          storeId,
          endpointId: id,
          eventId: randomUUID(),
          eventType: PING_EVENT_TYPE,
          payload: {
            type: PING_EVENT_TYPE,
            timestamp: new Date().toISOString(),
            data: { endpointId: id, storeId },
          },
        }),
      );
      await this.audit.record(tx, meta, {
        action: 'webhook.test',
        entityType: 'webhook_endpoint',
        entityId: id,
        storeId,
        details: { deliveryId: saved.id },
      });
      return repo.findOneOrFail({ where: { id: saved.id } });
    });
    this.worker.kick();
    return delivery;
  }

  private async find(tx: EntityManager, storeId: string, id: string, lock = false): Promise<WebhookEndpoint> {
    const endpoint = await tx.getRepository(WebhookEndpoint).findOne({
      where: { id, storeId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!endpoint) throw notFound();
    return endpoint;
  }
}
