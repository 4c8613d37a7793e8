import { ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config';
import { FailOpenThrottlerStorage } from './fail-open-throttler-storage';
import { createRedisClient } from './redis-client';

/**
 * The throttler's storage for ThrottlerModule options: Redis (shared by every instance) when
 * REDIS_URL is set, else undefined, i.e. @nestjs/throttler's in-memory default (one process).
 */
export function throttlerStorageFor(config: Pick<AppConfig, 'redisUrl'>): ThrottlerStorage | undefined {
  return config.redisUrl === undefined
    ? undefined
    : new FailOpenThrottlerStorage(createRedisClient(config.redisUrl));
}
