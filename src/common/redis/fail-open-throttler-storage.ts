import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type Redis from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** One warning per this period while Redis is failing, not one per request. */
const WARN_INTERVAL_MS = 30_000;

/**
 * Shared counters in Redis (@nest-lab/throttler-storage-redis), failing open to this process's own
 * in-memory counters while Redis does not answer: a Redis outage must not take login down (503 for
 * everybody), and the limit still holds per process meanwhile, as it did before Redis. Logged as a
 * warning, once per period. Decision and trade-off: docs/operations.md, "Shared limits (Redis)".
 */
export class FailOpenThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger('Throttler');
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private lastWarned = 0;

  constructor(private readonly redis: Redis) {
    this.shared = new ThrottlerStorageRedisService(redis);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      return await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      const now = Date.now();
      if (now - this.lastWarned >= WARN_INTERVAL_MS) {
        this.lastWarned = now;
        this.logger.warn(
          `Rate-limit counters in Redis unavailable (${error instanceof Error ? error.message : String(error)}): counting in this process until it is back`,
        );
      }
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onModuleDestroy(): void {
    this.local.onApplicationShutdown();
    this.redis.disconnect(false);
  }
}
